"""Searching the register by name, in any script."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _ids(api, user, q):
    return {p["id"] for p in api(user).get("/api/v1/persons/", {"q": q}).json()["results"]}


def test_a_name_is_found_by_the_same_spelling(kg_border_officer, register, api):
    person = register(kg_border_officer, given_name="Мухаммад", family_name="Рахимов")
    assert _ids(api, kg_border_officer, "Рахимов") == {str(person.pk)}


def test_a_cyrillic_search_finds_a_latin_passport_spelling(kg_border_officer, register, api):
    person = register(kg_border_officer, given_name="MOHAMMAD", family_name="RAKHIMOV")
    assert str(person.pk) in _ids(api, kg_border_officer, "Рахимов")


def test_a_latin_search_finds_a_perso_arabic_name(kg_border_officer, register, api):
    person = register(kg_border_officer, given_name="محمد", family_name="رحیموف")
    assert str(person.pk) in _ids(api, kg_border_officer, "Rakhimov")


def test_every_word_of_the_query_must_match(kg_border_officer, register, api):
    wanted = register(kg_border_officer, given_name="Aibek", family_name="Toktogulov")
    register(kg_border_officer, given_name="Nurlan", family_name="Toktogulov")
    assert _ids(api, kg_border_officer, "Aibek Toktogulov") == {str(wanted.pk)}


def test_an_alias_is_found_by_search(kg_border_officer, api):
    response = api(kg_border_officer).post(
        "/api/v1/persons/",
        {
            "given_name": "Zarina",
            "family_name": "Safarova",
            "aliases": [{"given_name": "Zarina", "family_name": "Nazarova"}],
        },
        format="json",
    )
    assert response.json()["id"] in _ids(api, kg_border_officer, "Nazarova")
