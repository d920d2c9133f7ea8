"""Status routes: return, regularisation, irregular stay, information (spec section 4)."""

from __future__ import annotations

import pytest

from .helpers import needs, pathways, referral, result


def test_a_person_who_wants_to_go_home_gets_assisted_voluntary_return() -> None:
    res = result(statements={"wants_to_return": True}, person={"stay": "irregular"})
    assert "voluntary_return" in needs(res)
    ref = referral(res, "assisted_voluntary_return")
    assert (ref["priority"], ref["agency_kind"], ref["consent_required"]) == ("normal", "iom", True)
    assert "irregular_stay" not in needs(res)


def test_a_long_stay_without_status_is_regularisation() -> None:
    res = result(person={"stay": "expired", "years_in_country": 5})
    assert "regularisation" in needs(res)
    assert referral(res, "regularisation")["agency_kind"] == "migration_service"
    assert "return_procedure" not in pathways(res)


def test_a_short_irregular_stay_of_an_adult_goes_to_return_procedure() -> None:
    res = result(person={"stay": "irregular", "years_in_country": 1})
    assert "irregular_stay" in needs(res)
    assert referral(res, "return_procedure")["priority"] == "normal"


def test_an_irregular_child_goes_to_legal_aid_not_return() -> None:
    res = result(
        person={"stay": "irregular", "age_claimed": 16}, travel={"accompanied_by": "parent"}
    )
    assert "irregular_stay" in needs(res)
    assert "return_procedure" not in pathways(res)
    assert "legal_aid" in pathways(res)


def test_irregular_entry_is_irregular_unless_the_stay_is_regular() -> None:
    assert "irregular_stay" in needs(result(travel={"entry": "irregular"}))
    assert "irregular_stay" in needs(
        result(travel={"entry": "irregular"}, person={"stay": "unknown"})
    )
    assert "irregular_stay" not in needs(
        result(travel={"entry": "irregular"}, person={"stay": "regular"})
    )


def test_a_regular_stay_gives_no_status_route() -> None:
    res = result(person={"stay": "regular", "years_in_country": 10})
    assert not {"regularisation", "irregular_stay"} & needs(res)


def test_a_labour_migrant_gets_information_alongside_other_routes() -> None:
    res = result(statements={"purpose": "work"}, person={"stay": "irregular"})
    assert {"labour_migrant_information", "irregular_stay"} <= needs(res)
    assert referral(res, "migrant_information")["priority"] == "normal"


@pytest.mark.parametrize(
    "sections",
    [
        {"statements": {"fear_of_return": True}},
        {"indicators": {"exploitation": ["forced_criminality"]}},
        {"person": {"age_claimed": 12, "stay": "irregular"}},
        {"indicators": {"torture_survivor": True}},
    ],
)
def test_protection_trafficking_children_and_blocking_safeguards_close_status_routes(
    sections: dict[str, dict[str, object]],
) -> None:
    merged: dict[str, dict[str, object]] = {
        "person": {"stay": "irregular"},
        "statements": {"purpose": "work", "wants_to_return": True},
    }
    for key, value in sections.items():
        merged[key] = {**merged.get(key, {}), **value}
    res = result(**merged)
    assert not {
        "voluntary_return",
        "irregular_stay",
        "labour_migrant_information",
        "regularisation",
    } & needs(res)
    assert not {"return_procedure", "assisted_voluntary_return"} & pathways(res)
    assert res["warnings"], "voluntariness and safety must be assessed first"
