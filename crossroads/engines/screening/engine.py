"""The screening rule engine: a record in, every need, referral and safeguard out.

The rules are those of ``screening.md`` section 4, written once here in code; what varies
by state (which agency receives a pathway, deadlines, whether a national asylum procedure
exists, extra rules) comes from the state's pack. Each rule records *why* it fired, as
field paths and values, so that an officer and an auditor can follow every item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .fear import hear_fear
from .packs import Facts, Pack, PackRegistry, default_registry
from .record import InvalidRecord, ScreeningRecord, birth_date_range, parse_record
from .vocab import (
    CONSENT_AGENCY_KINDS,
    MEANS_INDICATORS,
    PRIORITY_RANK,
    PURPOSE_INDICATORS,
    RETURN_BLOCKING_SAFEGUARDS,
    AccompaniedBy,
    AgeAssessmentResult,
    Entry,
    ExploitationKind,
    FacilitatedBy,
    ForcedLabourIndicator,
    HeldBy,
    LocationKind,
    Need,
    Pathway,
    Priority,
    Purpose,
    Safeguard,
    Stay,
)

RESULT_SCHEMA = "crossroads.screening-result/1"

_ADULT_AGE = 18  # CRC art. 1; Palermo Protocol art. 3(d)
_URGENT_LOCATIONS = frozenset({LocationKind.BORDER, LocationKind.AIRPORT, LocationKind.DETENTION})
_DOCUMENT_TAKERS = frozenset({HeldBy.EMPLOYER, HeldBy.RECRUITER, HeldBy.SMUGGLER})
_ACT_FACILITATORS = frozenset(
    {FacilitatedBy.SMUGGLER, FacilitatedBy.RECRUITER, FacilitatedBy.EMPLOYER}
)
_ACCOMPANYING = frozenset({AccompaniedBy.PARENT, AccompaniedBy.LEGAL_GUARDIAN})
_IRREGULAR_STAYS = frozenset({Stay.IRREGULAR, Stay.EXPIRED})
# Needs that close the status routes (spec section 4, "Status routes").
_STATUS_ROUTE_BLOCKERS = frozenset(
    {
        Need.INTERNATIONAL_PROTECTION,
        Need.TRAFFICKING_PRESUMED,
        Need.TRAFFICKING_POSSIBLE,
        Need.UNACCOMPANIED_CHILD,
        Need.SEPARATED_CHILD,
    }
)


def age_on(born: dt.date, on: dt.date) -> int:
    """Completed years on ``on``. A 29 February birthday falls on 1 March in common years,
    which the tuple comparison gives: (2, 28) < (2, 29), (3, 1) > (2, 29)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def may_be_child(birth_date: str, on: dt.date) -> bool | None:
    """Whether someone born ``birth_date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) may be
    under 18 on ``on``, by the rule of section 4 that ``assess_age`` applies: the latest
    day the date allows decides (a child is a child until assessed), a latest day after
    ``on`` counts as ``on``. None when the date says nothing (empty or unreadable). For the
    product's questions about a registered person (cases, consent, statistics)."""
    try:
        birth = birth_date_range(birth_date or None)
    except InvalidRecord:
        return None
    if birth is None:
        return None
    return age_on(min(birth.latest, on), on) < _ADULT_AGE


@dataclass(frozen=True, slots=True)
class Age:
    """What the record says about age (spec section 4, "Age")."""

    is_child: bool
    certain: bool
    reasons: tuple[str, ...]
    uncertain_because: tuple[str, ...]

    @property
    def fact(self) -> str:
        """The ``because`` entry that cites childhood by its most decisive sign, in the form
        of the spec's example (``is_child: age 16 from person.birth_date 2010-05``)."""
        return f"is_child: {self.reasons[0]}" if self.reasons else "is_child"


