"""Who is a child (spec section 4, "Age")."""

from __future__ import annotations

import datetime as dt

import pytest

from crossroads.engines.screening.engine import age_on

from .helpers import result, safeguards


def is_child(**person: object) -> bool:
    value = result(person=person)["is_child"]
    assert isinstance(value, bool)
    return value


def test_no_sign_of_childhood_at_all_means_adult() -> None:
    res = result()
    assert res["is_child"] is False
    assert "no_detention_child" not in safeguards(res)


def test_a_full_birth_date_under_18_makes_a_child() -> None:
    assert is_child(birth_date="2008-11-21") is True
    assert is_child(birth_date="2008-11-20") is False


def test_a_birth_year_allows_up_to_31_december() -> None:
    # Born in 2008 possibly as late as 2008-12-31: 17 on 2026-11-20.
    assert is_child(birth_date="2008") is True
    assert is_child(birth_date="2007") is False


def test_a_birth_month_allows_up_to_its_last_day() -> None:
    assert is_child(birth_date="2008-11") is True  # could be born 2008-11-30
    assert is_child(birth_date="2008-10") is False


def test_a_latest_birth_day_after_the_screening_date_counts_as_the_screening_date() -> None:
    res = result(person={"birth_date": "2026-11"})  # could be born as late as 2026-11-30
    assert res["is_child"] is True
    need = next(n for n in res["needs"] if n["code"] == "unaccompanied_child")
    assert need["because"][0] == "is_child: age 0 from person.birth_date 2026-11"


def test_a_29_february_birthday_falls_on_1_march_in_common_years() -> None:
    born = dt.date(2008, 2, 29)
    assert age_on(born, dt.date(2026, 2, 28)) == 17
    assert age_on(born, dt.date(2026, 3, 1)) == 18
    assert age_on(born, dt.date(2028, 2, 29)) == 20


def test_a_29_february_child_turns_18_on_1_march() -> None:
    from crossroads.engines.screening import screen

    from .helpers import record

    before = record(date="2026-02-28", person={"birth_date": "2008-02-29"})
    after = record(date="2026-03-01", person={"birth_date": "2008-02-29"})
    assert screen(before)["is_child"] is True
    assert screen(after)["is_child"] is False


@pytest.mark.parametrize(
    "person",
    [
        {"age_claimed": 17},
        {"appears_child": True},
        {"age_assessment": {"result": "child", "date": "2026-11-01"}},
    ],
)
def test_any_single_sign_of_childhood_makes_a_child(person: dict[str, object]) -> None:
    assert is_child(**person) is True


def test_appears_child_false_is_no_sign_at_all() -> None:
    assert is_child(appears_child=False) is False
    assert is_child(appears_child=False, age_claimed=16) is True


def test_an_assessment_saying_child_always_wins() -> None:
    assert (
        is_child(birth_date="1990-01-01", age_assessment={"result": "child", "date": "2026-11-01"})
        is True
    )


def test_an_assessment_saying_adult_decides_an_uncertain_age() -> None:
    assert (
        is_child(
            age_claimed=15,
            appears_child=True,
            age_assessment={"result": "adult", "date": "2026-11-01"},
        )
        is False
    )
    assert (
        is_child(birth_date="2010", age_assessment={"result": "adult", "date": "2026-11-01"})
        is False
    )


def test_an_assessment_saying_adult_cannot_overrule_a_certain_birth_date() -> None:
    res = result(
        person={
            "birth_date": "2010-05-01",
            "age_assessment": {"result": "adult", "date": "2026-11-01"},
        }
    )
    assert res["is_child"] is True
    # The assessment disagrees with the birth date, so the age is not certain (section 4).
    assert "presumption_of_minority" in safeguards(res)


def test_an_estimated_full_birth_date_is_not_certain() -> None:
    res = result(
        person={
            "birth_date": "2010-05-01",
            "birth_date_estimated": True,
            "age_assessment": {"result": "adult", "date": "2026-11-01"},
        }
    )
    assert res["is_child"] is False


def test_a_child_of_uncertain_age_is_presumed_a_minor() -> None:
    res = result(person={"age_claimed": 16})
    assert "presumption_of_minority" in safeguards(res)


def test_a_certain_birth_date_that_every_sign_agrees_with_needs_no_presumption() -> None:
    res = result(person={"birth_date": "2010-05-01", "age_claimed": 16, "appears_child": True})
    assert res["is_child"] is True
    assert "presumption_of_minority" not in safeguards(res)


def test_a_sign_that_disagrees_with_a_certain_birth_date_makes_the_age_uncertain() -> None:
    res = result(person={"birth_date": "2010-05-01", "age_claimed": 19})
    assert res["is_child"] is True
    assert "presumption_of_minority" in safeguards(res)
    res = result(person={"birth_date": "2000-05-01", "appears_child": True})
    assert res["is_child"] is True
    assert "presumption_of_minority" in safeguards(res)


def test_the_because_of_a_child_quotes_the_birth_date() -> None:
    res = result(person={"birth_date": "2010-05"}, travel={"accompanied_by": "none"})
    need = next(n for n in res["needs"] if n["code"] == "unaccompanied_child")
    assert need["because"][0] == "is_child: age 16 from person.birth_date 2010-05"
    assert "travel.accompanied_by is none" in need["because"]


@pytest.mark.parametrize(
    ("birth_date", "on", "expected"),
    [
        ("2008-02-29", "2026-02-28", True),  # the birthday falls on 1 March
        ("2008-02-29", "2026-03-01", False),
        ("2008", "2026-12-30", True),  # the latest day the year allows decides
        ("2008", "2026-12-31", False),
        ("2008-06", "2026-06-29", True),
        ("2008-06", "2026-06-30", False),
        ("2030", "2026-01-01", True),  # a latest day after the date counts as the date
        ("", "2026-01-01", None),
        ("2008-13", "2026-01-01", None),
    ],
)
def test_may_be_child_applies_the_same_age_rule_to_a_registered_birth_date(
    birth_date: str, on: str, expected: bool | None
) -> None:
    from crossroads.engines.screening import may_be_child

    assert may_be_child(birth_date, dt.date.fromisoformat(on)) is expected
