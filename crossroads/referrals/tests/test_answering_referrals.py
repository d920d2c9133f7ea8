"""The receiving agency answers: accept, or decline with a reason; only the receiver, and
only once."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(kg_border_officer, register, refer, kg_agencies):
    return refer(kg_border_officer, register(kg_border_officer), kg_agencies["asylum"])


def test_the_receiver_accepts_a_referral(kg_asylum_caseworker, referral, api):
    response = api(kg_asylum_caseworker).post(f"/api/v1/referrals/{referral.pk}/accept/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "accepted"
    assert response.json()["answered_at"]


def test_declining_needs_a_reason(kg_asylum_caseworker, referral, api):
    client = api(kg_asylum_caseworker)
    for body in ({}, {"reason": "   "}):
        response = client.post(f"/api/v1/referrals/{referral.pk}/decline/", body, format="json")
        assert response.status_code == 400
        assert "reason" in response.json()
    response = client.post(
        f"/api/v1/referrals/{referral.pk}/decline/",
        {"reason": "This office covers Osh only"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert response.json()["decline_reason"] == "This office covers Osh only"


def test_only_the_receiver_may_answer(
    kg_border_officer, kg_migration_caseworker, kz_migration_caseworker, referral, api
):
    for user in (kg_border_officer, kg_migration_caseworker, kz_migration_caseworker):
        client = api(user)
        accept = client.post(f"/api/v1/referrals/{referral.pk}/accept/")
        decline = client.post(
            f"/api/v1/referrals/{referral.pk}/decline/", {"reason": "no"}, format="json"
        )
        assert (accept.status_code, decline.status_code) in {(404, 404), (403, 403)}
    referral.refresh_from_db()
    assert referral.status == "sent"


def test_a_referral_cannot_be_answered_twice(kg_asylum_caseworker, referral, api):
    client = api(kg_asylum_caseworker)
    assert client.post(f"/api/v1/referrals/{referral.pk}/accept/").status_code == 200
    again = client.post(f"/api/v1/referrals/{referral.pk}/accept/")
    assert again.status_code == 409
    assert again.json()["detail"]
    decline = client.post(
        f"/api/v1/referrals/{referral.pk}/decline/", {"reason": "changed mind"}, format="json"
    )
    assert decline.status_code == 409


def test_a_stale_version_is_refused(kg_asylum_caseworker, referral, api):
    response = api(kg_asylum_caseworker).post(
        f"/api/v1/referrals/{referral.pk}/accept/", {"version": 99}, format="json"
    )
    assert response.status_code == 409


def test_the_border_officer_who_sent_it_cannot_answer_it(kg_border_officer, referral, api):
    # An officer's role does not answer referrals at all.
    response = api(kg_border_officer).post(f"/api/v1/referrals/{referral.pk}/accept/")
    assert response.status_code == 403


def test_an_agency_that_declined_no_longer_sees_the_person(
    kg_border_officer, kg_asylum_caseworker, register, api
):
    from crossroads.referrals.actions import decline_referral, send_referral

    person = register(kg_border_officer)
    referral = send_referral(
        acting_user=kg_border_officer,
        person_id=person.pk,
        pathway="asylum_procedure",
        priority="urgent",
        to_agency_id=kg_asylum_caseworker.agency_id,
    )
    client = api(kg_asylum_caseworker)
    assert client.get(f"/api/v1/persons/{person.pk}/").status_code == 200
    decline_referral(
        acting_user=kg_asylum_caseworker,
        referral_id=referral.pk,
        reason="Not our competence: the person is not seeking asylum",
    )
    assert client.get(f"/api/v1/persons/{person.pk}/").status_code == 404
    sender_view = api(kg_border_officer).get(f"/api/v1/referrals/{referral.pk}/")
    assert sender_view.json()["status"] == "declined"
