"""Nothing goes to the authorities of a state the person may fear until a screening has
found no protection need and no safeguard stands."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

NO_NEED = {
    "country": "KG",
    "date": "2026-11-20",
    "location": {"kind": "inland"},
    "person": {"nationalities": ["AF"], "sex": "M", "birth_date": "1990-01-01"},
    "statements": {"fear_of_return": False, "free_text": "I came to work on a building site."},
}


def _export(client, person, agency):
    return client.get(f"/api/v1/persons/{person.pk}/export/?recipient={agency.pk}")


def test_an_unscreened_person_is_not_exported_to_the_embassy_of_their_country(
    kg_border_officer, register, kg_agencies, api
):
    person = register(kg_border_officer, nationalities=["AF"])
    refused = _export(api(kg_border_officer), person, kg_agencies["embassy_af"])
    assert refused.status_code == 409
    assert "screening" in refused.json()["detail"]


def test_an_unscreened_person_is_not_referred_to_the_embassy_of_their_country(
    kg_border_officer, register, kg_agencies, api
):
    person = register(kg_border_officer, nationalities=["AF"])
    refused = api(kg_border_officer).post(
        "/api/v1/referrals/",
        {
            "person": str(person.pk),
            "pathway": "regularisation",
            "priority": "normal",
            "to_agency": str(kg_agencies["embassy_af"].pk),
        },
        format="json",
    )
    assert refused.status_code == 409


def test_a_person_of_unknown_nationality_goes_to_no_foreign_mission_before_screening(
    kg_border_officer, register, kg_agencies, api
):
    person = register(kg_border_officer, nationalities=["unknown"])
    assert _export(api(kg_border_officer), person, kg_agencies["embassy_af"]).status_code == 409


def test_a_screening_that_found_no_protection_need_lets_the_export_go(
    kg_border_officer, register, screened, kg_agencies, api
):
    person = register(kg_border_officer, nationalities=["AF"])
    screening = screened(kg_border_officer, person, NO_NEED)
    assert not screening.result["safeguards"]
    assert _export(api(kg_border_officer), person, kg_agencies["embassy_af"]).status_code == 200


def test_a_screening_that_found_fear_of_return_keeps_the_embassy_out(
    kg_border_officer, register, screened, kg_agencies, api
):
    person = register(kg_border_officer, nationalities=["AF"])
    screened(kg_border_officer, person)  # fears return, was beaten, passport kept
    assert _export(api(kg_border_officer), person, kg_agencies["embassy_af"]).status_code == 409
