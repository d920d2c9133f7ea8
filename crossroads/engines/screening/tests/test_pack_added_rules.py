"""A pack's added rules only add or raise (spec section 5)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from crossroads.engines.screening import (
    PackRegistry,
    default_registry,
    screen,
    screen_with_guidance,
)
from crossroads.engines.screening.packs import PACKS_DIR

from .helpers import need, needs, pathways, record, referral, safeguards


def test_kyrgyzstan_tells_the_officer_to_hear_a_border_asylum_request_apart() -> None:
    res, guidance = screen_with_guidance(
        record(location={"kind": "border"}, statements={"wants_asylum": True})
    )
    assert [g["id"] for g in guidance] == ["KG-border-confidential-asylum-request"]
    assert "Resolution No. 188" in guidance[0]["source"]
    # guidance only: the result is the contract's
    assert "confidentiality" not in safeguards(res)
    _res, inland = screen_with_guidance(
        record(location={"kind": "inland"}, statements={"wants_asylum": True})
    )
    assert inland == []


def test_turkmenistan_tells_the_officer_to_refer_a_border_claim_at_once() -> None:
    res, guidance = screen_with_guidance(
        record(country="TM", location={"kind": "border"}, statements={"fear_of_return": True})
    )
    assert referral(res, "asylum_procedure")["priority"] == "urgent"
    assert [g["id"] for g in guidance] == ["TM-border-immediate-referral"]


def test_turkey_tells_the_officer_of_its_geographical_limitation() -> None:
    res, guidance = screen_with_guidance(record(country="TR", statements={"wants_asylum": True}))
    assert res["warnings"] == []
    assert any("geographical limitation" in g["text"] for g in guidance)


def test_no_shipped_pack_changes_a_result_by_its_own_rules() -> None:
    # Independent checks read a record by the contract alone; what national law adds for
    # the officer is guidance (officer_guidance), beside the result.
    for pack in default_registry().packs():
        assert pack.added_rules == (), pack.version


def make_registry(tmp_path: Path, rules: list[dict[str, Any]]) -> PackRegistry:
    data = copy.deepcopy(
        yaml.safe_load((PACKS_DIR / "KG" / "2026-01-01.yaml").read_text(encoding="utf-8"))
    )
    data["added_rules"] = rules
    path = tmp_path / "KG" / "2026-01-01.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return PackRegistry.from_directory(tmp_path)


def test_a_rule_can_add_a_need_with_its_referral_and_a_safeguard(tmp_path: Path) -> None:
    registry = make_registry(
        tmp_path,
        [
            {
                "id": "T-1",
                "description": "d",
                "source": "s",
                "when": [
                    {"field": "is_child", "is": True},
                    {"field": "person.nationalities", "contains": "AF"},
                ],
                "then": {
                    "needs": [
                        {"code": "documentation", "pathway": "legal_aid", "priority": "high"}
                    ],
                    "safeguards": ["confidentiality"],
                    "warnings": ["added"],
                },
            }
        ],
    )
    res = screen(
        record(
            person={"age_claimed": 10, "nationalities": ["AF"]}, travel={"accompanied_by": "parent"}
        ),
        packs=registry,
    )
    assert "documentation" in needs(res)
    assert need(res, "documentation")["because"] == [
        "pack rule T-1: is_child is true and person.nationalities contains AF"
    ]
    assert referral(res, "legal_aid")["priority"] == "high"
    assert "confidentiality" in safeguards(res)
    assert "added" in res["warnings"]
    adult = screen(record(person={"nationalities": ["AF"]}), packs=registry)
    assert "documentation" not in needs(adult)


def test_a_rule_can_add_a_referral_without_a_need(tmp_path: Path) -> None:
    registry = make_registry(
        tmp_path,
        [
            {
                "id": "T-2",
                "description": "d",
                "source": "s",
                "when": [{"field": "location.kind", "in": ["detention"]}],
                "then": {"referrals": [{"pathway": "legal_aid", "priority": "urgent"}]},
            }
        ],
    )
    res = screen(record(location={"kind": "detention"}), packs=registry)
    ref = referral(res, "legal_aid")
    assert ref["needs"] == []
    assert ref["because"] == ["pack rule T-2: location.kind in [detention]"]


def test_a_rule_that_adds_non_refoulement_closes_the_status_routes(tmp_path: Path) -> None:
    registry = make_registry(
        tmp_path,
        [
            {
                "id": "T-3",
                "description": "d",
                "source": "s",
                "when": [{"field": "person.country_of_origin", "equals": "AF"}],
                "then": {"safeguards": ["non_refoulement"]},
            }
        ],
    )
    res = screen(record(person={"country_of_origin": "AF", "stay": "irregular"}), packs=registry)
    assert "return_procedure" not in pathways(res)


def test_a_raise_never_lowers_and_never_creates_a_referral(tmp_path: Path) -> None:
    registry = make_registry(
        tmp_path,
        [
            {
                "id": "T-4",
                "description": "d",
                "source": "s",
                "when": [{"field": "person.years_in_country", "at_least": 0}],
                "then": {
                    "raise": [
                        {"pathway": "medical_care", "priority": "normal"},
                        {"pathway": "gbv_services", "priority": "urgent"},
                    ]
                },
            }
        ],
    )
    res = screen(
        record(person={"years_in_country": 1}, indicators={"medical_urgent": True}), packs=registry
    )
    assert referral(res, "medical_care")["priority"] == "emergency"
    assert "gbv_services" not in pathways(res)
