"""Countries and languages are asked by name in the officer's language, codes still read;
what names nothing is a message on the page, never a code list to learn."""

from __future__ import annotations

import pytest
from django.utils import translation

from crossroads.core.name_fields import CountriesField, LanguagesField
from crossroads.core.names import country_options, find_country, find_language, language_options


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Afghanistan", "AF"),
        ("афганистан", "AF"),
        ("افغانستان", "AF"),
        ("AF", "AF"),
        ("afg", "AF"),
        ("Кыргызстан", "KG"),
        ("Киргизия", "KG"),
        ("Türkiye", "TR"),
        ("Турция", "TR"),
        ("Iran", "IR"),
        ("ایران", "IR"),
        ("Саудовская Аравия", "SA"),
        ("stateless", "stateless"),
        ("лицо без гражданства", "stateless"),
        ("не известно", None),
        ("неизвестно", "unknown"),
        ("Atlantis", None),
    ],
)
def test_a_country_is_read_by_name_in_any_staff_language_or_by_code(typed, code):
    assert find_country(typed) == code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Dari", "prs"),
        ("дари", "prs"),
        ("پشتو", "pus"),
        ("пушту", "pus"),
        ("русский", "rus"),
        ("tgk", "tgk"),
        ("таджикский", "tgk"),
        ("узбекский", "uzb"),
        ("урду", "urd"),
        ("dari!", None),
    ],
)
def test_a_language_is_read_by_name_in_any_staff_language_or_by_code(typed, code):
    assert find_language(typed) == code


def test_several_names_in_one_field_and_what_names_nothing_is_said():
    field = CountriesField()
    assert field.clean("Афганистан, Таджикистан") == ["AF", "TJ"]
    assert field.clean("AF TJ") == ["AF", "TJ"]
    assert field.clean("") == []
    with translation.override("ru"), pytest.raises(Exception) as refused:
        field.clean("Афганистан; Атлантида")
    assert "Атлантида" in str(refused.value)
    assert LanguagesField().clean("дари، پشتو") == ["prs", "pus"]


def test_a_single_country_field_takes_one_country_and_no_status():
    field = CountriesField(multiple=False, allow_status=False)
    assert field.clean("Таджикистан") == "TJ"
    for bad in ("Таджикистан, Афганистан", "stateless"):
        with pytest.raises(Exception):  # noqa: B017 - Django's ValidationError
            field.clean(bad)


def test_stored_codes_are_shown_back_as_names():
    field = CountriesField()
    with translation.override("ru"):
        shown = field.widget.format_value(["AF", "stateless"])
    assert shown == "Афганистан, лицо без гражданства"


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_the_suggested_names_are_all_in_the_reader_s_language(language):
    with translation.override(language):
        countries = country_options()
        languages = language_options()
    assert len(countries) > 240 and len(languages) > 100
    latin = [name for _code, name in countries + languages if name.isascii()]
    assert latin == []


def test_the_lists_are_served_to_the_pages(client, kg_border_officer):
    client.force_login(kg_border_officer)
    response = client.get("/names/ru.json")
    assert response.status_code == 200
    assert "Афганистан" in response.json()["countries"]
    assert "дари" in response.json()["languages"]
    assert client.get("/names/xx.json").status_code == 404