def assess_age(record: ScreeningRecord) -> Age:
    person = record.person
    on = record.date
    birth = person.birth_date
    youngest: int | None = None
    if birth is not None:
        # The latest birth date the record allows; a latest day after the screening counts
        # as the screening date.
        youngest = age_on(min(birth.latest, on), on)
    certain_birth = birth is not None and birth.is_full and person.birth_date_estimated is not True

    assessment = person.age_assessment
    signs: list[str] = []  # most decisive first: an assessment saying child always decides
    if assessment is not None and assessment.result is AgeAssessmentResult.CHILD:
        signs.append(f"person.age_assessment.result is child ({assessment.date.isoformat()})")
    if youngest is not None and youngest < _ADULT_AGE:
        signs.append(f"age {youngest} from person.birth_date {birth.text if birth else ''}")
    if person.age_claimed is not None and person.age_claimed < _ADULT_AGE:
        signs.append(f"person.age_claimed is {person.age_claimed}")
    if person.appears_child is True:
        signs.append("person.appears_child is true")

    if assessment is not None and assessment.result is AgeAssessmentResult.CHILD:
        is_child = True
    elif assessment is not None:
        # An assessment decides only where the age is uncertain.
        is_child = certain_birth and youngest is not None and youngest < _ADULT_AGE
        if is_child:
            signs = [s for s in signs if s.startswith("age ")]
    else:
        is_child = bool(signs)

    uncertain: list[str] = []
    if birth is None:
        uncertain.append("no person.birth_date")
    elif not birth.is_full:
        uncertain.append(f"person.birth_date {birth.text} is not a full date")
    elif person.birth_date_estimated is True:
        uncertain.append("person.birth_date_estimated is true")
    else:
        minor = youngest is not None and youngest < _ADULT_AGE
        if person.age_claimed is not None and (person.age_claimed < _ADULT_AGE) != minor:
            uncertain.append(
                f"person.age_claimed {person.age_claimed} disagrees with person.birth_date"
            )
        if person.appears_child is True and not minor:
            uncertain.append("person.appears_child is true but person.birth_date says adult")
        if assessment is not None and (assessment.result is AgeAssessmentResult.CHILD) != minor:
            uncertain.append(
                f"person.age_assessment.result {assessment.result} disagrees with person.birth_date"
            )
    return Age(is_child, not uncertain, tuple(signs), tuple(uncertain))


@dataclass(slots=True)
class _Referral:
    priority: Priority
    needs: set[Need] = field(default_factory=set)
    because: list[str] = field(default_factory=list)


class _Result:
    """The result under construction: needs, referrals, safeguards with their reasons."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.needs: dict[Need, list[str]] = {}
        self.safeguards: dict[Safeguard, list[str]] = {}
        self.referrals: dict[Pathway, _Referral] = {}
        self.warnings: list[str] = []

    @staticmethod
    def _extend(target: list[str], because: list[str] | tuple[str, ...]) -> None:
        for reason in because:
            if reason not in target:
                target.append(reason)

    def need(self, code: Need, because: list[str], *routes: tuple[Pathway, Priority]) -> None:
        self._extend(self.needs.setdefault(code, []), because)
        for pathway, priority in routes:
            self.refer(pathway, priority, need=code)

    def refer(
        self, pathway: Pathway, priority: Priority, *, need: Need | None, because: str = ""
    ) -> None:
        referral = self.referrals.get(pathway)
        if referral is None:
            referral = self.referrals[pathway] = _Referral(priority)
        elif PRIORITY_RANK[priority] < PRIORITY_RANK[referral.priority]:
            referral.priority = priority
        if need is not None:
            referral.needs.add(need)
        if because and because not in referral.because:
            referral.because.append(because)

    def safeguard(self, code: Safeguard, because: list[str]) -> None:
        self._extend(self.safeguards.setdefault(code, []), because)

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def as_dict(self, is_child: bool) -> dict[str, Any]:
        referrals = []
        rank = PRIORITY_RANK
        for pathway, ref in sorted(
            self.referrals.items(), key=lambda item: (rank[item[1].priority], item[0])
        ):
            kind = self.pack.pathways[pathway]
            # str() of a StrEnum is its code, and cheaper than the .value descriptor.
            needs = sorted(map(str, ref.needs))
            referrals.append(
                {
                    "pathway": str(pathway),
                    "agency_kind": str(kind),
                    "priority": str(ref.priority),
                    "deadline_hours": self.pack.deadlines[ref.priority],
                    "needs": needs,
                    "consent_required": kind in CONSENT_AGENCY_KINDS,
                    "because": [f"need {n}" for n in needs] + ref.because,
                }
            )
        return {
            "schema": RESULT_SCHEMA,
            "pack": self.pack.as_result_header(),
            "is_child": is_child,
            "needs": [
                {"code": str(code), "because": list(because)}
                for code, because in sorted(self.needs.items())
            ],
            "referrals": referrals,
            "safeguards": [
                {"code": str(code), "because": list(because)}
                for code, because in sorted(self.safeguards.items())
            ],
            "warnings": list(self.warnings),
        }


def _need_reason(code: Need) -> list[str]:
    return [f"need {code}"]


def evaluate(record: ScreeningRecord, pack: Pack) -> dict[str, Any]:
    """Apply section 4 and the pack's added rules to a validated record."""
    return _evaluate(record, pack)[0]


