"""The result of spec section 2: keys, order, sorting, merging, consent, determinism."""

from __future__ import annotations

import json
from pathlib import Path

from crossroads.engines.screening import Priority, screen

from .helpers import record, result

EXAMPLE = {
    "schema": "crossroads.screening/1",
    "country": "KG",
    "date": "2026-11-20",
    "location": {"kind": "border", "name": "Dostuk"},
    "person": {
        "birth_date": "2010-05",
        "birth_date_estimated": True,
        "age_claimed": 15,
        "appears_child": True,
        "age_assessment": {"result": "adult", "date": "2026-11-21"},
        "sex": "F",
        "nationalities": ["AF"],
        "country_of_origin": "AF",
        "languages": ["prs"],
        "birth_registered": True,
        "years_in_country": 0,
        "stay": "irregular",
        "documents": [{"type": "passport", "issuing_state": "AF", "held_by": "employer"}],
    },
    "travel": {
        "accompanied_by": "none",
        "separated_from_family": True,
        "entry": "irregular",
        "facilitated_by": "smuggler",
        "moved_or_recruited_by_another": True,
    },
    "statements": {
        "fear_of_return": False,
        "fear_reasons": [],
        "wants_asylum": False,
        "wants_to_return": False,
        "purpose": "work",
        "free_text": "what the person said, in their words, any language",
    },
    "indicators": {
        "forced_labour": ["retention_of_identity_documents", "withholding_of_wages"],
        "exploitation": ["sexual"],
        "child_marriage": False,
        "gbv_survivor": False,
        "torture_survivor": False,
        "medical_urgent": False,
        "serious_medical_condition": False,
        "pregnant": False,
        "disability": False,
        "mental_health_distress": False,
        "older_person_at_risk": False,
        "single_parent": False,
    },
}


def test_the_result_has_the_keys_of_the_spec_in_order() -> None:
    res = screen(EXAMPLE)
    assert list(res) == [
        "schema",
        "pack",
        "is_child",
        "needs",
        "referrals",
        "safeguards",
        "warnings",
    ]
    assert res["schema"] == "crossroads.screening-result/1"
    assert res["pack"] == {
        "country": "KG",
        "version": "KG-2026-01-01",
        "effective_from": "2026-01-01",
    }
    for item in res["needs"] + res["safeguards"]:
        assert list(item) == ["code", "because"]
    for ref in res["referrals"]:
        assert list(ref) == [
            "pathway",
            "agency_kind",
            "priority",
            "deadline_hours",
            "needs",
            "consent_required",
            "because",
        ]


def test_the_spec_example_is_an_unaccompanied_trafficked_child() -> None:
    res = screen(EXAMPLE)
    assert res["is_child"] is True
    codes = [n["code"] for n in res["needs"]]
    assert {
        "unaccompanied_child",
        "trafficking_presumed",
        "child_at_risk",
        "documentation",
        "family_tracing",
    } <= set(codes)
    assert "international_protection" not in codes


def test_needs_and_safeguards_are_sorted_by_code() -> None:
    res = screen(EXAMPLE)
    codes = [n["code"] for n in res["needs"]]
    assert codes == sorted(codes)
    guards = [s["code"] for s in res["safeguards"]]
    assert guards == sorted(guards)


def test_referrals_are_sorted_by_priority_then_pathway() -> None:
    res = result(
        indicators={"medical_urgent": True, "gbv_survivor": True, "mental_health_distress": True},
        statements={"fear_of_return": True},
        location={"kind": "border"},
    )
    keys = [(Priority(r["priority"]).rank, r["pathway"]) for r in res["referrals"]]
    assert keys == sorted(keys)
    assert res["referrals"][0]["priority"] == "emergency"


def test_every_item_has_a_non_empty_because() -> None:
    res = screen(EXAMPLE)
    for item in res["needs"] + res["referrals"] + res["safeguards"]:
        assert item["because"] and all(isinstance(b, str) and b for b in item["because"])


def test_one_referral_per_pathway_with_merged_needs() -> None:
    res = result(
        person={"nationalities": ["stateless"], "documents": []}, indicators={"single_parent": True}
    )
    legal = [r for r in res["referrals"] if r["pathway"] == "legal_aid"]
    assert len(legal) == 1
    assert legal[0]["needs"] == ["documentation", "single_parent", "statelessness_risk"]


def test_deadline_hours_come_from_the_pack() -> None:
    res = screen(EXAMPLE)
    hours = {"emergency": 4, "urgent": 24, "high": 72, "normal": 240}
    for ref in res["referrals"]:
        assert ref["deadline_hours"] == hours[ref["priority"]]


def test_consent_is_required_exactly_for_unhcr_iom_and_ngos() -> None:
    res = screen(EXAMPLE)
    for ref in res["referrals"]:
        assert ref["consent_required"] is (ref["agency_kind"] in {"unhcr", "iom", "ngo"})


def test_the_same_record_gives_the_same_bytes() -> None:
    first = json.dumps(screen(EXAMPLE), ensure_ascii=False)
    again = json.dumps(screen(json.loads(json.dumps(EXAMPLE))), ensure_ascii=False)
    assert first == again


def test_key_order_of_the_input_does_not_change_the_result() -> None:
    reversed_record = dict(reversed(list(EXAMPLE.items())))
    assert json.dumps(screen(reversed_record)) == json.dumps(screen(EXAMPLE))


def test_screening_does_not_change_the_input() -> None:
    data = record(person={"documents": [{"held_by": "employer"}]})
    before = json.dumps(data)
    screen(data)
    assert json.dumps(data) == before


def test_the_example_file_round_trips_through_json(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    assert screen(json.loads(path.read_text(encoding="utf-8"))) == screen(EXAMPLE)


def test_the_child_items_read_like_the_spec_example() -> None:
    res = screen(EXAMPLE)
    unaccompanied = next(n for n in res["needs"] if n["code"] == "unaccompanied_child")
    assert unaccompanied["because"] == [
        "is_child: age 16 from person.birth_date 2010-05",
        "travel.accompanied_by is none",
    ]
    guard = next(s for s in res["safeguards"] if s["code"] == "no_detention_child")
    assert guard["because"] == ["is_child"]
    ref = next(r for r in res["referrals"] if r["pathway"] == "child_protection")
    assert "need unaccompanied_child" in ref["because"]
