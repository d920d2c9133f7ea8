"""GET /api/v1/screenings/ and /api/v1/screenings/{id}/: only screenings of people the user
may see, each read audited once."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.screening.actions import screen_person
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


def _screened(officer, register, **values):
    person = register(officer, **values)
    return screen_person(acting_user=officer, person_id=person.pk, record_data=fear_record())


def test_the_list_shows_the_screenings_of_people_i_may_see(
    kg_border_officer, kz_border_officer, register, api
):
    mine = _screened(kg_border_officer, register)
    kz_person = register(kz_border_officer)
    screen_person(
        acting_user=kz_border_officer, person_id=kz_person.pk, record_data=fear_record("KZ")
    )
    body = api(kg_border_officer).get("/api/v1/screenings/").json()
    assert body["count"] == 1
    assert [s["id"] for s in body["results"]] == [str(mine.pk)]
    assert set(body) == {"count", "next", "previous", "results"}


def test_the_list_filters_by_person(kg_border_officer, register, api):
    first = _screened(kg_border_officer, register)
    _screened(kg_border_officer, register)
    body = api(kg_border_officer).get(f"/api/v1/screenings/?person={first.person_id}").json()
    assert [s["id"] for s in body["results"]] == [str(first.pk)]


def test_a_malformed_person_filter_is_a_400_naming_it(kg_border_officer, register, api):
    _screened(kg_border_officer, register)
    response = api(kg_border_officer).get("/api/v1/screenings/?person=nonsense")
    assert response.status_code == 400
    assert "person" in response.json()


def test_a_person_filter_of_someone_not_yours_gives_an_empty_list(
    kg_border_officer, kz_border_officer, register, api
):
    _screened(kg_border_officer, register)
    stranger = register(kz_border_officer)
    body = api(kg_border_officer).get(f"/api/v1/screenings/?person={stranger.pk}").json()
    assert body["count"] == 0


def test_a_list_leaves_one_audit_row_naming_the_screenings(kg_border_officer, register, api):
    screening = _screened(kg_border_officer, register)
    before = AuditEvent.objects.count()
    api(kg_border_officer).get("/api/v1/screenings/")
    rows = list(AuditEvent.objects.order_by("-id")[: AuditEvent.objects.count() - before])
    assert len(rows) == 1
    assert rows[0].action == "list"
    assert rows[0].detail["ids"] == [str(screening.pk)]


def test_the_detail_gives_record_result_and_pack(kg_border_officer, register, api):
    screening = _screened(kg_border_officer, register)
    response = api(kg_border_officer).get(f"/api/v1/screenings/{screening.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["record"] == screening.record
    assert body["result"] == screening.result
    assert body["pack"]["country"] == "KG"
    assert body["pack"]["version"] == screening.result["pack"]["version"]
    assert body["pack"]["effective_from"] == screening.result["pack"]["effective_from"]


def test_a_detail_read_leaves_exactly_one_audit_row_on_the_person(kg_border_officer, register, api):
    screening = _screened(kg_border_officer, register)
    before = AuditEvent.objects.count()
    api(kg_border_officer).get(f"/api/v1/screenings/{screening.pk}/")
    assert AuditEvent.objects.count() == before + 1
    row = AuditEvent.objects.order_by("-id").first()
    assert row.action == "read"
    assert row.object_id == str(screening.person_id)
    assert row.detail == {"screening": str(screening.pk)}


def test_the_kazakh_caseworker_gets_404_for_a_kyrgyz_screening(
    kg_border_officer, kz_migration_caseworker, register, api
):
    screening = _screened(kg_border_officer, register)
    response = api(kz_migration_caseworker).get(f"/api/v1/screenings/{screening.pk}/")
    assert response.status_code == 404


def test_an_unknown_screening_is_404(kg_border_officer, api):
    assert api(kg_border_officer).get("/api/v1/screenings/nonsense/").status_code == 404


def test_a_partner_may_not_read_screenings_they_hold_sensitive_details(
    kg_border_officer, kg_unhcr_partner, register, api
):
    screening = _screened(kg_border_officer, register)
    assert api(kg_unhcr_partner).get("/api/v1/screenings/").status_code == 403
    assert api(kg_unhcr_partner).get(f"/api/v1/screenings/{screening.pk}/").status_code == 403


def test_an_analyst_may_not_list_screenings(kg_analyst, api):
    assert api(kg_analyst).get("/api/v1/screenings/").status_code == 403
