"""Names typed in the wrong field, in swapped order, or all in one field still match."""

from __future__ import annotations

from crossroads.engines.identity import PersonRecord, prepare, score_pair


def test_swapped_given_and_family_name_match(rakhimov_cyrillic: PersonRecord) -> None:
    swapped = PersonRecord("x", "RAKHIMOV", "MOHAMMAD", "", "1990", "M", "AF")
    match = score_pair(rakhimov_cyrillic, swapped)
    assert match.probability >= 0.5


def test_swap_is_explained_when_the_surname_has_no_telltale_ending() -> None:
    a = PersonRecord("a", "Ahmad", "Karimi", "", "1990-03-04", "M", "AF")
    b = PersonRecord("b", "Karimi", "Ahmad", "", "1990-03-04", "M", "AF")
    match = score_pair(a, b)
    assert match.probability >= 0.5
    assert match.explanation["name_order"] == "given and family names swapped"


def test_whole_name_in_the_given_field_is_split(rakhimov_passport: PersonRecord) -> None:
    whole = PersonRecord("x", "MOHAMMAD RAKHIMOV", "", "", "1990", "M", "AF")
    assert prepare(whole).family.tokens == ("rakhimov",)
    assert score_pair(whole, rakhimov_passport).probability >= 0.5


def test_whole_name_in_the_family_field_in_passport_order_is_split(
    rakhimov_passport: PersonRecord,
) -> None:
    whole = PersonRecord("x", "", "RAKHIMOV MOHAMMAD", "", "1990", "M", "AF")
    assert score_pair(whole, rakhimov_passport).probability >= 0.5


def test_patronymic_typed_into_the_given_field_is_moved() -> None:
    record = prepare(PersonRecord("x", "Aziz Rakhimovich", "Karimov", "", "", "", ""))
    assert record.given.tokens == ("aziz",)
    assert record.patronymic.tokens == ("rakhim",)


def test_swapped_sibling_does_not_pass_on_the_shared_surname() -> None:
    brother = PersonRecord("a", "Davlat", "Bekov", "Karimovich", "1963-08-09", "M", "TJ")
    swapped_twin = PersonRecord("b", "Бекова", "Фарида", "Каримовна", "1963-08-09", "F", "TJ")
    other_twin = PersonRecord("c", "Karimi", "Farhod", "", "1963-08-09", "M", "TJ")
    assert score_pair(brother, swapped_twin).probability < 0.5
    assert score_pair(brother, other_twin).probability < 0.5
