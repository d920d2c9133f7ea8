"""Withdrawing consent ends at once the partner's access to everything it carried."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _referred_to_unhcr(kg_border_officer, register, consent, refer, kg_agencies):
    person = register(kg_border_officer)
    given = consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    referral = refer(kg_border_officer, person, kg_agencies["unhcr"], pathway="unhcr_mandate")
    return person, given, referral


def test_the_partner_no_longer_opens_the_person_after_consent_is_withdrawn(
    kg_border_officer, kg_unhcr_partner, register, consent, refer, kg_agencies, api
):
    person, given, referral = _referred_to_unhcr(
        kg_border_officer, register, consent, refer, kg_agencies
    )
    partner = api(kg_unhcr_partner)
    assert partner.get(f"/api/v1/persons/{person.pk}/").status_code == 200
    assert partner.get(f"/api/v1/referrals/{referral.pk}/").status_code == 200

    withdrawn = api(kg_border_officer).post(f"/api/v1/consents/{given.pk}/withdraw/")
    assert withdrawn.status_code == 200

    assert partner.get(f"/api/v1/persons/{person.pk}/").status_code == 404
    assert partner.get(f"/api/v1/referrals/{referral.pk}/").status_code == 404
    listed = partner.get("/api/v1/persons/").json()["results"]
    assert str(person.pk) not in [p["id"] for p in listed]
    inbox = partner.get("/api/v1/referrals/?box=in").json()["results"]
    assert str(referral.pk) not in [r["id"] for r in inbox]


def test_the_withdrawal_is_audited_with_the_access_it_ended(
    kg_border_officer, register, consent, refer, kg_agencies, api
):
    from crossroads.audit.models import AuditEvent

    _person, given, _referral = _referred_to_unhcr(
        kg_border_officer, register, consent, refer, kg_agencies
    )
    api(kg_border_officer).post(f"/api/v1/consents/{given.pk}/withdraw/")
    row = AuditEvent.objects.filter(object_id=str(given.pk), action="update").get()
    assert row.detail["withdrawn"] is True
    assert row.detail["access_revoked"] == 1


def test_what_the_partner_already_received_is_listed_on_the_withdrawn_consent(
    kg_border_officer, register, consent, refer, kg_agencies, api
):
    _person, given, referral = _referred_to_unhcr(
        kg_border_officer, register, consent, refer, kg_agencies
    )
    client = api(kg_border_officer)
    assert client.get(f"/api/v1/consents/{given.pk}/").json()["received"] == []
    body = client.post(f"/api/v1/consents/{given.pk}/withdraw/").json()
    assert [(r["kind"], r["reference"]) for r in body["received"]] == [
        ("referral", referral.reference)
    ]


def test_another_consent_in_force_keeps_the_partner_working(
    kg_border_officer, kg_unhcr_partner, register, consent, refer, kg_agencies, api
):
    person, given, _referral = _referred_to_unhcr(
        kg_border_officer, register, consent, refer, kg_agencies
    )
    consent(kg_border_officer, person, kg_agencies["unhcr"], ["legal_aid"])
    api(kg_border_officer).post(f"/api/v1/consents/{given.pk}/withdraw/")
    assert api(kg_unhcr_partner).get(f"/api/v1/persons/{person.pk}/").status_code == 200
