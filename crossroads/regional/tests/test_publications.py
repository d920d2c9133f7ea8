"""A supervisor publishes a closed month or quarter of their state's protected tables to
the region, and withdraws it; both audited; bad periods refused with a clear message."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.regional.models import Publication

pytestmark = pytest.mark.django_db

URL = "/api/v1/publications/"


def test_a_supervisor_publishes_a_closed_month_of_her_state(
    kg_border_officer, kg_migration_supervisor, registered_last_month, last_month, api
):
    people = registered_last_month(
        kg_border_officer, 9, nationalities=["AF"], given_name="Gulnara", family_name="Karimova"
    )
    response = api(kg_migration_supervisor).post(URL, {"period": last_month[0]}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["country"] == "KG" and body["period"] == last_month[0]
    nationality = next(t for t in body["tables"] if t["name"] == "registrations_by_nationality")
    afghans = next(r for r in nationality["rows"] if r["value"] == "AF")
    assert abs(afghans["figure"] - 9) <= 2
    text = response.content.decode()
    assert "Gulnara" not in text and "Karimova" not in text
    assert not any(str(p.pk) in text or p.reference in text for p in people)
    row = AuditEvent.objects.filter(object_type="regional.publication").latest("id")
    assert (row.actor, row.action, row.object_id) == (kg_migration_supervisor, "create", body["id"])


def test_no_agency_table_and_no_place_is_published(kg_migration_supervisor, last_month, api):
    body = api(kg_migration_supervisor).post(URL, {"period": last_month[0]}, format="json").json()
    names = {t["name"] for t in body["tables"]}
    assert not any("agency" in n or "location" in n for n in names)


@pytest.mark.parametrize(
    ("period", "status"),
    [("2026-13", 400), ("last month", 400), ("2025", 400), ("", 400), ("2999-01", 409)],
)
def test_a_bad_or_open_period_is_refused_and_nothing_is_published(
    kg_migration_supervisor, api, period, status
):
    response = api(kg_migration_supervisor).post(URL, {"period": period}, format="json")
    assert response.status_code == status
    assert not Publication.objects.exists()


def test_the_current_month_is_not_closed(kg_migration_supervisor, api):
    from django.utils import timezone

    month = timezone.localdate().strftime("%Y-%m")
    response = api(kg_migration_supervisor).post(URL, {"period": month}, format="json")
    assert response.status_code == 409
    assert "not ended" in response.json()["detail"]


def test_the_refusal_is_in_the_callers_language(kg_migration_supervisor, api):
    response = api(kg_migration_supervisor).post(
        URL, {"period": "2026-13"}, format="json", HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 400
    assert "месяц" in response.json()["period"][0]


def test_a_period_is_published_once_until_withdrawn(kg_migration_supervisor, last_month, api):
    client = api(kg_migration_supervisor)
    first = client.post(URL, {"period": last_month[0]}, format="json").json()
    assert client.post(URL, {"period": last_month[0]}, format="json").status_code == 409
    withdrawn = client.delete(f"{URL}{first['id']}/")
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn"] is True
    row = AuditEvent.objects.filter(object_type="regional.publication").latest("id")
    assert row.action == "update" and row.detail["withdrawn"] is True
    assert client.delete(f"{URL}{first['id']}/").status_code == 409
    assert client.post(URL, {"period": last_month[0]}, format="json").status_code == 201


def test_a_supervisor_of_another_state_cannot_withdraw_it(
    kg_migration_supervisor, kz_migration_supervisor, last_month, api
):
    first = api(kg_migration_supervisor).post(URL, {"period": last_month[0]}, format="json")
    response = api(kz_migration_supervisor).delete(f"{URL}{first.json()['id']}/")
    assert response.status_code == 404
    assert api(kz_migration_supervisor).get(f"{URL}{first.json()['id']}/").status_code == 404


def test_a_quarter_can_be_published(kg_migration_supervisor, api):
    response = api(kg_migration_supervisor).post(URL, {"period": "2025-Q3"}, format="json")
    assert response.status_code == 201
    assert response.json()["starts"] == "2025-07-01" and response.json()["ends"] == "2025-09-30"


def test_the_publications_page_publishes_and_withdraws(kg_migration_supervisor, last_month, web):
    client = web(kg_migration_supervisor)
    page = client.get("/regional/publications/")
    assert page.status_code == 200 and 'id="publish-form"' in page.content.decode()
    client.post("/regional/publications/", {"period": last_month[0]})
    publication = Publication.objects.get()
    assert "withdraw" in client.get("/regional/publications/").content.decode()
    client.post(f"/regional/publications/{publication.pk}/withdraw/")
    publication.refresh_from_db()
    assert publication.withdrawn