def _evaluate(record: ScreeningRecord, pack: Pack) -> tuple[dict[str, Any], list[dict[str, str]]]:
    out = _Result(pack)
    person, travel = record.person, record.travel
    statements, indicators = record.statements, record.indicators

    # --- age and children -----------------------------------------------------------
    age = assess_age(record)
    child = age.is_child
    child_fact = age.fact
    if child:
        # UNHCR position on the detention of children (2017): never in their best interests.
        out.safeguard(Safeguard.NO_DETENTION_CHILD, ["is_child"])
        if not age.certain:
            # A child is a child until an age assessment says otherwise.
            presumption = [
                "is_child: " + "; ".join(age.reasons),
                "age not certain: " + "; ".join(age.uncertain_because),
            ]
            ignored = record.ignored_age_assessment
            if ignored is not None:
                # Not a warning: the contract fixes when warnings are present (section 2),
                # and an assessment dated after the screening is simply ignored (section 1).
                presumption.append(
                    f"person.age_assessment dated {ignored.date.isoformat()} is after the "
                    "screening date and was ignored"
                )
            out.safeguard(Safeguard.PRESUMPTION_OF_MINORITY, presumption)
        accompanied = travel.accompanied_by
        shown = f"travel.accompanied_by is {accompanied or 'absent'}"
        if accompanied in _ACCOMPANYING:
            out.safeguard(Safeguard.FAMILY_UNITY, [child_fact, shown])
        else:
            code = (
                Need.SEPARATED_CHILD
                if accompanied is AccompaniedBy.RELATIVE
                else Need.UNACCOMPANIED_CHILD
            )
            out.need(code, [child_fact, shown], (Pathway.CHILD_PROTECTION, Priority.URGENT))
            out.safeguard(Safeguard.BEST_INTERESTS_FIRST, _need_reason(code))
            out.safeguard(Safeguard.GUARDIAN_REQUIRED, _need_reason(code))

    # --- fear of return -------------------------------------------------------------
    fear: list[str] = []
    if statements.fear_of_return is True:
        fear.append("statements.fear_of_return is true")
    if statements.wants_asylum is True:
        fear.append("statements.wants_asylum is true")
    if statements.fear_reasons:
        fear.append("statements.fear_reasons has " + ", ".join(statements.fear_reasons))
    if statements.purpose is Purpose.PROTECTION:
        fear.append("statements.purpose is protection")
    if statements.free_text:
        # The person's own words, quoted with their language and category (fear.py).
        matches = hear_fear(statements.free_text)
        fear.extend(m.describe() for m in matches)
        if matches and statements.fear_of_return is False:
            # The words prevail over the tick box; said in the because, not as a warning
            # (the contract fixes when warnings are present, section 2).
            fear.append("statements.fear_of_return is false, but the free text prevails")
            if statements.fear_of_return_confirmed is True:
                # The officer was shown these words and kept "no": both are kept.
                fear.append("statements.fear_of_return_confirmed is true")
    if fear:
        priority = Priority.URGENT if record.location.kind in _URGENT_LOCATIONS else Priority.HIGH
        out.need(Need.INTERNATIONAL_PROTECTION, fear, (pack.protection_pathway, priority))
        # 1951 Convention art. 33 (non-refoulement) and art. 31 (no penalty for entry).
        out.safeguard(Safeguard.NON_REFOULEMENT, _need_reason(Need.INTERNATIONAL_PROTECTION))
        out.safeguard(Safeguard.NON_PUNISHMENT, _need_reason(Need.INTERNATIONAL_PROTECTION))
        if statements.wants_to_return is True:
            out.warn(
                "conflicting statements: fear_of_return and wants_to_return; "
                "the protection request prevails"
            )

    # --- documents (before every rule that reads indicators) ------------------------
    labour: dict[ForcedLabourIndicator, str] = {
        ind: f"indicators.forced_labour has {ind}" for ind in indicators.forced_labour
    }
    if person.documents is not None:
        held_by_self = False
        for i, doc in enumerate(person.documents):
            if doc.held_by is HeldBy.SELF:
                held_by_self = True
            elif doc.held_by in _DOCUMENT_TAKERS:
                reason = (
                    "indicators.forced_labour has retention_of_identity_documents "
                    f"(person.documents[{i}].held_by is {doc.held_by})"
                )
                labour.setdefault(ForcedLabourIndicator.RETENTION_OF_IDENTITY_DOCUMENTS, reason)
        if not held_by_self:
            reason = (
                "person.documents is empty"
                if not person.documents
                else "no document in person.documents is held_by self"
            )
            out.need(Need.DOCUMENTATION, [reason], (Pathway.LEGAL_AID, Priority.NORMAL))
    forced_labour = frozenset(labour)
    exploitation = indicators.exploitation
    exploitation_facts = [f"indicators.exploitation has {e}" for e in exploitation]

    # --- child at risk --------------------------------------------------------------
    if child:
        risk = [labour[i] for i in sorted(forced_labour)] + exploitation_facts
        if indicators.child_marriage is True:
            risk.append("indicators.child_marriage is true")
        if indicators.gbv_survivor is True:
            risk.append("indicators.gbv_survivor is true")
        if risk:
            out.need(
                Need.CHILD_AT_RISK, [child_fact, *risk], (Pathway.CHILD_PROTECTION, Priority.HIGH)
            )

    # --- trafficking: Palermo Protocol art. 3 act, means, purpose --------------------
    means = sorted(forced_labour & MEANS_INDICATORS)
    purpose_ind = sorted(forced_labour & PURPOSE_INDICATORS)
    has_purpose = bool(purpose_ind or exploitation)
    act: list[str] = []
    if travel.moved_or_recruited_by_another is True:
        act.append("travel.moved_or_recruited_by_another is true")
    if travel.facilitated_by in _ACT_FACILITATORS:
        act.append(f"travel.facilitated_by is {travel.facilitated_by}")
    indicator_count = len(forced_labour) + len(exploitation)
    evidence = act + [labour[i] for i in sorted(forced_labour)] + exploitation_facts
    trafficking: Need | None = None
    if child and ((act and has_purpose) or ExploitationKind.SEXUAL in exploitation):
        # For a child the means are irrelevant (art. 3(c)).
        trafficking = Need.TRAFFICKING_PRESUMED
        evidence = [child_fact, *evidence]
    elif not child and act and means and has_purpose:
        trafficking = Need.TRAFFICKING_PRESUMED
    elif indicator_count >= 2 or exploitation or (child and indicator_count >= 1):
        trafficking = Need.TRAFFICKING_POSSIBLE
        if child:
            evidence = [child_fact, *evidence]
    elif purpose_ind:
        out.need(
            Need.LABOUR_EXPLOITATION,
            [labour[i] for i in purpose_ind],
            (Pathway.LABOUR_INSPECTION, Priority.NORMAL),
            (Pathway.LEGAL_AID, Priority.NORMAL),
        )
    if trafficking is Need.TRAFFICKING_PRESUMED:
        out.need(
            trafficking,
            evidence,
            (Pathway.TRAFFICKING_IDENTIFICATION, Priority.URGENT),
            (Pathway.VICTIM_ASSISTANCE, Priority.URGENT),
        )
        for guard in (
            Safeguard.NON_PUNISHMENT,
            Safeguard.REFLECTION_PERIOD,
            Safeguard.CONFIDENTIALITY,
        ):
            out.safeguard(guard, _need_reason(trafficking))
    elif trafficking is Need.TRAFFICKING_POSSIBLE:
        out.need(trafficking, evidence, (Pathway.TRAFFICKING_IDENTIFICATION, Priority.HIGH))
        for guard in (Safeguard.NON_PUNISHMENT, Safeguard.REFLECTION_PERIOD):
            out.safeguard(guard, _need_reason(trafficking))
    if trafficking is not None:
        # The product needs the length; OHCHR Principles (2002), guideline 6.1.
        out.safeguard(
            Safeguard.REFLECTION_PERIOD,
            [f"reflection_period_days is {pack.reflection_period_days} ({pack.version})"],
        )

    # --- statelessness --------------------------------------------------------------
    stateless: list[str] = []
    if person.nationalities is not None:
        if not person.nationalities:
            stateless.append("person.nationalities is empty")
        for word in ("stateless", "unknown"):
            if word in person.nationalities:
                stateless.append(f"person.nationalities has {word}")
    if child and person.birth_registered is False:
        stateless.extend([child_fact, "person.birth_registered is false"])
    if stateless:
        out.need(
            Need.STATELESSNESS_RISK,
            stateless,
            (Pathway.STATELESSNESS_DETERMINATION, Priority.NORMAL),
            (Pathway.LEGAL_AID, Priority.NORMAL),
        )

    # --- health and heightened risk -------------------------------------------------
    if indicators.medical_urgent is True:
        out.need(
            Need.MEDICAL_URGENT,
            ["indicators.medical_urgent is true"],
            (Pathway.MEDICAL_CARE, Priority.EMERGENCY),
        )
    medical = [
        f"indicators.{name} is true"
        for name in ("serious_medical_condition", "pregnant", "disability")
        if getattr(indicators, name) is True
    ]
    if medical:
        out.need(Need.MEDICAL_NEEDS, medical, (Pathway.MEDICAL_CARE, Priority.HIGH))
    if indicators.torture_survivor is True:
        out.need(
            Need.TORTURE_SURVIVOR,
            ["indicators.torture_survivor is true"],
            (Pathway.MEDICAL_CARE, Priority.HIGH),
            (Pathway.PSYCHOSOCIAL_SUPPORT, Priority.HIGH),
        )
        # Convention against Torture art. 3: absolute; assessed before any removal.
        out.safeguard(
            Safeguard.NON_REFOULEMENT,
            ["need torture_survivor (Convention against Torture art. 3)"],
        )
    if indicators.gbv_survivor is True:
        out.need(
            Need.GBV_SURVIVOR,
            ["indicators.gbv_survivor is true"],
            (Pathway.GBV_SERVICES, Priority.HIGH),
        )
        out.safeguard(Safeguard.CONFIDENTIALITY, _need_reason(Need.GBV_SURVIVOR))
    if indicators.mental_health_distress is True:
        out.need(
            Need.PSYCHOSOCIAL,
            ["indicators.mental_health_distress is true"],
            (Pathway.PSYCHOSOCIAL_SUPPORT, Priority.NORMAL),
        )
    if indicators.older_person_at_risk is True:
        out.need(
            Need.OLDER_PERSON_AT_RISK,
            ["indicators.older_person_at_risk is true"],
            (Pathway.LEGAL_AID, Priority.NORMAL),
        )
    if indicators.single_parent is True:
        out.need(
            Need.SINGLE_PARENT,
            ["indicators.single_parent is true"],
            (Pathway.LEGAL_AID, Priority.NORMAL),
        )
    if travel.separated_from_family is True:
        reasons = ["travel.separated_from_family is true"]
        if child:
            reasons.append(child_fact)
        out.need(
            Need.FAMILY_TRACING,
            reasons,
            (Pathway.FAMILY_TRACING, Priority.URGENT if child else Priority.NORMAL),
        )

    # --- smuggling: Smuggling of Migrants Protocol art. 5 ---------------------------
    if travel.facilitated_by is FacilitatedBy.SMUGGLER:
        out.safeguard(
            Safeguard.NON_PUNISHMENT,
            ["travel.facilitated_by is smuggler (Smuggling Protocol art. 5)"],
        )

    # --- the pack's added rules (they only add; raises come last) -------------------
    def facts_so_far() -> Facts:
        return Facts(
            record=record,
            is_child=child,
            forced_labour=forced_labour,
            needs=frozenset(out.needs),
            safeguards=frozenset(out.safeguards),
        )

    applied = []
    if pack.added_rules:
        facts = facts_so_far()
        applied = [rule for rule in pack.added_rules if rule.applies(facts)]
        for rule in applied:
            for added in rule.needs:
                out.need(added.code, [rule.because])
                out.refer(added.pathway, added.priority, need=added.code)
            for ref in rule.referrals:
                out.refer(ref.pathway, ref.priority, need=None, because=rule.because)
            for guard in rule.safeguards:
                out.safeguard(guard, [rule.because])
            for text in rule.warnings:
                out.warn(text)

    # --- status routes --------------------------------------------------------------
    blocking_needs = _STATUS_ROUTE_BLOCKERS & out.needs.keys()
    blocking_guards = RETURN_BLOCKING_SAFEGUARDS & out.safeguards.keys()
    if blocking_needs or blocking_guards:
        if statements.wants_to_return is True:
            out.warn(
                "statements.wants_to_return is true while "
                + ", ".join(sorted(blocking_guards | blocking_needs))
                + " stands: voluntariness and safety must be assessed first"
            )
    else:
        irregular: list[str] = []
        if person.stay in _IRREGULAR_STAYS:
            irregular.append(f"person.stay is {person.stay}")
        # A present permission to stay cures an irregular entry.
        if travel.entry is Entry.IRREGULAR and person.stay is not Stay.REGULAR:
            irregular.append("travel.entry is irregular and person.stay is not regular")
        years = person.years_in_country
        if statements.wants_to_return is True:
            out.need(
                Need.VOLUNTARY_RETURN,
                ["statements.wants_to_return is true"],
                (Pathway.ASSISTED_VOLUNTARY_RETURN, Priority.NORMAL),
            )
        elif irregular and years is not None and years >= pack.regularisation_min_years:
            out.need(
                Need.REGULARISATION,
                [
                    f"person.years_in_country is {years} (the pack's minimum is "
                    f"{pack.regularisation_min_years})",
                    *irregular,
                ],
                (Pathway.REGULARISATION, Priority.NORMAL),
            )
        elif irregular:
            # No child is sent to a return procedure (principle 3).
            route = Pathway.LEGAL_AID if child else Pathway.RETURN_PROCEDURE
            reasons = [*irregular, child_fact] if child else irregular
            out.need(Need.IRREGULAR_STAY, reasons, (route, Priority.NORMAL))
        if statements.purpose is Purpose.WORK:
            out.need(
                Need.LABOUR_MIGRANT_INFORMATION,
                ["statements.purpose is work"],
                (Pathway.MIGRANT_INFORMATION, Priority.NORMAL),
            )

    for rule in applied:
        for ref in rule.raises:
            if ref.pathway in out.referrals:
                out.refer(ref.pathway, ref.priority, need=None, because=rule.because)

    guidance: list[dict[str, str]] = []
    if pack.officer_guidance:
        final = facts_so_far()
        guidance = [g.as_dict() for g in pack.officer_guidance if g.applies(final)]
    return out.as_dict(child), guidance


def screen(record: Mapping[str, Any], packs: PackRegistry | None = None) -> dict[str, Any]:
    """Screen one record (decoded JSON) and return the result of spec section 2.

    Raises :class:`~crossroads.engines.screening.record.InvalidRecord` for a record that
    breaks section 1, including one whose country has no pack in force on its date.
    """
    return screen_with_guidance(record, packs)[0]


def screen_with_guidance(
    record: Mapping[str, Any], packs: PackRegistry | None = None
) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The result of :func:`screen`, and the pack's guidance for the officer that applies
    (``{"id", "text", "source"}``): what national law says to do here, which the result
    itself never carries."""
    registry = packs if packs is not None else default_registry()
    parsed = parse_record(record, registry.has_pack)
    return _evaluate(parsed, registry.pack_for(parsed.country, parsed.date))
