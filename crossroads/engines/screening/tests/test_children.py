"""Children: accompanied, separated, unaccompanied, at risk (spec section 4, "Children")."""

from __future__ import annotations

import pytest

from .helpers import needs, referral, result, safeguards

CHILD = {"age_claimed": 14}


@pytest.mark.parametrize("accompanied_by", ["parent", "legal_guardian"])
def test_a_child_with_a_parent_or_guardian_keeps_family_unity(accompanied_by: str) -> None:
    res = result(person=CHILD, travel={"accompanied_by": accompanied_by})
    assert {"family_unity", "no_detention_child"} <= safeguards(res)
    assert not {"unaccompanied_child", "separated_child"} & needs(res)
    assert "best_interests_first" not in safeguards(res)


def test_a_child_with_a_relative_is_separated() -> None:
    res = result(person=CHILD, travel={"accompanied_by": "relative"})
    assert "separated_child" in needs(res)
    assert {"best_interests_first", "guardian_required", "no_detention_child"} <= safeguards(res)
    assert referral(res, "child_protection")["priority"] == "urgent"


@pytest.mark.parametrize("accompanied_by", ["unrelated_adult", "none", "unknown", None])
def test_a_child_otherwise_is_unaccompanied(accompanied_by: str | None) -> None:
    res = result(person=CHILD, travel={"accompanied_by": accompanied_by})
    assert "unaccompanied_child" in needs(res)
    assert {"best_interests_first", "guardian_required"} <= safeguards(res)
    ref = referral(res, "child_protection")
    assert ref["priority"] == "urgent"
    assert ref["deadline_hours"] == 24
    assert ref["agency_kind"] == "child_protection"
    assert ref["consent_required"] is False


def test_every_child_gets_no_detention_child() -> None:
    res = result(person=CHILD, travel={"accompanied_by": "parent"})
    assert "no_detention_child" in safeguards(res)


def test_an_adult_gets_no_child_needs() -> None:
    res = result(person={"age_claimed": 30}, travel={"accompanied_by": "none"})
    assert not {"unaccompanied_child", "separated_child", "child_at_risk"} & needs(res)


@pytest.mark.parametrize(
    "indicators",
    [
        {"forced_labour": ["excessive_overtime"]},
        {"exploitation": ["forced_begging"]},
        {"child_marriage": True},
        {"gbv_survivor": True},
    ],
)
def test_a_child_with_a_risk_indicator_is_at_risk(indicators: dict[str, object]) -> None:
    res = result(person=CHILD, travel={"accompanied_by": "parent"}, indicators=indicators)
    assert "child_at_risk" in needs(res)
    assert referral(res, "child_protection")["priority"] == "high"


def test_a_document_held_by_an_employer_puts_a_child_at_risk() -> None:
    res = result(
        person={**CHILD, "documents": [{"type": "passport", "held_by": "employer"}]},
        travel={"accompanied_by": "parent"},
    )
    assert "child_at_risk" in needs(res)


def test_child_protection_takes_the_highest_priority_of_its_needs() -> None:
    res = result(
        person=CHILD, travel={"accompanied_by": "none"}, indicators={"child_marriage": True}
    )
    ref = referral(res, "child_protection")
    assert ref["needs"] == ["child_at_risk", "unaccompanied_child"]
    assert ref["priority"] == "urgent"
