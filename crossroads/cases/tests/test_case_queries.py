"""Lists cost a fixed number of queries, filter by type, state, person and assignee, and
leave one audit row naming the cases shown."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crossroads.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_case_list_costs_the_same_for_2_and_12_cases(
    kg_migration_caseworker, register, open_case, api
):
    client = api(kg_migration_caseworker)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/cases/").status_code == 200
        return len(ctx.captured_queries)

    for _ in range(2):
        open_case(
            kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="return"
        )
    few = count()
    for _ in range(10):
        open_case(
            kg_migration_caseworker,
            person=register(kg_migration_caseworker).pk,
            type="regularisation",
        )
    assert count() == few


def test_filters(kg_migration_caseworker, kg_migration_supervisor, register, open_case, api):
    person = register(kg_migration_caseworker)
    ret = open_case(kg_migration_caseworker, person=person.pk, type="return")
    reg = open_case(
        kg_migration_supervisor, person=register(kg_migration_caseworker).pk, type="regularisation"
    )
    client = api(kg_migration_caseworker)

    def ids(query):
        return {c["id"] for c in client.get(f"/api/v1/cases/?{query}").json()["results"]}

    assert ids("type=return") == {ret.id}
    assert ids("state=open") == {ret.id, reg.id}
    assert ids(f"person={person.pk}") == {ret.id}
    assert ids("assignee=me") == {ret.id}  # the supervisor's case has no assignee
    assert ids("person=not-a-uuid") == set()
    row = AuditEvent.objects.filter(object_type="cases.case", action="list").latest("id")
    assert row.detail["count"] == 0


def test_the_assignee_filter_takes_a_username_as_the_field_shows_it(
    kg_migration_caseworker, kg_migration_supervisor, register, open_case, api
):
    """api.md: filters are named after fields; `assignee` shows a username, so
    `?assignee=<username>` filters by it (and `me` stays the user's own)."""
    mine = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="return"
    )
    open_case(kg_migration_supervisor, person=register(kg_migration_caseworker).pk, type="return")
    client = api(kg_migration_supervisor)

    def ids(query):
        response = client.get(f"/api/v1/cases/?{query}")
        assert response.status_code == 200
        return {c["id"] for c in response.json()["results"]}

    assert ids(f"assignee={kg_migration_caseworker.username}") == {mine.id}
    assert ids("assignee=nobody-by-that-name") == set()
    assert ids("assignee=me") == set()  # the supervisor's own case has no assignee


def test_a_case_read_is_audited(kg_migration_caseworker, register, open_case, api):
    case = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="return"
    )
    api(kg_migration_caseworker).get(f"/api/v1/cases/{case.id}/")
    assert AuditEvent.objects.filter(object_id=case.id, action="read").count() == 1
