"""`GET /api/v1/persons/`: filters named after the fields, `?ordering=`, `?q=` in any
script, and a 400 naming the parameter for a value it cannot take."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/persons/"


def _names(response):
    assert response.status_code == 200, response.json()
    return [p["given_name"] for p in response.json()["results"]]


@pytest.fixture
def people(kg_border_officer, register):
    return [
        register(
            kg_border_officer,
            given_name="Aisha",
            family_name="Rahimi",
            sex="female",
            nationalities=["AF"],
            languages=["prs"],
        ),
        register(
            kg_border_officer,
            given_name="Bakyt",
            family_name="Osmonov",
            sex="male",
            nationalities=["KG", "RU"],
            languages=["kir"],
        ),
        register(kg_border_officer, given_name="Chingiz", sex="male", nationalities=["stateless"]),
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sex": "female"}, ["Aisha"]),
        ({"nationalities": "ru"}, ["Bakyt"]),
        ({"nationalities": "stateless"}, ["Chingiz"]),
        ({"languages": "prs"}, ["Aisha"]),
        ({"sex": "male", "ordering": "given_name"}, ["Bakyt", "Chingiz"]),
        ({"ordering": "-given_name"}, ["Chingiz", "Bakyt", "Aisha"]),
        ({"name_script": "Latn", "ordering": "family_name"}, ["Bakyt", "Aisha", "Chingiz"]),
    ],
)
def test_the_register_filters_by_field_and_orders_as_asked(
    kg_border_officer, people, api, params, expected
):
    assert _names(api(kg_border_officer).get(URL, params)) == expected


def test_the_register_filters_by_registering_agency(kg_border_officer, people, api):
    mine = api(kg_border_officer).get(URL, {"registering_agency": str(kg_border_officer.agency_id)})
    assert len(_names(mine)) == 3


def test_a_search_in_one_script_finds_a_name_written_in_another(kg_border_officer, register, api):
    register(kg_border_officer, given_name="Мухаммад", family_name="Рахимов")
    assert _names(api(kg_border_officer).get(URL, {"q": "Muhammad Rakhimov"})) == ["Мухаммад"]


@pytest.mark.parametrize(
    "params",
    [
        {"sex": "F"},
        {"nationalities": "XX"},
        {"languages": "klingon"},
        {"registering_agency": "not-a-uuid"},
        {"ordering": "password"},
        {"birth_date_precision": "roughly"},
        {"q": "x" * 201},
    ],
)
def test_a_value_a_parameter_cannot_take_is_a_400_naming_it(kg_border_officer, api, params):
    response = api(kg_border_officer).get(URL, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


@pytest.mark.parametrize(
    ("params", "status", "shown"),
    [
        ({"page_size": "1000"}, 200, 3),
        ({"page_size": "abc"}, 200, 3),
        ({"page": "0"}, 404, None),
        ({"page": "abc"}, 404, None),
        ({"page": "99"}, 404, None),
    ],
)
def test_pagination_out_of_range_is_clamped_or_404_never_500(
    kg_border_officer, people, api, params, status, shown
):
    response = api(kg_border_officer).get(URL, params)
    assert response.status_code == status
    if shown is not None:
        assert len(response.json()["results"]) == shown
    else:
        assert "detail" in response.json()


@pytest.mark.parametrize(("asked", "given"), [(None, 50), ("10", 10), ("1000", 200), ("-3", 50)])
def test_pages_hold_50_by_default_and_at_most_200(asked, given):
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from crossroads.core.api import Pagination

    query = {} if asked is None else {"page_size": asked}
    request = Request(APIRequestFactory().get(URL, query))
    assert Pagination().get_page_size(request) == given


# api.md: "Person fields, at least: …" — the same in a list, a search and a read.
PERSON_FIELDS = {
    "id",
    "reference",
    "given_name",
    "family_name",
    "patronymic",
    "name_script",
    "aliases",
    "birth_date",
    "birth_date_precision",
    "birth_date_estimated",
    "sex",
    "nationalities",
    "languages",
    "documents",
    "family_links",
    "registering_agency",
    "registered_at",
    "safeguards",
    "version",
}


def test_every_row_of_the_register_and_of_a_search_carries_every_person_field(
    kg_border_officer, register, screen_fear, api
):
    parent = register(
        kg_border_officer,
        given_name="Aisha",
        family_name="Rahimi",
        nationalities=["AF"],
        aliases=[{"given_name": "Oysha"}],
    )
    register(
        kg_border_officer,
        given_name="Farid",
        family_name="Rahimi",
        family_links=[{"relative": parent.pk, "relation": "parent"}],
    )
    screen_fear(kg_border_officer, parent)
    client = api(kg_border_officer)
    for params in ({}, {"q": "Rahimi"}):
        response = client.get(URL, params)
        assert response.status_code == 200
        rows = {row["given_name"]: row for row in response.json()["results"]}
        detail = client.get(f"{URL}{parent.pk}/").json()
        for row in rows.values():
            assert set(row) >= PERSON_FIELDS, PERSON_FIELDS - set(row)
        aisha = rows["Aisha"]
        for name in ("aliases", "documents", "family_links", "safeguards"):
            assert aisha[name] == detail[name], name
        assert "non_refoulement" in [s["code"] for s in aisha["safeguards"]]
        assert rows["Farid"]["family_links"][0]["relative"] == str(parent.pk)


@pytest.fixture
def screen_fear(db):
    from crossroads.screening.actions import screen_person

    def _screen(user, person):
        return screen_person(
            acting_user=user,
            person_id=person.pk,
            record_data={
                "country": "KG",
                "date": "2026-11-20",
                "location": {"kind": "border"},
                "person": {"nationalities": ["AF"]},
                "statements": {"fear_of_return": True},
            },
        )

    return _screen
