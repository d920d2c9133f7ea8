"""The number on the paper finds the record: `GET /persons/?q=` and `GET /search/?q=`
take a reference as printed, without the check digit, in any case, with spaces or
hyphens; a part of a number finds nothing rather than everyone (api.md, version 2)."""

from __future__ import annotations

import pytest

from crossroads.core.references import read_reference

pytestmark = pytest.mark.django_db


def test_a_reference_is_read_however_it_is_typed():
    from crossroads.core.models import luhn_check_digit

    expected = f"KG-2026-000052-{luhn_check_digit('2026000052')}"
    for typed in (expected, expected.lower(), "kg-2026-000052", "KG 2026 000052", "kg2026000052"):
        assert read_reference(typed).canonical == expected, typed


def test_a_mistyped_check_digit_names_nothing():
    from crossroads.core.models import luhn_check_digit

    right = luhn_check_digit("2026000052")
    wrong = (right + 1) % 10
    assert read_reference(f"KG-2026-000052-{right}").canonical == f"KG-2026-000052-{right}"
    found = read_reference(f"KG-2026-000052-{wrong}")
    assert found.canonical is None and found.is_reference


def test_a_fragment_is_a_reference_that_names_nothing():
    for fragment in ("000052", "KG-2026", "2026-000052", "kg 2026 0000"):
        found = read_reference(fragment)
        assert found.is_reference and found.canonical is None
    assert not read_reference("Ahmad").is_reference


@pytest.fixture
def ahmad(kg_border_officer, register):
    register(kg_border_officer, given_name="Aibek")
    return register(kg_border_officer, given_name="Ahmad", family_name="Rahimi")


def _variants(reference: str) -> list[str]:
    state, year, sequence, _check = reference.split("-")
    return [
        reference,
        reference.lower(),
        f"{state}-{year}-{sequence}",
        f"{state.lower()} {year} {sequence}",
        f"{state}{year}{sequence}",
        f" {state} - {year} - {sequence} - {_check} ",
    ]


def test_persons_are_found_by_the_reference_on_the_slip(ahmad, kg_border_officer, api):
    client = api(kg_border_officer)
    for typed in _variants(ahmad.reference):
        body = client.get("/api/v1/persons/", {"q": typed}).json()
        assert [p["id"] for p in body["results"]] == [str(ahmad.pk)], typed


def test_a_partial_number_lists_no_one(ahmad, kg_border_officer, api):
    sequence = ahmad.reference.split("-")[2]
    body = api(kg_border_officer).get("/api/v1/persons/", {"q": sequence}).json()
    assert body["count"] == 0 and body["results"] == []


def test_search_finds_a_person_a_screening_a_referral_and_a_case_by_number(
    ahmad, kg_border_officer, api
):
    body = api(kg_border_officer).get("/api/v1/search/", {"q": ahmad.reference.lower()}).json()
    assert body["results"] == [
        {"type": "person", "id": str(ahmad.pk), "reference": ahmad.reference}
    ]


def test_search_finds_a_screening_by_its_number(ahmad, kg_border_officer, api):
    from crossroads.screening.actions import screen_person

    record = {
        "schema": "crossroads.screening/1",
        "country": "KG",
        "date": "2026-11-20",
        "location": {"kind": "border", "name": "Dostuk"},
        "person": {"nationalities": ["AF"]},
        "statements": {"fear_of_return": True},
    }
    screening = screen_person(acting_user=kg_border_officer, person_id=ahmad.pk, record_data=record)
    state, year, sequence, _check = screening.reference.split("-")
    body = api(kg_border_officer).get("/api/v1/search/", {"q": f"{state} {year} {sequence}"}).json()
    assert body["results"] == [
        {"type": "screening", "id": str(screening.pk), "reference": screening.reference}
    ]


def test_search_finds_nothing_for_a_fragment_or_a_record_of_another_state(
    ahmad, kg_border_officer, kz_border_officer, api
):
    assert api(kg_border_officer).get("/api/v1/search/", {"q": "000001"}).json()["results"] == []
    assert (
        api(kz_border_officer).get("/api/v1/search/", {"q": ahmad.reference}).json()["results"]
        == []
    )


def test_the_search_box_opens_the_record_found(ahmad, kg_border_officer, web):
    response = web(kg_border_officer).get("/search/", {"q": ahmad.reference.replace("-", " ")})
    assert response.status_code == 302
    assert response["Location"] == f"/people/{ahmad.pk}/"


def test_the_search_box_says_a_fragment_is_only_part_of_a_number(ahmad, kg_border_officer, web):
    response = web(kg_border_officer).get("/search/", {"q": "000052"})
    assert response.status_code == 200
    assert 'id="search-partial"' in response.content.decode()
