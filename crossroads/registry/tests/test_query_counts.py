"""Lists cost a fixed number of queries, however many people they show."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _count(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_the_api_person_list_costs_the_same_for_3_or_30_people(kg_border_officer, register, api):
    client = api(kg_border_officer)
    for _ in range(3):
        register(kg_border_officer)
    few = _count(lambda: client.get("/api/v1/persons/"))
    for _ in range(27):
        register(kg_border_officer)
    many = _count(lambda: client.get("/api/v1/persons/"))
    assert few == many


def test_the_person_list_page_costs_the_same_for_3_or_30_people(kg_border_officer, register, web):
    client = web(kg_border_officer)
    for _ in range(3):
        register(kg_border_officer)
    few = _count(lambda: client.get("/people/"))
    for _ in range(27):
        register(kg_border_officer)
    many = _count(lambda: client.get("/people/"))
    assert few == many


def test_a_person_detail_costs_the_same_with_more_documents_and_relatives(
    kg_border_officer, register, api
):
    client = api(kg_border_officer)
    parent = register(kg_border_officer)
    child = register(
        kg_border_officer, family_links=[{"relative": parent.pk, "relation": "parent"}]
    )
    one = _count(lambda: client.get(f"/api/v1/persons/{parent.pk}/"))
    for _ in range(4):
        register(kg_border_officer, family_links=[{"relative": parent.pk, "relation": "parent"}])
    five = _count(lambda: client.get(f"/api/v1/persons/{parent.pk}/"))
    assert one == five
    assert child
