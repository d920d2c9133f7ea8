"""Trafficking: Palermo act, means and purpose; labour exploitation (spec section 4)."""

from __future__ import annotations

import pytest

from .helpers import needs, pathways, referral, result, safeguards

ADULT = {"age_claimed": 30}
CHILD = {"age_claimed": 15}


def test_an_adult_with_act_means_and_purpose_is_presumed_trafficked() -> None:
    res = result(
        person=ADULT,
        travel={"moved_or_recruited_by_another": True},
        indicators={"forced_labour": ["deception", "withholding_of_wages"]},
    )
    assert "trafficking_presumed" in needs(res)
    assert referral(res, "trafficking_identification")["priority"] == "urgent"
    assert referral(res, "victim_assistance")["priority"] == "urgent"
    assert {"non_punishment", "reflection_period", "confidentiality"} <= safeguards(res)


@pytest.mark.parametrize("facilitated_by", ["smuggler", "recruiter", "employer"])
def test_transport_or_recruitment_is_the_act(facilitated_by: str) -> None:
    res = result(
        person=ADULT,
        travel={"facilitated_by": facilitated_by},
        indicators={"forced_labour": ["isolation"], "exploitation": ["domestic_servitude"]},
    )
    assert "trafficking_presumed" in needs(res)


def test_an_adult_without_means_is_only_possibly_trafficked() -> None:
    res = result(
        person=ADULT,
        travel={"moved_or_recruited_by_another": True},
        indicators={"forced_labour": ["withholding_of_wages", "excessive_overtime"]},
    )
    assert "trafficking_possible" in needs(res)
    assert "trafficking_presumed" not in needs(res)
    assert referral(res, "trafficking_identification")["priority"] == "high"
    assert {"non_punishment", "reflection_period"} <= safeguards(res)
    assert "victim_assistance" not in pathways(res)


def test_debt_bondage_counts_as_means_and_purpose_but_once_in_the_count() -> None:
    presumed = result(
        person=ADULT,
        travel={"moved_or_recruited_by_another": True},
        indicators={"forced_labour": ["debt_bondage"]},
    )
    assert "trafficking_presumed" in needs(presumed)
    alone = result(person=ADULT, indicators={"forced_labour": ["debt_bondage"]})
    assert "trafficking_possible" not in needs(alone)
    assert "labour_exploitation" in needs(alone)


def test_for_a_child_the_means_do_not_matter() -> None:
    res = result(
        person=CHILD,
        travel={"moved_or_recruited_by_another": True, "accompanied_by": "parent"},
        indicators={"forced_labour": ["excessive_overtime"]},
    )
    assert "trafficking_presumed" in needs(res)


def test_sexual_exploitation_of_a_child_is_presumed_trafficking_without_an_act() -> None:
    res = result(
        person=CHILD, travel={"accompanied_by": "parent"}, indicators={"exploitation": ["sexual"]}
    )
    assert "trafficking_presumed" in needs(res)


def test_a_child_with_a_single_indicator_is_possibly_trafficked() -> None:
    res = result(
        person=CHILD,
        travel={"accompanied_by": "parent"},
        indicators={"forced_labour": ["isolation"]},
    )
    assert "trafficking_possible" in needs(res)


def test_any_exploitation_entry_makes_trafficking_possible() -> None:
    res = result(person=ADULT, indicators={"exploitation": ["forced_begging"]})
    assert "trafficking_possible" in needs(res)


def test_two_indicators_make_trafficking_possible_for_an_adult() -> None:
    res = result(person=ADULT, indicators={"forced_labour": ["isolation", "deception"]})
    assert "trafficking_possible" in needs(res)


def test_a_single_means_indicator_alone_gives_nothing_for_an_adult() -> None:
    res = result(person=ADULT, indicators={"forced_labour": ["isolation"]})
    assert not {"trafficking_possible", "labour_exploitation"} & needs(res)


def test_a_single_purpose_indicator_is_labour_exploitation() -> None:
    res = result(person=ADULT, indicators={"forced_labour": ["excessive_overtime"]})
    assert "labour_exploitation" in needs(res)
    assert referral(res, "labour_inspection")["priority"] == "normal"
    assert referral(res, "legal_aid")["priority"] == "normal"
    assert "non_punishment" not in safeguards(res)


def test_a_trafficking_victim_is_never_sent_to_return_procedure() -> None:
    res = result(
        person={**ADULT, "stay": "irregular"},
        indicators={"forced_labour": ["isolation", "deception"]},
    )
    assert "return_procedure" not in pathways(res)
    assert "irregular_stay" not in needs(res)


def test_the_reflection_period_names_the_packs_days() -> None:
    res = result(person=ADULT, indicators={"exploitation": ["forced_begging"]})
    guard = next(s for s in res["safeguards"] if s["code"] == "reflection_period")
    assert guard["because"] == [
        "need trafficking_possible",
        "reflection_period_days is 30 (KG-2026-01-01)",
    ]
