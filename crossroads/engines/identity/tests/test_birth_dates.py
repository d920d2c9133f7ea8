"""Birth dates: full, partial, placeholder 1 January, swapped day and month, off by a year."""

from __future__ import annotations

import pytest

from crossroads.engines.identity import PersonRecord, score_pair
from crossroads.engines.identity.dates import BirthDate, compare_birth_dates, parse_birth_date


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("1990-05-17", "1990-05-17", "exact"),
        ("1990-05-07", "1990-07-05", "swapped_day_month"),
        ("1990-05-17", "1991-05-17", "year_off_by_one_same_day"),
        ("1990-05-17", "1990-05-18", "same_year_month"),
        ("1990-01-01", "1990-05-17", "same_year_placeholder"),
        ("1990", "1990-05-17", "same_year"),
        ("1990-05", "1990-05-17", "same_year_month"),
        ("1990", "1991", "year_off_by_one"),
        ("1990-05-17", "1992-11-02", "different_full_date"),
        ("1990", "1993", "years_apart_2_5"),
        ("1960", "1990", "years_apart_6_plus"),
        ("1990", "", "missing"),
    ],
)
def test_date_pairs_get_their_level(a: str, b: str, level: str) -> None:
    assert compare_birth_dates(parse_birth_date(a), parse_birth_date(b))[0] == level


def test_first_of_january_is_weak_evidence() -> None:
    assert parse_birth_date("1990-01-01") == BirthDate(1990, 1, 1)
    assert parse_birth_date("1990-01-01").is_placeholder  # type: ignore[union-attr]
    base = PersonRecord("a", "Ahmad", "Karimi", "", "1990-01-01", "M", "AF")
    exact_real = PersonRecord("b", "Ahmad", "Karimi", "", "1990-06-15", "M", "AF")
    same_placeholder = PersonRecord("c", "Ahmad", "Karimi", "", "1990-01-01", "M", "AF")
    real = PersonRecord("d", "Ahmad", "Karimi", "", "1990-06-15", "M", "AF")
    assert score_pair(base, same_placeholder).weight < score_pair(exact_real, real).weight


@pytest.mark.parametrize("bad", ["1990-13-01", "1990-02-30", "90-01-01", "01.02.1990", "abcd"])
def test_malformed_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_birth_date(bad)


def test_missing_date_neither_helps_nor_hurts() -> None:
    a = PersonRecord("a", "Ahmad", "Karimi", "", "", "M", "AF")
    b = PersonRecord("b", "Ahmad", "Karimi", "", "1990-06-15", "M", "AF")
    assert score_pair(a, b).levels["birth_date"] == "missing"
