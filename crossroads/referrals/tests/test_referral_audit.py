"""Every read of a referral or consent leaves one audit row; writes leave theirs."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_reading_a_referral_leaves_one_read_row(
    kg_border_officer, kg_asylum_caseworker, register, refer, kg_agencies, api
):
    referral = refer(kg_border_officer, register(kg_border_officer), kg_agencies["asylum"])
    before = AuditEvent.objects.filter(object_id=str(referral.pk), action="read").count()
    assert api(kg_asylum_caseworker).get(f"/api/v1/referrals/{referral.pk}/").status_code == 200
    rows = AuditEvent.objects.filter(object_id=str(referral.pk), action="read")
    assert rows.count() == before + 1
    row = rows.first()
    assert row.actor == kg_asylum_caseworker
    assert row.channel == "api"
    assert row.detail == {"person": str(referral.person_id)}


def test_a_list_leaves_one_row_naming_the_referrals_shown(
    kg_border_officer, register, refer, kg_agencies, api
):
    person = register(kg_border_officer)
    sent = [refer(kg_border_officer, person, kg_agencies["asylum"]) for _ in range(2)]
    api(kg_border_officer).get("/api/v1/referrals/?box=out")
    row = AuditEvent.objects.filter(action="list", object_type="referrals.referral").first()
    assert sorted(row.detail["ids"]) == sorted(str(r.pk) for r in sent)


def test_a_refused_read_is_audited_as_denied(
    kg_border_officer, kz_migration_caseworker, register, refer, kg_agencies, api
):
    referral = refer(kg_border_officer, register(kg_border_officer), kg_agencies["asylum"])
    assert api(kz_migration_caseworker).get(f"/api/v1/referrals/{referral.pk}/").status_code == 404
    assert AuditEvent.objects.filter(
        action="denied", object_id=str(referral.pk), actor=kz_migration_caseworker
    ).exists()


def test_answers_and_consents_are_audited(
    kg_border_officer, kg_asylum_caseworker, register, refer, consent, kg_agencies, api
):
    person = register(kg_border_officer)
    referral = refer(kg_border_officer, person, kg_agencies["asylum"])
    api(kg_asylum_caseworker).post(
        f"/api/v1/referrals/{referral.pk}/decline/", {"reason": "full"}, format="json"
    )
    assert AuditEvent.objects.filter(
        action="update", object_id=str(referral.pk), detail__status="declined"
    ).exists()
    given = consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    assert AuditEvent.objects.filter(action="create", object_id=str(given.pk)).exists()
    api(kg_border_officer).get(f"/api/v1/consents/{given.pk}/")
    assert AuditEvent.objects.filter(action="read", object_id=str(given.pk)).count() == 1
    api(kg_border_officer).post(f"/api/v1/consents/{given.pk}/withdraw/")
    assert AuditEvent.objects.filter(action="update", object_id=str(given.pk)).count() == 1
