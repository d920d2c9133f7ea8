"""`countries/` and `agencies/`: the states with their working languages and whether
their records live here; agencies with kind, state and the pathways they receive."""

from __future__ import annotations

import pytest

from crossroads.accounts.models import Agency

pytestmark = pytest.mark.django_db


def test_a_state_is_read_by_its_code_in_either_case(kg_analyst, api):
    response = api(kg_analyst).get("/api/v1/countries/kg/")
    assert response.status_code == 200
    assert response.json() == {
        "code": "KG",
        "name": "Kyrgyzstan",
        "name_ru": "Кыргызстан",
        "working_languages": ["kir", "rus"],
        "hosted": True,
    }


def test_an_unknown_state_is_a_json_404(kg_analyst, api):
    response = api(kg_analyst).get("/api/v1/countries/XX/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_agencies_carry_kind_state_and_the_pathways_they_receive(kg_analyst, api):
    Agency.objects.create(
        country_id="KG",
        name="Refugee service (KG)",
        kind="asylum_authority",
        receives_pathways=["asylum_procedure"],
    )
    response = api(kg_analyst).get(
        "/api/v1/agencies/", {"country": "kg", "receives_pathways": "asylum_procedure"}
    )
    assert response.status_code == 200
    [agency] = response.json()["results"]
    assert agency["kind"] == "asylum_authority"
    assert agency["country"] == "KG"
    assert agency["receives_pathways"] == ["asylum_procedure"]


def test_agencies_filter_by_kind(kg_analyst, api):
    kinds = {
        a["kind"]
        for a in api(kg_analyst).get("/api/v1/agencies/", {"kind": "unhcr"}).json()["results"]
    }
    assert kinds == {"unhcr"}


@pytest.mark.parametrize(
    "params",
    [{"country": "XX"}, {"country": "KGZ"}, {"kind": "embassy"}, {"receives_pathways": "x"}],
)
def test_an_agency_filter_it_cannot_take_is_a_400_naming_it(kg_analyst, api, params):
    response = api(kg_analyst).get("/api/v1/agencies/", params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_an_agency_id_that_is_not_a_uuid_is_a_json_404(kg_analyst, api):
    response = api(kg_analyst).get("/api/v1/agencies/42/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
