"""Warnings appear exactly where the contract asks for one (screening.md v1.1 section 2:
"warnings are free text; only their presence is part of the contract").

Section 4 asks for two: fear of return together with a wish to return, and a wish to return
while a safeguard that blocks return stands. A pack may add its own (section 5). Nothing
else gives a warning: what the engine notices besides goes into a ``because``.
"""

from __future__ import annotations

from .helpers import result


def test_fear_of_return_and_a_wish_to_return_give_a_warning() -> None:
    res = result(statements={"fear_of_return": True, "wants_to_return": True})
    assert res["warnings"]


def test_a_wish_to_return_while_a_blocking_safeguard_stands_gives_a_warning() -> None:
    res = result(statements={"wants_to_return": True}, indicators={"torture_survivor": True})
    assert res["warnings"]
    res = result(statements={"wants_to_return": True}, person={"age_claimed": 12})
    assert res["warnings"]


def test_a_wish_to_return_with_nothing_standing_gives_no_warning() -> None:
    assert result(statements={"wants_to_return": True})["warnings"] == []


def test_an_age_assessment_dated_after_the_screening_gives_no_warning() -> None:
    res = result(person={"age_assessment": {"result": "adult", "date": "2026-11-21"}})
    assert res["warnings"] == []
    res = result(
        person={"age_claimed": 15, "age_assessment": {"result": "adult", "date": "2026-11-21"}},
        travel={"accompanied_by": "parent"},
    )
    assert res["warnings"] == []


def test_an_adult_assessment_against_signs_of_childhood_gives_no_warning() -> None:
    res = result(
        person={"age_claimed": 16, "age_assessment": {"result": "adult", "date": "2026-11-01"}}
    )
    assert res["is_child"] is False
    assert res["warnings"] == []


def test_an_adult_assessment_against_a_certain_child_birth_date_gives_no_warning() -> None:
    res = result(
        person={
            "birth_date": "2010-05-01",
            "age_assessment": {"result": "adult", "date": "2026-11-01"},
        },
        travel={"accompanied_by": "parent"},
    )
    assert res["is_child"] is True
    assert res["warnings"] == []


def test_fearful_words_against_fear_of_return_false_give_no_warning() -> None:
    res = result(statements={"fear_of_return": False, "free_text": "I am afraid to go back"})
    assert res["warnings"] == []
