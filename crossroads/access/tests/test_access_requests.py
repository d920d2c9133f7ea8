"""Asking the registering agency for access: ask, grant, refuse, expire; audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def kg_border_supervisor(kg_border_officer):
    from crossroads.accounts.models import User

    user = User(
        username="kg_border_supervisor", agency=kg_border_officer.agency, roles=["supervisor"]
    )
    user.set_unusable_password()
    user.save()
    return user


def _ask(client, person, reason="The person asked for asylum at our office."):
    return client.post(
        "/api/v1/access-requests/", {"person": str(person.pk), "reason": reason}, format="json"
    )


def test_the_asylum_caseworker_asks_and_the_border_supervisor_grants(
    kg_border_officer, kg_border_supervisor, kg_asylum_caseworker, register, api
):
    from crossroads.audit.models import AuditEvent

    person = register(kg_border_officer)
    asker = api(kg_asylum_caseworker)
    assert asker.get(f"/api/v1/persons/{person.pk}/").status_code == 404
    asked = _ask(asker, person)
    assert asked.status_code == 201, asked.content
    assert asked.json()["status"] == "asked"
    assert asked.json()["to_agency"] == str(kg_border_officer.agency_id)

    supervisor = api(kg_border_supervisor)
    waiting = supervisor.get("/api/v1/access-requests/").json()["results"]
    assert [r["id"] for r in waiting] == [asked.json()["id"]]
    granted = supervisor.post(f"/api/v1/access-requests/{asked.json()['id']}/grant/")
    assert granted.status_code == 200
    assert granted.json()["status"] == "granted"
    assert asker.get(f"/api/v1/persons/{person.pk}/").status_code == 200
    assert AuditEvent.objects.filter(
        object_type="access.accessrequest", object_id=asked.json()["id"], action="update"
    ).exists()


def test_a_refusal_needs_a_reason_and_leaves_the_record_closed(
    kg_border_officer, kg_border_supervisor, kg_asylum_caseworker, register, api
):
    person = register(kg_border_officer)
    request_id = _ask(api(kg_asylum_caseworker), person).json()["id"]
    supervisor = api(kg_border_supervisor)
    assert (
        supervisor.post(
            f"/api/v1/access-requests/{request_id}/refuse/", {}, format="json"
        ).status_code
        == 400
    )
    refused = supervisor.post(
        f"/api/v1/access-requests/{request_id}/refuse/", {"reason": "Not needed"}, format="json"
    )
    assert refused.status_code == 200 and refused.json()["status"] == "refused"
    assert api(kg_asylum_caseworker).get(f"/api/v1/persons/{person.pk}/").status_code == 404
    again = supervisor.post(f"/api/v1/access-requests/{request_id}/grant/")
    assert again.status_code == 409


def test_only_a_supervisor_of_the_registering_agency_answers(
    kg_border_officer, kg_migration_supervisor, kg_asylum_caseworker, register, api
):
    person = register(kg_border_officer)
    request_id = _ask(api(kg_asylum_caseworker), person).json()["id"]
    assert (
        api(kg_border_officer).post(f"/api/v1/access-requests/{request_id}/grant/").status_code
        == 403
    )
    assert (
        api(kg_migration_supervisor)
        .post(f"/api/v1/access-requests/{request_id}/grant/")
        .status_code
        == 404
    )


def test_a_person_of_another_state_cannot_be_asked_for(
    kg_border_officer, kz_migration_caseworker, register, api
):
    person = register(kg_border_officer)
    assert _ask(api(kz_migration_caseworker), person).status_code == 404


def test_a_record_already_visible_needs_no_request(kg_border_officer, register, api):
    person = register(kg_border_officer)
    assert _ask(api(kg_border_officer), person).status_code == 409


def test_an_unanswered_request_expires(
    kg_border_officer, kg_border_supervisor, kg_asylum_caseworker, register, api
):
    from crossroads.access.models import AccessRequest

    person = register(kg_border_officer)
    request_id = _ask(api(kg_asylum_caseworker), person).json()["id"]
    AccessRequest.objects.filter(pk=request_id).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    answered = api(kg_border_supervisor).post(f"/api/v1/access-requests/{request_id}/grant/")
    assert answered.status_code == 409
    assert AccessRequest.objects.get(pk=request_id).status == "expired"


def test_analysts_and_partners_may_not_ask(
    kg_border_officer, kg_analyst, kg_unhcr_partner, register, api
):
    person = register(kg_border_officer)
    assert _ask(api(kg_analyst), person).status_code == 403
    assert _ask(api(kg_unhcr_partner), person).status_code == 403
