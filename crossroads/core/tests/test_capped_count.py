"""A list never counts the whole register: past the cap, the count says so."""

from __future__ import annotations

import pytest

from crossroads.core.api import CappedPaginator

pytestmark = pytest.mark.django_db


@pytest.fixture
def cap_of_two(monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 2)


def test_an_api_list_under_the_cap_keeps_the_four_keys(kg_border_officer, register, api):
    register(kg_border_officer)
    body = api(kg_border_officer).get("/api/v1/persons/").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 1


def test_an_api_list_past_the_cap_says_its_count_is_capped(
    kg_border_officer, register, api, cap_of_two
):
    for _ in range(4):
        register(kg_border_officer)
    body = api(kg_border_officer).get("/api/v1/persons/?page_size=1").json()
    assert body["count"] == 2
    assert body["count_capped"] is True
    assert len(body["results"]) == 1
    assert body["next"]


def test_the_count_reads_at_most_the_cap_and_one_more_row(kg_border_officer, register, cap_of_two):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from crossroads.registry.queries import person_list

    for _ in range(4):
        register(kg_border_officer)
    with CaptureQueriesContext(connection) as ctx:
        paginator = CappedPaginator(person_list(kg_border_officer), 1)
        assert paginator.count == 2
    assert paginator.capped
    (query,) = ctx.captured_queries
    assert "LIMIT 3" in query["sql"]


def test_the_person_list_page_says_more_than(kg_border_officer, register, web, cap_of_two):
    for _ in range(4):
        register(kg_border_officer)
    page = web(kg_border_officer).get("/people/").content.decode()
    assert "of more than 2 people" in page
