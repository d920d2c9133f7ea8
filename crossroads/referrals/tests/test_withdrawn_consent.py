"""A withdrawn consent allows no new referral; it cannot be withdrawn twice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _send(client, person, agency):
    return client.post(
        "/api/v1/referrals/",
        {
            "person": str(person.pk),
            "pathway": "unhcr_mandate",
            "priority": "urgent",
            "to_agency": str(agency.pk),
        },
        format="json",
    )


def test_a_withdrawn_consent_blocks_new_referrals(
    kg_border_officer, register, consent, kg_agencies, api
):
    person = register(kg_border_officer)
    given = consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    client = api(kg_border_officer)
    assert _send(client, person, kg_agencies["unhcr"]).status_code == 201
    withdrawn = client.post(f"/api/v1/consents/{given.pk}/withdraw/")
    assert withdrawn.status_code == 200
    assert withdrawn.json()["withdrawn"] is True
    refused = _send(client, person, kg_agencies["unhcr"])
    assert refused.status_code == 409
    assert "consent" in refused.json()["detail"]


def test_a_consent_cannot_be_withdrawn_twice(
    kg_border_officer, register, consent, kg_agencies, api
):
    person = register(kg_border_officer)
    given = consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    client = api(kg_border_officer)
    assert client.post(f"/api/v1/consents/{given.pk}/withdraw/").status_code == 200
    assert client.post(f"/api/v1/consents/{given.pk}/withdraw/").status_code == 409


def test_the_consents_of_a_person_are_listed_with_their_withdrawal(
    kg_border_officer, register, consent, kg_agencies, api
):
    person = register(kg_border_officer)
    other = register(kg_border_officer, given_name="Other")
    kept = consent(kg_border_officer, person, kg_agencies["ngo"], ["family_tracing"])
    gone = consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    consent(kg_border_officer, other, kg_agencies["unhcr"], ["unhcr_mandate"])
    client = api(kg_border_officer)
    client.post(f"/api/v1/consents/{gone.pk}/withdraw/")
    body = client.get(f"/api/v1/consents/?person={person.pk}").json()
    assert body["count"] == 2
    withdrawn = {row["id"]: row["withdrawn"] for row in body["results"]}
    assert withdrawn == {str(kept.pk): False, str(gone.pk): True}


def test_the_consents_of_a_person_of_another_state_are_not_found(
    kg_border_officer, kz_border_officer, register, consent, kg_agencies, api
):
    person = register(kg_border_officer)
    given = consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    client = api(kz_border_officer)
    assert client.get(f"/api/v1/consents/?person={person.pk}").status_code == 404
    assert client.get(f"/api/v1/consents/{given.pk}/").status_code == 404
    assert client.post(f"/api/v1/consents/{given.pk}/withdraw/").status_code == 404
