"""The screenings list costs a fixed number of queries, however many it shows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crossroads.screening.actions import screen_person
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


def _count(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def _screen(officer, register, n):
    for _ in range(n):
        person = register(officer)
        screen_person(acting_user=officer, person_id=person.pk, record_data=fear_record())


def test_the_screenings_list_costs_the_same_for_2_or_20_screenings(
    kg_border_officer, register, api
):
    client = api(kg_border_officer)
    _screen(kg_border_officer, register, 2)
    few = _count(lambda: client.get("/api/v1/screenings/"))
    _screen(kg_border_officer, register, 18)
    many = _count(lambda: client.get("/api/v1/screenings/"))
    assert client.get("/api/v1/screenings/").json()["count"] == 20
    assert few == many


def test_the_screenings_page_costs_the_same_for_2_or_20_screenings(
    kg_border_officer, register, web
):
    client = web(kg_border_officer)
    _screen(kg_border_officer, register, 2)
    few = _count(lambda: client.get("/screening/"))
    _screen(kg_border_officer, register, 18)
    many = _count(lambda: client.get("/screening/"))
    assert client.get("/screening/").content.decode().count('class="ref" href="/screening/') == 20
    assert few == many


def test_the_person_section_costs_the_same_for_1_or_5_screenings(kg_border_officer, register, web):
    client = web(kg_border_officer)
    person = register(kg_border_officer)
    screen_person(acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record())
    one = _count(lambda: client.get(f"/people/{person.pk}/"))
    for _ in range(4):
        screen_person(acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record())
    five = _count(lambda: client.get(f"/people/{person.pk}/"))
    assert one == five
