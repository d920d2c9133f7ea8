"""The analyst's workspace page: every table with its chart, exports, a printable report,
in the reader's language, and never a person."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_workspace_shows_each_table_beside_its_chart(
    kg_border_officer, kg_analyst, register, web
):
    people = [register(kg_border_officer, given_name="Gulnara", family_name="Karimova")]
    people += [register(kg_border_officer, nationalities=["AF"]) for _ in range(6)]
    response = web(kg_analyst).get("/statistics/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<canvas") >= 6
    assert 'id="table-registrations_by_nationality"' in page
    assert "chart.umd.min.js" in page and "//cdn" not in page
    assert "format=xlsx" in page and "format=csv" in page
    assert "Gulnara" not in page and "Karimova" not in page
    assert not any(str(p.pk) in page or p.reference in page for p in people)


def test_the_workspace_speaks_russian(kg_analyst, web, settings):
    client = web(kg_analyst)
    client.cookies["django_language"] = "ru"
    page = client.get("/statistics/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Статистика" in page and "Экспорт" in page
    for english in ("People registered", "Export as", "Trends", "by month", "All places"):
        assert english not in page


def test_a_bad_period_on_the_page_is_a_400_with_the_message(kg_analyst, web):
    response = web(kg_analyst).get("/statistics/", {"from": "2026-13"})
    assert response.status_code == 400
    assert "Not a period" in response.content.decode()


def test_an_export_format_not_offered_on_the_page_is_a_400(kg_analyst, web):
    response = web(kg_analyst).get("/statistics/export/", {"format": "pdf"})
    assert response.status_code == 400
    assert "Export as csv or xlsx." in response.content.decode()


def test_the_printable_report_has_every_table(kg_analyst, web):
    page = web(kg_analyst).get("/statistics/report/", {"from": "2026-01", "to": "2026-03"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "data-print" in text and 'id="statistics-filter"' not in text
    assert 'id="table-late_referrals_by_pathway"' in text


def test_the_menu_offers_statistics_to_analysts_only(kg_analyst, kg_border_officer, web):
    assert 'href="/statistics/"' in web(kg_analyst).get("/").content.decode()
    assert 'href="/statistics/"' not in web(kg_border_officer).get("/").content.decode()
