"""409s of the referrals API carry the record as it is now, as api.md sets out; bad
filters and dates are 400s naming the field."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(kg_border_officer, register, refer, kg_agencies):
    return refer(kg_border_officer, register(kg_border_officer), kg_agencies["asylum"])


def test_a_stale_version_on_an_answer_is_a_409_with_the_referral_as_it_is(
    kg_asylum_caseworker, referral, api
):
    response = api(kg_asylum_caseworker).post(
        f"/api/v1/referrals/{referral.pk}/accept/", {"version": 9}, format="json"
    )
    assert response.status_code == 409
    body = response.json()
    assert body["detail"]
    assert body["current"]["id"] == str(referral.pk)
    assert body["current"]["status"] == "sent"
    assert body["current"]["version"] == referral.version


def test_answering_twice_is_a_409_with_the_answer_already_given(
    kg_asylum_caseworker, referral, api
):
    client = api(kg_asylum_caseworker)
    assert client.post(f"/api/v1/referrals/{referral.pk}/accept/").status_code == 200
    response = client.post(
        f"/api/v1/referrals/{referral.pk}/decline/", {"reason": "Changed our mind"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["current"]["status"] == "accepted"


def test_withdrawing_a_consent_twice_is_a_409_with_the_consent(
    kg_border_officer, register, consent, kg_agencies, api
):
    given = consent(
        kg_border_officer, register(kg_border_officer), kg_agencies["unhcr"], ["unhcr_mandate"]
    )
    client = api(kg_border_officer)
    assert client.post(f"/api/v1/consents/{given.pk}/withdraw/").status_code == 200
    response = client.post(f"/api/v1/consents/{given.pk}/withdraw/")
    assert response.status_code == 409
    assert response.json()["current"]["withdrawn"] is True


def test_a_consent_given_after_today_is_a_400(kg_border_officer, register, kg_agencies, api):
    person = register(kg_border_officer)
    response = api(kg_border_officer).post(
        "/api/v1/consents/",
        {
            "person": str(person.pk),
            "to_agency": str(kg_agencies["unhcr"].pk),
            "purposes": ["unhcr_mandate"],
            "given_by": "person",
            "given_on": "2999-01-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "given_on" in response.json()


def test_a_malformed_person_filter_on_consents_is_a_400(kg_border_officer, api):
    response = api(kg_border_officer).get("/api/v1/consents/", {"person": "nobody"})
    assert response.status_code == 400
    assert "person" in response.json()
