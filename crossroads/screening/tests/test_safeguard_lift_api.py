"""POST /api/v1/safeguards/{id}/lift/: only a supervisor, with a recorded decision."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.screening.actions import screen_person
from crossroads.screening.models import PersonSafeguard
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def non_refoulement(kg_border_officer, register):
    person = register(kg_border_officer)
    screen_person(acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record())
    return PersonSafeguard.objects.get(person=person, code="non_refoulement")


@pytest.fixture
def kg_border_supervisor(db):
    """A supervisor in the agency that registered the person (the border service)."""
    from crossroads.accounts.models import Agency, User

    agency = Agency.objects.get(country_id="KG", name="Border Service (KG)")
    return User.objects.create(username="kg_border_supervisor", agency=agency, roles=["supervisor"])


def test_a_supervisor_lifts_a_safeguard_with_a_decision(kg_border_supervisor, non_refoulement, api):
    response = api(kg_border_supervisor).post(
        f"/api/v1/safeguards/{non_refoulement.pk}/lift/",
        {"reason": "Asylum refused on appeal, final.", "decision": "KG-DEC-2026-114"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["is_active"] is False
    assert body["lift_decision"] == "KG-DEC-2026-114"
    assert body["lifted_by"] == "kg_border_supervisor"
    non_refoulement.refresh_from_db()
    assert non_refoulement.lifted_at is not None
    assert AuditEvent.objects.filter(
        action="update", object_id=str(non_refoulement.pk), detail__lifted="non_refoulement"
    ).exists()


def test_an_officer_may_not_lift_a_safeguard(kg_border_officer, non_refoulement, api):
    response = api(kg_border_officer).post(
        f"/api/v1/safeguards/{non_refoulement.pk}/lift/", {"reason": "x"}, format="json"
    )
    assert response.status_code == 403
    non_refoulement.refresh_from_db()
    assert non_refoulement.is_active


def test_a_supervisor_who_may_not_see_the_person_gets_404(
    kz_migration_supervisor, non_refoulement, api
):
    response = api(kz_migration_supervisor).post(
        f"/api/v1/safeguards/{non_refoulement.pk}/lift/", {"reason": "x"}, format="json"
    )
    assert response.status_code == 404


def test_lifting_needs_a_reason(kg_border_supervisor, non_refoulement, api):
    response = api(kg_border_supervisor).post(
        f"/api/v1/safeguards/{non_refoulement.pk}/lift/", {"reason": ""}, format="json"
    )
    assert response.status_code == 400
    assert "reason" in response.json()


def test_a_lifted_safeguard_cannot_be_lifted_again(kg_border_supervisor, non_refoulement, api):
    client = api(kg_border_supervisor)
    url = f"/api/v1/safeguards/{non_refoulement.pk}/lift/"
    assert client.post(url, {"reason": "final decision"}, format="json").status_code == 200
    assert client.post(url, {"reason": "again"}, format="json").status_code == 409


def test_lifting_a_safeguard_lifted_already_is_a_409_with_it_as_it_is(
    kg_border_supervisor, non_refoulement, api
):
    client = api(kg_border_supervisor)
    url = f"/api/v1/safeguards/{non_refoulement.pk}/lift/"
    assert client.post(url, {"reason": "Final decision."}, format="json").status_code == 200
    response = client.post(url, {"reason": "Again."}, format="json")
    assert response.status_code == 409
    assert response.json()["current"]["is_active"] is False
    assert response.json()["current"]["lift_reason"] == "Final decision."
