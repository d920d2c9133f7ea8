"""The one safeguard check the product calls before every guarded step."""

from __future__ import annotations

import pytest

from crossroads.engines.screening import GuardedAction, Safeguard, blocking

RETURN_STEPS = ["open_return_case", "issue_return_decision", "order_detention", "remove"]


@pytest.mark.parametrize("action", RETURN_STEPS)
@pytest.mark.parametrize("guard", ["non_refoulement", "reflection_period", "best_interests_first"])
def test_protection_safeguards_block_every_return_step(action: str, guard: str) -> None:
    assert blocking(action, [guard]) == [guard]


def test_the_refusal_names_every_blocking_safeguard_sorted() -> None:
    active = ["reflection_period", "non_refoulement", "confidentiality", "no_detention_child"]
    assert blocking(GuardedAction.ORDER_DETENTION, active) == [
        "no_detention_child",
        "non_refoulement",
        "reflection_period",
    ]


def test_a_child_cannot_be_detained() -> None:
    assert blocking("order_detention", ["no_detention_child"]) == ["no_detention_child"]
    assert blocking("detain", ["no_detention_child"]) == ["no_detention_child"]


def test_non_refoulement_stops_voluntary_return_travel_and_sharing_with_the_origin_state() -> None:
    assert blocking("voluntary_return_travel", ["non_refoulement"]) == ["non_refoulement"]
    assert blocking("share_with_origin_state", ["non_refoulement"]) == ["non_refoulement"]


def test_a_reflection_period_alone_does_not_stop_a_chosen_voluntary_return() -> None:
    assert blocking("voluntary_return_travel", ["reflection_period"]) == []


def test_non_punishment_blocks_penalties_and_reflection_blocks_required_cooperation() -> None:
    assert blocking("penalise_irregular_entry", ["non_punishment"]) == ["non_punishment"]
    assert blocking("require_cooperation", ["reflection_period"]) == ["reflection_period"]


def test_child_safeguards_block_their_steps() -> None:
    assert blocking("transfer_without_bid", ["best_interests_first"]) == ["best_interests_first"]
    assert blocking("proceed_without_guardian", ["guardian_required"]) == ["guardian_required"]
    assert blocking("separate_from_family", ["family_unity"]) == ["family_unity"]
    assert blocking("treat_as_adult", ["presumption_of_minority"]) == ["presumption_of_minority"]
    assert blocking("share_sensitive_details", ["confidentiality"]) == ["confidentiality"]


def test_nothing_blocks_when_no_safeguard_is_active() -> None:
    for action in GuardedAction:
        assert blocking(action, []) == []


def test_every_safeguard_blocks_something() -> None:
    blocked = {code for action in GuardedAction for code in blocking(action, list(Safeguard))}
    assert blocked == {s.value for s in Safeguard}


def test_an_unknown_action_or_safeguard_is_an_error_not_a_pass() -> None:
    with pytest.raises(ValueError):
        blocking("deport", [])
    with pytest.raises(ValueError):
        blocking("remove", ["non_refoulment"])
