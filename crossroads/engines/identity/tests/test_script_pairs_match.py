"""The same person written in Cyrillic, Latin and Perso-Arabic script is recognised."""

from __future__ import annotations

from crossroads.engines.identity import PersonRecord, score_pair


def test_cyrillic_and_passport_latin_are_the_same_person(
    rakhimov_cyrillic: PersonRecord, rakhimov_passport: PersonRecord
) -> None:
    match = score_pair(rakhimov_cyrillic, rakhimov_passport)
    assert match.probability >= 0.9
    assert match.explanation["given_name"].startswith("transliteration match")
    assert "Мухаммад" in match.explanation["given_name"]
    assert "MOHAMMAD" in match.explanation["given_name"]


def test_cyrillic_and_dari_are_the_same_person(
    rakhimov_cyrillic: PersonRecord, rakhimov_dari: PersonRecord
) -> None:
    assert score_pair(rakhimov_cyrillic, rakhimov_dari).probability >= 0.5


def test_passport_latin_and_dari_are_the_same_person(
    rakhimov_passport: PersonRecord, rakhimov_dari: PersonRecord
) -> None:
    match = score_pair(rakhimov_passport, rakhimov_dari)
    assert match.probability >= 0.5
    assert "across scripts" in match.explanation["family_name"]


def test_explanation_names_the_placeholder_date(
    rakhimov_cyrillic: PersonRecord, rakhimov_passport: PersonRecord
) -> None:
    match = score_pair(rakhimov_cyrillic, rakhimov_passport)
    assert "placeholder 1 January" in match.explanation["birth_date"]


def test_persian_and_arabic_letter_forms_are_the_same_name() -> None:
    persian = PersonRecord("a", "علی", "کریمی", "", "1985", "M", "AF")
    arabic = PersonRecord("b", "علي", "كريمي", "", "1985", "M", "AF")
    match = score_pair(persian, arabic)
    assert match.levels["given_name"] == "exact"
    assert match.levels["family_name"] == "exact"


def test_harakat_tatweel_and_zwnj_do_not_change_a_name() -> None:
    plain = PersonRecord("a", "عبدالله", "احمدی", "", "1980", "M", "AF")
    marked = PersonRecord("b", "عَبدُ\u200cالـله", "اَحمدی", "", "1980", "M", "AF")
    match = score_pair(plain, marked)
    assert match.levels["given_name"] == "exact"
    assert match.levels["family_name"] == "exact"


def test_different_people_across_scripts_do_not_match() -> None:
    latin = PersonRecord("a", "Farhod", "Nazarov", "", "1990-05-03", "M", "TJ")
    dari = PersonRecord("b", "زینب", "کریمی", "", "1972-11-20", "F", "AF")
    assert score_pair(latin, dari).probability < 0.01
