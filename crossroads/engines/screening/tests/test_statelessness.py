"""Statelessness risk (spec section 4, "Statelessness")."""

from __future__ import annotations

import pytest

from crossroads.engines.screening import screen

from .helpers import needs, record, referral, result


@pytest.mark.parametrize("nationalities", [["stateless"], ["unknown"], [], ["AF", "unknown"]])
def test_no_known_nationality_is_a_statelessness_risk(nationalities: list[str]) -> None:
    res = result(person={"nationalities": nationalities})
    assert "statelessness_risk" in needs(res)
    assert referral(res, "statelessness_determination")["priority"] == "normal"
    assert referral(res, "legal_aid")["priority"] == "normal"


def test_a_known_nationality_or_none_given_is_no_risk() -> None:
    assert "statelessness_risk" not in needs(result(person={"nationalities": ["AF"]}))
    assert "statelessness_risk" not in needs(result(person={}))


def test_a_child_whose_birth_is_not_registered_is_at_risk() -> None:
    res = result(
        person={"age_claimed": 10, "birth_registered": False}, travel={"accompanied_by": "parent"}
    )
    assert "statelessness_risk" in needs(res)


def test_an_adult_whose_birth_is_not_registered_is_not_flagged_for_that() -> None:
    assert "statelessness_risk" not in needs(result(person={"birth_registered": False}))


def test_absent_birth_registration_says_nothing() -> None:
    res = result(person={"age_claimed": 10}, travel={"accompanied_by": "parent"})
    assert "statelessness_risk" not in needs(res)


def test_statelessness_goes_to_unhcr_where_there_is_no_procedure() -> None:
    res = result(person={"nationalities": ["stateless"]})
    assert referral(res, "statelessness_determination")["agency_kind"] == "unhcr"


def test_statelessness_goes_to_the_state_body_where_a_procedure_exists() -> None:
    res = screen(record(country="TR", person={"nationalities": ["stateless"]}))
    assert referral(res, "statelessness_determination")["agency_kind"] == "migration_service"
