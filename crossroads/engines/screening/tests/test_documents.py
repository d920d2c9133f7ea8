"""Documents: who holds them, and the indicator a held document adds (spec section 4)."""

from __future__ import annotations

import pytest

from .helpers import need, needs, referral, result


@pytest.mark.parametrize("held_by", ["employer", "recruiter", "smuggler"])
def test_a_document_held_by_an_exploiter_adds_retention_of_documents(held_by: str) -> None:
    # With withholding of wages, two indicators: trafficking_possible, not labour exploitation.
    res = result(
        person={"documents": [{"type": "passport", "held_by": held_by}]},
        indicators={"forced_labour": ["withholding_of_wages"]},
    )
    assert "trafficking_possible" in needs(res)
    because = need(res, "trafficking_possible")["because"]
    assert any(f"person.documents[0].held_by is {held_by}" in b for b in because)


def test_no_document_in_ones_own_hands_needs_documentation() -> None:
    res = result(person={"documents": [{"type": "passport", "held_by": "lost"}]})
    assert "documentation" in needs(res)
    ref = referral(res, "legal_aid")
    assert (ref["priority"], ref["deadline_hours"]) == ("normal", 240)


def test_an_empty_document_list_needs_documentation() -> None:
    assert "documentation" in needs(result(person={"documents": []}))


def test_absent_documents_say_nothing() -> None:
    assert "documentation" not in needs(result(person={}))


def test_one_document_held_by_self_is_enough() -> None:
    res = result(person={"documents": [{"held_by": "authorities"}, {"type": "tazkira"}]})
    assert "documentation" not in needs(res)


def test_a_derived_indicator_counts_for_an_adult_with_act_and_purpose() -> None:
    # Act (recruiter) + means (held document) + purpose (withholding): presumed.
    res = result(
        person={"age_claimed": 30, "documents": [{"type": "passport", "held_by": "recruiter"}]},
        travel={"facilitated_by": "recruiter"},
        indicators={"forced_labour": ["withholding_of_wages"]},
    )
    assert "trafficking_presumed" in needs(res)
