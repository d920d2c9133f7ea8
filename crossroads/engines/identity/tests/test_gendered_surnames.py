"""-ov/-ova, -ev/-eva, -in/-ina, -skiy/-skaya are one surname; the ending says the sex."""

from __future__ import annotations

import pytest

from crossroads.engines.identity import PersonRecord, prepare, score_pair


@pytest.mark.parametrize(
    ("masculine", "feminine"),
    [("Rakhimov", "Rakhimova"), ("Aliev", "Alieva"), ("Pushkin", "Pushkina")],
)
def test_masculine_and_feminine_forms_are_one_family_name(masculine: str, feminine: str) -> None:
    brother = PersonRecord("a", "Aziz", masculine, "", "1990", "", "")
    sister = PersonRecord("b", "Zarina", feminine, "", "1992", "", "")
    assert score_pair(brother, sister).levels["family_name"] in ("transliteration", "exact")


def test_feminine_ending_against_masculine_counts_as_different_sex() -> None:
    a = PersonRecord("a", "Sasha", "Rakhimov", "", "1990-02-03", "", "")
    b = PersonRecord("b", "Sasha", "Rakhimova", "", "1990-02-03", "", "")
    match = score_pair(a, b)
    assert match.levels["sex"] == "different_implied"
    assert prepare(b).implied_sex == "F"
