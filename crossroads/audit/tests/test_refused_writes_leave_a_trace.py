"""A refused write rolls back the action's transaction, but not its `denied` audit row."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

RECORD = {
    "country": "KG",
    "date": "2026-11-20",
    "location": {"kind": "border_crossing"},
    "person": {"nationalities": ["AF"], "sex": "M"},
    "statements": {"fear_of_return": True},
}


def test_a_refused_screening_of_another_states_person_is_audited(
    kg_border_officer, kz_border_officer, register, api
):
    from crossroads.audit.models import AuditEvent

    person = register(kg_border_officer)
    refused = api(kz_border_officer).post(
        "/api/v1/screenings/", {"person": str(person.pk), "record": RECORD}, format="json"
    )
    assert refused.status_code == 404
    rows = AuditEvent.objects.filter(action="denied", object_id=str(person.pk))
    assert rows.count() == 1
    assert rows.get().actor_username == kz_border_officer.username


def test_a_refused_referral_is_audited(kg_border_officer, kz_border_officer, register, api):
    from crossroads.audit.models import AuditEvent

    person = register(kg_border_officer)
    refused = api(kz_border_officer).post(
        "/api/v1/referrals/",
        {"person": str(person.pk), "pathway": "asylum_procedure", "priority": "high"},
        format="json",
    )
    assert refused.status_code == 404
    assert AuditEvent.objects.filter(action="denied", object_id=str(person.pk)).count() == 1


def test_a_refused_page_write_is_audited(kg_border_officer, kz_border_officer, register, web):
    from crossroads.audit.models import AuditEvent

    person = register(kg_border_officer)
    response = web(kz_border_officer).post(f"/people/{person.pk}/edit/", {"given_name": "X"})
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="denied", object_id=str(person.pk)).count() == 1
