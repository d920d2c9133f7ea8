"""POST /api/v1/screenings/: a record in, the engine's result out, safeguards set."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.screening.models import PersonSafeguard, Screening
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


def test_an_officer_screens_a_person_and_gets_the_result(kg_border_officer, register, api):
    person = register(kg_border_officer, nationalities=["AF"])
    response = api(kg_border_officer).post(
        "/api/v1/screenings/", {"person": str(person.pk), "record": fear_record()}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == {"id", "reference", "person", "record", "result"}
    assert body["person"] == str(person.pk)
    assert body["reference"].startswith("KG-")
    assert [n["code"] for n in body["result"]["needs"]] == ["international_protection"]
    assert body["result"]["pack"]["country"] == "KG"
    codes = set(PersonSafeguard.objects.filter(person=person).values_list("code", flat=True))
    assert {"non_refoulement", "non_punishment"} <= codes


def test_the_screening_is_audited_as_created(kg_border_officer, register, api):
    person = register(kg_border_officer)
    body = (
        api(kg_border_officer)
        .post(
            "/api/v1/screenings/",
            {"person": str(person.pk), "record": fear_record()},
            format="json",
        )
        .json()
    )
    assert AuditEvent.objects.filter(
        action="create", object_type="screening.screening", object_id=body["id"]
    ).exists()


def test_an_invalid_record_is_400_naming_the_field_and_nothing_is_saved(
    kg_border_officer, register, api
):
    person = register(kg_border_officer)
    record = fear_record(birth_date="2031-01-01")
    response = api(kg_border_officer).post(
        "/api/v1/screenings/", {"person": str(person.pk), "record": record}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["record.person.birth_date"]
    assert not Screening.objects.filter(person=person).exists()
    assert not PersonSafeguard.objects.filter(person=person).exists()


def test_an_unknown_key_is_400_naming_it(kg_border_officer, register, api):
    person = register(kg_border_officer)
    record = {**fear_record(), "indicators": {"gbv_surviver": True}}
    response = api(kg_border_officer).post(
        "/api/v1/screenings/", {"person": str(person.pk), "record": record}, format="json"
    )
    assert response.status_code == 400
    assert any(k.startswith("record.indicators") for k in response.json())


def test_an_unassigned_country_code_is_400_naming_the_field(kg_border_officer, register, api):
    # screening.md section 1: an unknown code is invalid input, whatever its shape.
    person = register(kg_border_officer)
    record = fear_record(nationalities=["ZZ"])
    response = api(kg_border_officer).post(
        "/api/v1/screenings/", {"person": str(person.pk), "record": record}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["record.person.nationalities[0]"]


def test_a_record_that_is_not_an_object_is_400(kg_border_officer, register, api):
    person = register(kg_border_officer)
    response = api(kg_border_officer).post(
        "/api/v1/screenings/", {"person": str(person.pk), "record": [1, 2]}, format="json"
    )
    assert response.status_code == 400
    assert "record" in response.json()


def test_a_missing_person_is_400(kg_border_officer, api):
    response = api(kg_border_officer).post(
        "/api/v1/screenings/", {"record": fear_record()}, format="json"
    )
    assert response.status_code == 400
    assert "person" in response.json()


def test_the_kazakh_officer_cannot_screen_a_kyrgyz_person(
    kg_border_officer, kz_border_officer, register, api
):
    person = register(kg_border_officer)
    response = api(kz_border_officer).post(
        "/api/v1/screenings/",
        {"person": str(person.pk), "record": fear_record("KZ")},
        format="json",
    )
    assert response.status_code == 404
    assert not Screening.objects.exists()


def test_a_person_who_does_not_exist_is_404(kg_border_officer, api):
    response = api(kg_border_officer).post(
        "/api/v1/screenings/",
        {"person": "00000000-0000-0000-0000-000000000000", "record": fear_record()},
        format="json",
    )
    assert response.status_code == 404


def test_a_record_of_another_state_is_400_on_record_country(kg_border_officer, register, api):
    person = register(kg_border_officer)
    response = api(kg_border_officer).post(
        "/api/v1/screenings/",
        {"person": str(person.pk), "record": fear_record("KZ")},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["record.country"]
    assert not Screening.objects.exists()


def test_a_partner_may_not_screen(kg_border_officer, kg_unhcr_partner, register, api):
    person = register(kg_border_officer)
    response = api(kg_unhcr_partner).post(
        "/api/v1/screenings/", {"person": str(person.pk), "record": fear_record()}, format="json"
    )
    assert response.status_code == 403


def test_anonymous_callers_are_refused(api):
    response = api().post("/api/v1/screenings/", {"record": fear_record()}, format="json")
    assert response.status_code in (401, 403)
