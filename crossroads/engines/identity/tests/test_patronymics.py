"""Patronymic forms of the region name the same father."""

from __future__ import annotations

import pytest

from crossroads.engines.identity import PersonRecord, prepare, score_pair


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Рахимович", "Rakhimovich"),
        ("Rakhimovich", "Rahim o'g'li"),
        ("Rahim uulu", "Рахимович"),
        ("ibn Rahim", "Rahim ogly"),
        ("Рахимовна", "Rahim qizi"),
        ("Rahim kyzy", "бинт رحیم"),
    ],
)
def test_patronymic_forms_of_one_father_agree(a: str, b: str) -> None:
    ra = prepare(PersonRecord("a", "Aziz", "Karimov", a, "1990", "", ""))
    rb = prepare(PersonRecord("b", "Aziz", "Karimov", b, "1990", "", ""))
    assert score_pair(ra, rb).levels["patronymic"] != "disagree"


def test_feminine_patronymic_implies_female() -> None:
    assert prepare(PersonRecord("a", "Zarina", "Karimova", "Rakhimovna")).implied_sex == "F"


def test_uulu_in_the_family_field_becomes_the_patronymic() -> None:
    record = prepare(PersonRecord("a", "Azamat", "Bakyt uulu", ""))
    assert record.patronymic.tokens == ("bakyt",)
    assert record.implied_sex == "M"


def test_different_fathers_weigh_against_a_match() -> None:
    a = PersonRecord("a", "Aziz", "Karimov", "Rakhimovich", "1990-04-03", "M", "TJ")
    b = PersonRecord("b", "Aziz", "Karimov", "Davlatovich", "1990-04-03", "M", "TJ")
    same = PersonRecord("c", "Aziz", "Karimov", "Rakhimovich", "1990-04-03", "M", "TJ")
    assert score_pair(a, b).probability < score_pair(a, same).probability
    assert score_pair(a, b).levels["patronymic"] == "disagree"


@pytest.mark.parametrize("name", ["Bin", "بن", "uulu"])
def test_a_marker_with_no_name_beside_it_is_itself_a_name(name: str) -> None:
    # "Bin" is a Chinese given name; a lone marker must not empty the field (found by
    # Hypothesis: a record written only in such names did not match itself).
    record = PersonRecord("a", name, "Wang", "", "1990-04-03", "M", "CN")
    assert prepare(record).given.tokens
    assert score_pair(record, record).probability >= 0.5
