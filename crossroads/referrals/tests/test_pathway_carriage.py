"""What each pathway carries (screening.md section 6): violence, exploitation and health
details go only to pathways that deal with them, to a state body or, for a partner, with
consent to share them."""

from __future__ import annotations

import pytest

from crossroads.engines.screening import Pathway
from crossroads.referrals.disclosure import Category, carried_needs, pathway_carries

pytestmark = pytest.mark.django_db

SENSITIVE_NEEDS = ["gbv_survivor", "medical_needs", "trafficking_presumed", "child_at_risk"]


def test_every_pathway_has_a_rule_and_return_pathways_carry_nothing_sensitive():
    for pathway in Pathway:
        assert isinstance(pathway_carries(pathway), frozenset)
    for pathway in ("return_procedure", "assisted_voluntary_return", "migrant_information"):
        assert pathway_carries(pathway) == frozenset()
    assert Category.HEALTH in pathway_carries("medical_care")
    assert Category.GBV in pathway_carries("gbv_services")
    assert Category.TORTURE in pathway_carries("medical_care")
    assert Category.GBV not in pathway_carries("medical_care")
    assert Category.EXPLOITATION in pathway_carries("trafficking_identification")
    assert Category.EXPLOITATION in pathway_carries("victim_assistance")
    assert Category.CHILD_AT_RISK in pathway_carries("child_protection")


@pytest.mark.parametrize(
    ("agency", "pathway", "carried"),
    [
        ("health", "medical_care", ["medical_needs"]),
        (
            "child_protection",
            "child_protection",
            ["child_at_risk", "gbv_survivor", "trafficking_presumed"],
        ),
        ("legal_aid", "legal_aid", []),
        ("migration", "migrant_information", []),
    ],
)
def test_a_state_body_receives_only_what_its_pathway_deals_with(
    kg_border_officer, register, refer, kg_agencies, agency, pathway, carried
):
    person = register(kg_border_officer)
    referral = refer(
        kg_border_officer,
        person,
        kg_agencies[agency],
        pathway,
        needs=[*SENSITIVE_NEEDS, "documentation"],
    )
    assert carried_needs(referral) == sorted([*carried, "documentation"])
