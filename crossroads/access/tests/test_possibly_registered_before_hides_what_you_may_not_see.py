"""'Possibly registered before' tells a user who may not see a candidate only that a likely
earlier registration exists at agency X, and lets them ask that agency for access."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

DRAFT = {
    "given_name": "Gulnara",
    "family_name": "Toktosunova",
    "birth_date": "1991-03-14",
    "birth_date_precision": "day",
    "sex": "female",
    "nationalities": ["KG"],
}


def test_a_candidate_of_another_agency_shows_only_its_agency(
    kg_border_officer, kg_asylum_caseworker, register, api
):
    person = register(
        kg_border_officer,
        given_name="Gulnara",
        family_name="Toktosunova",
        birth_date="1991-03-14",
        sex="female",
        nationalities=["KG"],
    )
    body = api(kg_asylum_caseworker).post("/api/v1/persons/check/", DRAFT, format="json")
    assert body.status_code == 200
    candidates = body.json()["candidates"]
    assert candidates, "the earlier registration is found"
    hidden = candidates[0]
    assert hidden["visible"] is False
    assert hidden["id"] == str(person.pk)
    assert hidden["registering_agency"] == person.registering_agency.name
    for field in ("reference", "registered_at", "agreement", "probability", "given_name"):
        assert field not in hidden


def test_a_candidate_the_user_may_see_shows_everything(kg_border_officer, register, api):
    register(
        kg_border_officer,
        given_name="Gulnara",
        family_name="Toktosunova",
        birth_date="1991-03-14",
        sex="female",
        nationalities=["KG"],
    )
    shown = api(kg_border_officer).post("/api/v1/persons/check/", DRAFT, format="json")
    candidate = shown.json()["candidates"][0]
    assert candidate["visible"] is True
    assert candidate["given_name"] == "Gulnara"
    assert "agreement" in candidate and "reference" in candidate


def test_the_registration_page_offers_to_ask_the_other_agency(
    kg_border_officer, kg_asylum_caseworker, register, web
):
    person = register(
        kg_border_officer,
        given_name="Gulnara",
        family_name="Toktosunova",
        birth_date="1991-03-14",
        sex="female",
        nationalities=["KG"],
    )
    page = web(kg_asylum_caseworker).post(
        "/people/register/",
        {
            "given_name": "Gulnara",
            "family_name": "Toktosunova",
            "birth_date": "1991-03-14",
            "sex": "female",
            "nationalities": "KG",
            "birth_date_calendar": "gregorian",
        },
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert f"/access/requests/ask/?person={person.pk}" in html
    assert person.registering_agency.name in html
    assert person.reference not in html
