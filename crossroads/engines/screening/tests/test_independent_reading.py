"""A second, independent reading of screening.md v1.1 section 4 agrees with the engine.

The function below was written from the text of the contract alone, in the plainest way
(no shared code with ``engine.py`` but the phrase lists and the packs' data), and
Hypothesis checks that both give the same ``is_child``, needs, referrals (pathway,
priority, agency kind, deadline, needs, consent), safeguards and presence of warnings for
any valid record in every shipped pack. The packs' added rules are left out (section 5
lets them add), so what is compared is exactly what the contract fixes.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings

from crossroads.engines.screening import Pack, PackRegistry, default_registry, screen
from crossroads.engines.screening.fear import hear_fear

from .test_principles import records

RANK = {"emergency": 0, "urgent": 1, "high": 2, "normal": 3}
MEANS = {
    "abuse_of_vulnerability",
    "deception",
    "restriction_of_movement",
    "isolation",
    "physical_sexual_violence",
    "intimidation_threats",
    "retention_of_identity_documents",
    "debt_bondage",
}
PURPOSE = {
    "withholding_of_wages",
    "debt_bondage",
    "abusive_working_living_conditions",
    "excessive_overtime",
}
WITHOUT_ADDED_RULES = PackRegistry(
    [dataclasses.replace(pack, added_rules=()) for pack in default_registry()]
)
Referral = tuple[int, str, str, int, list[str], bool]


def _latest_birth_date(text: str) -> dt.date:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(parts[0], parts[1], parts[2])


def _age(born: dt.date, on: dt.date) -> int:
    try:
        birthday = born.replace(year=on.year)
    except ValueError:  # 29 February in a common year falls on 1 March
        birthday = dt.date(on.year, 3, 1)
    return on.year - born.year - (1 if on < birthday else 0)


def expected(record: dict[str, Any], pack: Pack) -> dict[str, Any]:
    on = dt.date.fromisoformat(record["date"])
    person: dict[str, Any] = record.get("person") or {}
    travel: dict[str, Any] = record.get("travel") or {}
    said: dict[str, Any] = record.get("statements") or {}
    signs: dict[str, Any] = record.get("indicators") or {}

    # Age
    birth = person.get("birth_date")
    youngest = _age(min(_latest_birth_date(birth), on), on) if birth else None
    minor_by_birth = youngest is not None and youngest < 18
    certain_birth = birth is not None and len(birth) == 10
    certain_birth = certain_birth and person.get("birth_date_estimated") is not True
    assessment = person.get("age_assessment")
    if assessment is not None and dt.date.fromisoformat(assessment["date"]) > on:
        assessment = None
    claimed = person.get("age_claimed")
    appears = person.get("appears_child") is True
    if assessment is not None and assessment["result"] == "child":
        child = True
    elif assessment is not None:
        child = certain_birth and minor_by_birth
    else:
        child = minor_by_birth or (claimed is not None and claimed < 18) or appears
    certain = certain_birth
    if claimed is not None and (claimed < 18) != minor_by_birth:
        certain = False
    if appears and not minor_by_birth:
        certain = False
    if assessment is not None and (assessment["result"] == "child") != minor_by_birth:
        certain = False

    needs: set[str] = set()
    guards: set[str] = set()
    referrals: dict[str, tuple[str, set[str]]] = {}
    warnings = False

    def need(code: str, *routes: tuple[str, str]) -> None:
        needs.add(code)
        for pathway, priority in routes:
            old_priority, served = referrals.get(pathway, (priority, set()))
            best = priority if RANK[priority] < RANK[old_priority] else old_priority
            referrals[pathway] = (best, served | {code})

    # Children
    if child:
        guards.add("no_detention_child")
        if not certain:
            guards.add("presumption_of_minority")
        with_whom = travel.get("accompanied_by")
        if with_whom in ("parent", "legal_guardian"):
            guards.add("family_unity")
        else:
            lone = "separated_child" if with_whom == "relative" else "unaccompanied_child"
            need(lone, ("child_protection", "urgent"))
            guards |= {"best_interests_first", "guardian_required"}

    # Fear of return
    text = said.get("free_text")
    fear = (
        said.get("fear_of_return") is True
        or said.get("wants_asylum") is True
        or bool(said.get("fear_reasons"))
        or said.get("purpose") == "protection"
        or bool(text and hear_fear(text))
    )
    if fear:
        kind = (record.get("location") or {}).get("kind")
        priority = "urgent" if kind in ("border", "airport", "detention") else "high"
        need("international_protection", (str(pack.protection_pathway), priority))
        guards |= {"non_refoulement", "non_punishment"}
        warnings = warnings or said.get("wants_to_return") is True

    # Documents
    labour = set(signs.get("forced_labour") or [])
    documents = person.get("documents")
    if documents is not None:
        holders = [d.get("held_by") or "self" for d in documents]
        if set(holders) & {"employer", "recruiter", "smuggler"}:
            labour.add("retention_of_identity_documents")
        if "self" not in holders:
            need("documentation", ("legal_aid", "normal"))
    exploitation = set(signs.get("exploitation") or [])
    at_risk = labour or exploitation or signs.get("child_marriage") is True
    if child and (at_risk or signs.get("gbv_survivor") is True):
        need("child_at_risk", ("child_protection", "high"))

    # Trafficking
    means, purpose = labour & MEANS, (labour & PURPOSE) | exploitation
    act = travel.get("moved_or_recruited_by_another") is True or travel.get("facilitated_by") in (
        "smuggler",
        "recruiter",
        "employer",
    )
    count = len(labour | exploitation)
    if (not child and act and means and purpose) or (
        child and ((act and purpose) or "sexual" in exploitation)
    ):
        need(
            "trafficking_presumed",
            ("trafficking_identification", "urgent"),
            ("victim_assistance", "urgent"),
        )
        guards |= {"non_punishment", "reflection_period", "confidentiality"}
    elif count >= 2 or exploitation or (child and count >= 1):
        need("trafficking_possible", ("trafficking_identification", "high"))
        guards |= {"non_punishment", "reflection_period"}
    elif purpose:
        need("labour_exploitation", ("labour_inspection", "normal"), ("legal_aid", "normal"))

    # Statelessness
    nationalities = person.get("nationalities")
    no_nationality = nationalities is not None and (
        not nationalities or "stateless" in nationalities or "unknown" in nationalities
    )
    if no_nationality or (child and person.get("birth_registered") is False):
        need(
            "statelessness_risk",
            ("statelessness_determination", "normal"),
            ("legal_aid", "normal"),
        )

    # Health and heightened risk
    if signs.get("medical_urgent") is True:
        need("medical_urgent", ("medical_care", "emergency"))
    if any(signs.get(k) is True for k in ("serious_medical_condition", "pregnant", "disability")):
        need("medical_needs", ("medical_care", "high"))
    if signs.get("torture_survivor") is True:
        need("torture_survivor", ("medical_care", "high"), ("psychosocial_support", "high"))
        guards.add("non_refoulement")
    if signs.get("gbv_survivor") is True:
        need("gbv_survivor", ("gbv_services", "high"))
        guards.add("confidentiality")
    if signs.get("mental_health_distress") is True:
        need("psychosocial", ("psychosocial_support", "normal"))
    for flag in ("older_person_at_risk", "single_parent"):
        if signs.get(flag) is True:
            need(flag, ("legal_aid", "normal"))
    if travel.get("separated_from_family") is True:
        need("family_tracing", ("family_tracing", "urgent" if child else "normal"))

    # Smuggling
    if travel.get("facilitated_by") == "smuggler":
        guards.add("non_punishment")

    # Status routes
    strong = {
        "international_protection",
        "trafficking_presumed",
        "trafficking_possible",
        "unaccompanied_child",
        "separated_child",
    }
    blocking = {"non_refoulement", "reflection_period", "best_interests_first"}
    if needs & strong or guards & blocking:
        warnings = warnings or said.get("wants_to_return") is True
    else:
        stay = person.get("stay")
        irregular = stay in ("irregular", "expired") or (
            travel.get("entry") == "irregular" and stay != "regular"
        )
        years = person.get("years_in_country")
        if said.get("wants_to_return") is True:
            need("voluntary_return", ("assisted_voluntary_return", "normal"))
        elif irregular and years is not None and years >= pack.regularisation_min_years:
            need("regularisation", ("regularisation", "normal"))
        elif irregular:
            need("irregular_stay", ("legal_aid" if child else "return_procedure", "normal"))
        if said.get("purpose") == "work":
            need("labour_migrant_information", ("migrant_information", "normal"))

    out: list[Referral] = []
    for pathway, (priority, served) in referrals.items():
        kind = str(pack.pathways[pathway])  # type: ignore[index]
        hours = pack.deadlines[priority]  # type: ignore[index]
        consent = kind in ("unhcr", "iom", "ngo")
        out.append((RANK[priority], pathway, kind, hours, sorted(served), consent))
    return {
        "is_child": child,
        "needs": sorted(needs),
        "referrals": sorted(out),
        "safeguards": sorted(guards),
        "warnings": warnings,
    }


def observed(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "is_child": result["is_child"],
        "needs": [n["code"] for n in result["needs"]],
        "referrals": [
            (
                RANK[r["priority"]],
                r["pathway"],
                r["agency_kind"],
                r["deadline_hours"],
                r["needs"],
                r["consent_required"],
            )
            for r in result["referrals"]
        ],
        "safeguards": [s["code"] for s in result["safeguards"]],
        "warnings": bool(result["warnings"]),
    }


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_the_engine_agrees_with_an_independent_reading_of_section_4(
    data: dict[str, Any],
) -> None:
    pack = WITHOUT_ADDED_RULES.pack_for(data["country"], dt.date.fromisoformat(data["date"]))
    assert observed(screen(data, WITHOUT_ADDED_RULES)) == expected(data, pack)
