"""The inbox (sent to my agency) and the outbox (sent by it), filtered by status and by
overdue, the most urgent and overdue first."""

from __future__ import annotations

import pytest

from crossroads.referrals.actions import accept_referral, decline_referral

pytestmark = pytest.mark.django_db


def _refs(response):
    assert response.status_code == 200, response.content
    return [row["reference"] for row in response.json()["results"]]


def test_the_inbox_lists_referrals_sent_to_my_agency_and_the_outbox_those_sent_by_it(
    kg_border_officer, kg_asylum_caseworker, register, refer, kg_agencies, api
):
    person = register(kg_border_officer)
    sent = refer(kg_border_officer, person, kg_agencies["asylum"])
    assert _refs(api(kg_asylum_caseworker).get("/api/v1/referrals/?box=in")) == [sent.reference]
    assert _refs(api(kg_asylum_caseworker).get("/api/v1/referrals/?box=out")) == []
    assert _refs(api(kg_border_officer).get("/api/v1/referrals/?box=out")) == [sent.reference]
    assert _refs(api(kg_border_officer).get("/api/v1/referrals/?box=in")) == []


def test_the_status_filter_shows_only_referrals_in_that_status(
    kg_border_officer, kg_asylum_caseworker, register, refer, kg_agencies, api
):
    person = register(kg_border_officer)
    waiting = refer(kg_border_officer, person, kg_agencies["asylum"])
    accepted = refer(kg_border_officer, person, kg_agencies["asylum"])
    declined = refer(kg_border_officer, person, kg_agencies["asylum"])
    accept_referral(acting_user=kg_asylum_caseworker, referral_id=accepted.pk)
    decline_referral(acting_user=kg_asylum_caseworker, referral_id=declined.pk, reason="Not ours")
    client = api(kg_border_officer)
    assert _refs(client.get("/api/v1/referrals/?box=out&status=sent")) == [waiting.reference]
    assert _refs(client.get("/api/v1/referrals/?box=out&status=accepted")) == [accepted.reference]
    assert _refs(client.get("/api/v1/referrals/?box=out&status=declined")) == [declined.reference]


def test_the_sender_sees_the_status_the_receiver_gave(
    kg_border_officer, kg_asylum_caseworker, register, refer, kg_agencies, api
):
    person = register(kg_border_officer)
    referral = refer(kg_border_officer, person, kg_agencies["asylum"])
    decline_referral(
        acting_user=kg_asylum_caseworker, referral_id=referral.pk, reason="Wrong office"
    )
    row = api(kg_border_officer).get("/api/v1/referrals/?box=out").json()["results"][0]
    assert row["status"] == "declined"
    assert row["decline_reason"] == "Wrong office"


def test_the_inbox_puts_overdue_then_the_most_urgent_first(
    kg_border_officer, kg_asylum_caseworker, register, refer, kg_agencies, api, make_overdue
):
    person = register(kg_border_officer)
    normal = refer(kg_border_officer, person, kg_agencies["asylum"], priority="normal")
    urgent = refer(kg_border_officer, person, kg_agencies["asylum"], priority="urgent")
    late = make_overdue(refer(kg_border_officer, person, kg_agencies["asylum"], priority="high"))
    emergency = refer(kg_border_officer, person, kg_agencies["asylum"], priority="emergency")
    refs = _refs(api(kg_asylum_caseworker).get("/api/v1/referrals/?box=in"))
    assert refs == [late.reference, emergency.reference, urgent.reference, normal.reference]


def test_an_unknown_box_or_status_is_a_field_error(kg_border_officer, api):
    response = api(kg_border_officer).get("/api/v1/referrals/?box=sideways&status=lost")
    assert response.status_code == 400
    assert set(response.json()) == {"box", "status"}


def test_lists_are_paginated(kg_border_officer, register, refer, kg_agencies, api):
    person = register(kg_border_officer)
    for _ in range(3):
        refer(kg_border_officer, person, kg_agencies["asylum"])
    body = api(kg_border_officer).get("/api/v1/referrals/?box=out&page_size=2").json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


def test_analysts_and_anonymous_callers_see_no_referrals(kg_analyst, api):
    assert api(kg_analyst).get("/api/v1/referrals/").status_code == 403
    assert api().get("/api/v1/referrals/").status_code == 401


def test_without_a_box_both_sent_and_received_referrals_are_listed(
    kg_border_officer, kg_asylum_caseworker, register, refer, kg_agencies, api
):
    person = register(kg_border_officer)
    received = refer(kg_border_officer, person, kg_agencies["asylum"])
    sent = refer(kg_asylum_caseworker, person, kg_agencies["legal_aid"], "legal_aid")
    refs = _refs(api(kg_asylum_caseworker).get("/api/v1/referrals/"))
    assert sorted(refs) == sorted([received.reference, sent.reference])
