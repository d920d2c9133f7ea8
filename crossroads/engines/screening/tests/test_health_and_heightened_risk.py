"""Health and heightened risk, family tracing (spec section 4)."""

from __future__ import annotations

import pytest

from .helpers import needs, referral, result, safeguards


def test_medical_urgency_is_an_emergency() -> None:
    res = result(indicators={"medical_urgent": True})
    assert "medical_urgent" in needs(res)
    ref = referral(res, "medical_care")
    assert (ref["priority"], ref["deadline_hours"]) == ("emergency", 4)
    assert res["referrals"][0]["pathway"] == "medical_care"


@pytest.mark.parametrize("flag", ["serious_medical_condition", "pregnant", "disability"])
def test_medical_needs_are_high(flag: str) -> None:
    res = result(indicators={flag: True})
    assert "medical_needs" in needs(res)
    assert referral(res, "medical_care")["priority"] == "high"


def test_urgent_and_other_medical_needs_merge_into_one_emergency_referral() -> None:
    res = result(indicators={"medical_urgent": True, "pregnant": True})
    ref = referral(res, "medical_care")
    assert ref["priority"] == "emergency"
    assert ref["needs"] == ["medical_needs", "medical_urgent"]
    assert [r["pathway"] for r in res["referrals"]].count("medical_care") == 1


def test_a_torture_survivor_is_protected_from_refoulement() -> None:
    res = result(indicators={"torture_survivor": True}, person={"stay": "irregular"})
    assert "torture_survivor" in needs(res)
    assert referral(res, "medical_care")["priority"] == "high"
    assert referral(res, "psychosocial_support")["priority"] == "high"
    assert "non_refoulement" in safeguards(res)
    assert "return_procedure" not in {r["pathway"] for r in res["referrals"]}


def test_a_gbv_survivor_gets_services_and_confidentiality() -> None:
    res = result(indicators={"gbv_survivor": True})
    assert "gbv_survivor" in needs(res)
    ref = referral(res, "gbv_services")
    assert (ref["priority"], ref["agency_kind"], ref["consent_required"]) == ("high", "ngo", True)
    assert "confidentiality" in safeguards(res)


def test_mental_health_distress_is_psychosocial_normal() -> None:
    res = result(indicators={"mental_health_distress": True})
    assert "psychosocial" in needs(res)
    assert referral(res, "psychosocial_support")["priority"] == "normal"


@pytest.mark.parametrize("flag", ["older_person_at_risk", "single_parent"])
def test_older_persons_and_single_parents_get_legal_aid(flag: str) -> None:
    res = result(indicators={flag: True})
    assert flag in needs(res)
    assert referral(res, "legal_aid")["priority"] == "normal"


def test_family_tracing_is_normal_for_an_adult_and_urgent_for_a_child() -> None:
    adult = result(travel={"separated_from_family": True})
    assert "family_tracing" in needs(adult)
    assert referral(adult, "family_tracing")["priority"] == "normal"
    child = result(person={"age_claimed": 12}, travel={"separated_from_family": True})
    assert referral(child, "family_tracing")["priority"] == "urgent"
