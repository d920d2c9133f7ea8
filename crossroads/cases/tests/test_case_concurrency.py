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


@pytest.mark.parametrize("version", ["1e999", "-1e999", "1.5", "true", '"one"', "[1]"])
def test_a_transition_version_that_is_no_integer_is_a_field_error_never_500_nor_truncated(
    kg_migration_caseworker, register, open_case, api, version
):
    """api.md: a write carries the integer `version`; never 500 for bad input. `1.5` or
    `true` is not read as 1, and `1e999` (JSON's infinity) is no server error."""
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    assert case.get(kg_migration_caseworker)["version"] == 1
    client = api(kg_migration_caseworker)
    client.raise_request_exception = False
    response = client.generic(
        "POST",
        f"/api/v1/cases/{case.id}/transitions/consider_alternatives/",
        '{"version": ' + version + ', "alternatives": "A"}',
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert "version" in response.json()
    assert Case.objects.get(pk=case.id).state == "open"


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


def test_two_caseworkers_make_the_same_step_from_the_same_version_and_the_second_is_told(
    kg_migration_caseworker, colleague, register, open_case
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    read_by_both = case.get(kg_migration_caseworker)["version"]
    first = case.go(
        kg_migration_caseworker,
        "consider_alternatives",
        version=read_by_both,
        alternatives="Reporting twice a week serves.",
    )
    assert first.status_code == 200
    second = case.go(
        colleague, "consider_alternatives", version=read_by_both, alternatives="Bail serves."
    )
    assert second.status_code == 409
    body = second.json()
    assert "not allowed from the state" in body["detail"] or "someone else" in body["detail"]
    assert body["current"]["state"] == "alternatives_considered"
    rows = CaseTransition.objects.filter(case_id=case.id, name="consider_alternatives")
    assert [r.data["alternatives"] for r in rows] == ["Reporting twice a week serves."]


def test_a_stale_page_form_is_refused_with_a_clear_message_and_nothing_is_lost(
    kg_migration_caseworker, colleague, register, open_case, client
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="regularisation")
    version = Case.objects.get(pk=case.id).version
    client.force_login(kg_migration_caseworker)
    client.post(f"/cases/{case.id}/edit/", {"version": version, "summary": "First."})
    client.force_login(colleague)
    response = client.post(
        f"/cases/{case.id}/edit/", {"version": version, "summary": "Second."}, follow=True
    )
    assert "changed by someone else" in response.content.decode()
    assert Case.objects.get(pk=case.id).summary == "First."


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_moment_one_wins_and_the_other_gets_409(
    kg_migration_caseworker, colleague, register
):
    """Two threads, each its own connection and transaction, post the same step from the
    same version at once: the row lock (PostgreSQL) or the immediate write transaction
    (SQLite) lets exactly one through; the other sees the new version and is refused."""
    import threading

    from django.db import connection, connections

    from crossroads.cases import actions
    from crossroads.core.exceptions import Conflict

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database is one connection; run on a file or PostgreSQL")
    person = register(kg_migration_caseworker)
    case = actions.open_case(
        acting_user=kg_migration_caseworker, person_id=person.pk, type="return"
    )
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(user, text):
        try:
            barrier.wait()
            actions.transition_case(
                acting_user=user,
                case_id=case.pk,
                name="consider_alternatives",
                version=case.version,
                data={"alternatives": text},
            )
            outcomes.append("ok")
        except Conflict:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=attempt, args=(kg_migration_caseworker, "A")),
        threading.Thread(target=attempt, args=(colleague, "B")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "ok"]
    assert CaseTransition.objects.filter(case_id=case.pk, name="consider_alternatives").count() == 1
