"""Compound names written joined or apart (Abdul…, …ullah, …uddin, …zoda) are one name."""

from __future__ import annotations

import pytest

from crossroads.engines.identity import PersonRecord, score_pair


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abdul Rahman", "Abdurrahman"),
        ("Abdulrahman", "عبدالرحمن"),
        ("Abdullah", "عبد الله"),
        ("Abdulla", "Абдулла"),
        ("Habib Ullah", "Habibullah"),
        ("Habibullah", "حبیب‌الله"),
        ("Nasr-ud-Din", "Nasruddin"),
        ("Nasir al-Din", "نصرالدین"),
    ],
)
def test_compound_given_names_written_joined_or_apart_match(a: str, b: str) -> None:
    ra = PersonRecord("a", a, "Karimi", "", "1990", "M", "AF")
    rb = PersonRecord("b", b, "Karimi", "", "1990", "M", "AF")
    match = score_pair(ra, rb)
    assert match.levels["given_name"] in ("exact", "transliteration", "skeleton_arabic")
    assert match.probability >= 0.5


@pytest.mark.parametrize(("a", "b"), [("Rahimzoda", "Rahim Zade"), ("Рахимзода", "Rahimzadeh")])
def test_zoda_zade_zadeh_are_one_suffix(a: str, b: str) -> None:
    ra = PersonRecord("a", "Farrukh", a, "", "1990", "M", "TJ")
    rb = PersonRecord("b", "Farrukh", b, "", "1990", "M", "TJ")
    assert score_pair(ra, rb).levels["family_name"] in ("exact", "transliteration")
