"""The analyst's home page shows the figures of the API, hidden cells and all."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _row(page, label):
    match = re.search(rf"<bdi dir=\"auto\">{label}</bdi></td><td>(.*?)</td>", page)
    assert match, label
    return match.group(1)


def test_the_analyst_home_shows_protected_counts(kg_border_officer, kg_analyst, register, web):
    for _ in range(9):
        register(kg_border_officer, sex="female")
    register(kg_border_officer, sex="other")
    page = web(kg_analyst).get("/").content.decode()
    assert abs(int(_row(page, "female")) - 9) <= 2
    assert _row(page, "other") in ("0", "5")
    assert re.search(r"People registered: (\d+)", page)
    assert "Toktogulov" not in page


def test_the_home_page_figures_are_audited_like_the_api(kg_analyst, web):
    from crossroads.audit.models import AuditEvent

    web(kg_analyst).get("/")
    assert AuditEvent.objects.filter(actor=kg_analyst, object_type="statistics").count() == 1


def test_an_officer_sees_no_figures_on_her_home_page(kg_border_officer, web):
    page = web(kg_border_officer).get("/").content.decode()
    assert "People registered" not in page
