"""The inbox costs a fixed number of queries, whatever its length."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _fill(officer, register, refer, agencies, screened, n):
    for i in range(n):
        person = register(officer, given_name=f"Person{i}")
        screening = screened(officer, person) if i % 2 else None
        refer(
            officer,
            person,
            agencies["asylum"],
            needs=["international_protection", "gbv_survivor"],
            screening_id=screening.pk if screening else None,
        )


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("url", ["/api/v1/referrals/?box=in", "/referrals/"])
def test_the_inbox_costs_the_same_queries_for_3_or_30_referrals(
    kg_border_officer, kg_asylum_caseworker, register, refer, screened, kg_agencies, api, web, url
):
    client = api(kg_asylum_caseworker) if url.startswith("/api/") else web(kg_asylum_caseworker)
    _fill(kg_border_officer, register, refer, kg_agencies, screened, 3)
    few, _ = _count(client, url)
    _fill(kg_border_officer, register, refer, kg_agencies, screened, 27)
    many, response = _count(client, url)
    assert few == many
    if url.startswith("/api/"):
        assert response.json()["count"] == 30
