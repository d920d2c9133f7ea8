"""Sending a referral through the API: field errors, consent checked by the action (409
without it, 201 once recorded), and only within the state."""

from __future__ import annotations

import pytest

from crossroads.access.gate import can
from crossroads.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_referral_to_a_partner_is_refused_without_consent_then_sent_once_consent_is_recorded(
    kg_border_officer, kg_unhcr_partner, register, kg_agencies, api
):
    person = register(kg_border_officer)
    client = api(kg_border_officer)
    payload = {
        "person": str(person.pk),
        "pathway": "unhcr_mandate",
        "priority": "urgent",
        "needs": ["international_protection"],
        "to_agency": str(kg_agencies["unhcr"].pk),
    }
    refused = client.post("/api/v1/referrals/", payload, format="json")
    assert refused.status_code == 409
    assert "consent" in refused.json()["detail"]
    assert not can(kg_unhcr_partner, "view_person", person)

    recorded = client.post(
        "/api/v1/consents/",
        {
            "person": str(person.pk),
            "to_agency": str(kg_agencies["unhcr"].pk),
            "purposes": ["unhcr_mandate"],
            "given_by": "person",
            "given_on": "2026-11-20",
        },
        format="json",
    )
    assert recorded.status_code == 201, recorded.content

    sent = client.post("/api/v1/referrals/", payload, format="json")
    assert sent.status_code == 201, sent.content
    body = sent.json()
    assert body["status"] == "sent"
    assert body["to_agency"]["name"] == "UNHCR Kyrgyzstan"
    assert body["needs"] == ["international_protection"]
    # The referral grants the partner access to the person, through the gate.
    assert can(kg_unhcr_partner, "view_person", person)


def test_a_referral_to_a_state_body_needs_no_consent(kg_border_officer, register, kg_agencies, api):
    person = register(kg_border_officer)
    response = api(kg_border_officer).post(
        "/api/v1/referrals/",
        {"person": str(person.pk), "pathway": "asylum_procedure", "priority": "urgent"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["to_agency"]["id"] == str(kg_agencies["asylum"].pk)
    assert AuditEvent.objects.filter(action="create", object_id=response.json()["id"]).exists()


def test_missing_and_unknown_fields_are_field_errors(kg_border_officer, api):
    response = api(kg_border_officer).post(
        "/api/v1/referrals/",
        {"pathway": "to_the_moon", "priority": "whenever", "needs": ["nothing"]},
        format="json",
    )
    assert response.status_code == 400
    assert {"person", "pathway", "priority", "needs"} <= set(response.json())


def test_an_agency_of_another_state_is_refused(kg_border_officer, register, kg_agencies, api):
    person = register(kg_border_officer)
    response = api(kg_border_officer).post(
        "/api/v1/referrals/",
        {
            "person": str(person.pk),
            "pathway": "unhcr_mandate",
            "priority": "urgent",
            "to_agency": str(kg_agencies["kz_unhcr"].pk),
        },
        format="json",
    )
    assert response.status_code == 400
    assert "to_agency" in response.json()


def test_an_officer_of_another_state_cannot_refer_the_person(
    kg_border_officer, kz_border_officer, register, kg_agencies, api
):
    person = register(kg_border_officer)
    response = api(kz_border_officer).post(
        "/api/v1/referrals/",
        {"person": str(person.pk), "pathway": "asylum_procedure", "priority": "urgent"},
        format="json",
    )
    assert response.status_code == 404


def test_a_partner_cannot_send_referrals(kg_unhcr_partner, api):
    response = api(kg_unhcr_partner).post(
        "/api/v1/referrals/",
        {"person": "8f1c3f0e-0000-4000-8000-000000000000", "pathway": "legal_aid"},
        format="json",
    )
    assert response.status_code == 403
