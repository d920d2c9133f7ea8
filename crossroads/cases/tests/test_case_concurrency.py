"""Two caseworkers edit the same case from the same version: the second is refused with
409 and the current case, and nothing the first wrote is lost."""

from __future__ import annotations

import pytest

from crossroads.accounts.models import User
from crossroads.cases.models import Case, CaseTransition

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(kg_migration_caseworker):
    user = User.objects.filter(username="kg_migration_caseworker_2").first()
    if user is None:
        user = User.objects.create(
            username="kg_migration_caseworker_2",
            agency=kg_migration_caseworker.agency,
            roles=["caseworker"],
        )
    return user


def test_the_second_of_two_edits_from_the_same_version_gets_409_and_nothing_is_lost(
    kg_migration_caseworker, colleague, register, open_case, api
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="regularisation")
    version = case.get(kg_migration_caseworker)["version"]
    first = api(kg_migration_caseworker).patch(
        f"/api/v1/cases/{case.id}/",
        {"version": version, "summary": "Seven years in Osh; wife and two children."},
        format="json",
    )
    assert first.status_code == 200 and first.json()["version"] == version + 1
    second = api(colleague).patch(
        f"/api/v1/cases/{case.id}/",
        {"version": version, "summary": "Arrived 2019."},
        format="json",
    )
    assert second.status_code == 409
    body = second.json()
    assert "changed by someone else" in body["detail"]
    assert body["current"]["summary"] == "Seven years in Osh; wife and two children."
    assert body["current"]["version"] == version + 1
    assert Case.objects.get(pk=case.id).summary == "Seven years in Osh; wife and two children."


def test_a_stale_version_refuses_a_transition_too(
    kg_migration_caseworker, colleague, register, open_case
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    version = case.get(kg_migration_caseworker)["version"]
    api_first = case.go(
        kg_migration_caseworker, "consider_alternatives", version=version, alternatives="A"
    )
    assert api_first.status_code == 200
    # The colleague, still on the old version, edits the summary: refused.
    response = case.api(colleague).patch(
        f"/api/v1/cases/{case.id}/", {"version": version, "summary": "B"}, format="json"
    )
    assert response.status_code == 409
    # And a transition from a fresh state but a stale version: refused as well.
    case.ok(kg_migration_caseworker, "transfer", to_assignee=str(colleague.pk), reasons="leave")
    stale = case.go(
        colleague,
        "issue_return_decision",
        version=version + 1,
        legal_basis="a",
        appeal_informed=True,
        appeal_deadline="2026-12-31",
    )
    assert (
        stale.status_code == 409 and stale.json()["current"]["state"] == "alternatives_considered"
    )
    assert CaseTransition.objects.filter(case_id=case.id, name="consider_alternatives").count() == 1


def test_patch_needs_a_version(kg_migration_caseworker, register, open_case, api):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="regularisation")
    response = api(kg_migration_caseworker).patch(
        f"/api/v1/cases/{case.id}/", {"summary": "x"}, format="json"
    )
    assert response.status_code == 400 and "version" in response.json()


def test_durable_solution_progress_is_tracked_on_protection_cases_only(
    kg_migration_caseworker, register, open_case, api
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="statelessness")
    client = api(kg_migration_caseworker)
    body = client.patch(
        f"/api/v1/cases/{case.id}/",
        {
            "version": case.get(kg_migration_caseworker)["version"],
            "durable_solution": "local_integration",
            "durable_solution_status": "in_progress",
        },
        format="json",
    ).json()
    assert body["durable_solution"] == "local_integration"
    assert body["durable_solution_status"] == "in_progress"
    other = open_case(kg_migration_caseworker, person=person.pk, type="regularisation")
    response = client.patch(
        f"/api/v1/cases/{other.id}/",
        {
            "version": other.get(kg_migration_caseworker)["version"],
            "durable_solution": "resettlement",
        },
        format="json",
    )
    assert response.status_code == 400
