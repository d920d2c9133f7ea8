"""What a referral carries to its receiver: written once, used by the API, the pages and
the person section alike, so that none of them shows more than another.

screening.md section 6: "a referral carries only what its pathway needs: violence,
exploitation and health details go only to pathways that deal with them", and a partner
(UNHCR, IOM, an NGO) receives such details only when the consent says so
(`Consent.shares_sensitive`). Basic identity always travels: without it the receiver
cannot find the person."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from crossroads.access.policy import is_state_body
from crossroads.engines.screening import Need, Pathway
from crossroads.screening.vocab import INDICATOR_LABELS

from .models import Referral


class Category(enum.StrEnum):
    """A kind of sensitive detail about a person."""

    HEALTH = "health"
    #: gender-based violence
    GBV = "gbv"
    TORTURE = "torture"
    EXPLOITATION = "exploitation"
    CHILD_AT_RISK = "child_at_risk"
    #: the person's own account, in their words (`statements.free_text`)
    STATEMENT = "statement"


#: Needs whose very name is a health, violence or exploitation detail. Every other need
#: is carried by the referral that it caused (the referral's own `needs`).
NEED_CATEGORY: Mapping[str, Category] = MappingProxyType(
    {
        Need.MEDICAL_URGENT: Category.HEALTH,
        Need.MEDICAL_NEEDS: Category.HEALTH,
        Need.PSYCHOSOCIAL: Category.HEALTH,
        Need.GBV_SURVIVOR: Category.GBV,
        Need.TORTURE_SURVIVOR: Category.TORTURE,
        Need.TRAFFICKING_PRESUMED: Category.EXPLOITATION,
        Need.TRAFFICKING_POSSIBLE: Category.EXPLOITATION,
        Need.LABOUR_EXPLOITATION: Category.EXPLOITATION,
        Need.CHILD_AT_RISK: Category.CHILD_AT_RISK,
    }
)

#: The screening's indicators (screening.md section 1) and the category of each. The
#: others (`older_person_at_risk`, `single_parent`) travel as needs, not as details.
INDICATOR_CATEGORY: Mapping[str, Category] = MappingProxyType(
    {
        "medical_urgent": Category.HEALTH,
        "serious_medical_condition": Category.HEALTH,
        "pregnant": Category.HEALTH,
        "disability": Category.HEALTH,
        "mental_health_distress": Category.HEALTH,
        "gbv_survivor": Category.GBV,
        "torture_survivor": Category.TORTURE,
        "forced_labour": Category.EXPLOITATION,
        "exploitation": Category.EXPLOITATION,
        "child_marriage": Category.CHILD_AT_RISK,
    }
)

#: Pathway -> the categories of sensitive detail it deals with. A pathway not named here
#: carries none: only its own needs that are not sensitive, and the person's identity.
PATHWAY_CARRIES: Mapping[str, frozenset[Category]] = MappingProxyType(
    {
        # The person's account is the substance of a protection claim.
        Pathway.ASYLUM_PROCEDURE: frozenset({Category.STATEMENT}),
        Pathway.UNHCR_MANDATE: frozenset({Category.STATEMENT}),
        # A child at risk is at risk because of exploitation, marriage or violence
        # (screening.md section 4, "Children"); the authority needs to know which.
        Pathway.CHILD_PROTECTION: frozenset(
            {
                Category.CHILD_AT_RISK,
                Category.EXPLOITATION,
                Category.GBV,
                Category.STATEMENT,
            }
        ),
        # Palermo Protocol art. 3: identification weighs act, means and purpose.
        Pathway.TRAFFICKING_IDENTIFICATION: frozenset({Category.EXPLOITATION, Category.STATEMENT}),
        Pathway.VICTIM_ASSISTANCE: frozenset({Category.EXPLOITATION, Category.STATEMENT}),
        Pathway.LABOUR_INSPECTION: frozenset({Category.EXPLOITATION}),
        # Torture survivors are referred to medical and psychosocial care (section 4).
        Pathway.MEDICAL_CARE: frozenset({Category.HEALTH, Category.TORTURE}),
        Pathway.PSYCHOSOCIAL_SUPPORT: frozenset({Category.HEALTH, Category.TORTURE}),
        Pathway.GBV_SERVICES: frozenset({Category.GBV, Category.STATEMENT}),
    }
)

#: The identity every receiver sees, whatever it is: names, birth date, sex,
#: nationalities, languages and the reference.
IDENTITY_FIELDS = (
    "given_name",
    "family_name",
    "patronymic",
    "birth_date",
    "birth_date_precision",
    "birth_date_estimated",
    "sex",
    "nationalities",
    "languages",
)


def pathway_carries(pathway: str) -> frozenset[Category]:
    """The categories of sensitive detail `pathway` deals with."""
    return PATHWAY_CARRIES.get(pathway, frozenset())


def carried_categories(referral: Referral) -> frozenset[Category]:
    """What this referral may carry: its pathway's categories, and for a partner (not a
    state body) only if the consent or lawful basis shares sensitive details."""
    categories = pathway_carries(referral.pathway)
    if not is_state_body(referral.to_agency) and not (
        referral.consent is not None and referral.consent.shares_sensitive
    ):
        return frozenset()
    return categories


def carried_needs(referral: Referral) -> list[str]:
    """The referral's needs that its receiver may see."""
    allowed = carried_categories(referral)
    return [
        need
        for need in referral.needs
        if need not in NEED_CATEGORY or NEED_CATEGORY[need] in allowed
    ]


def carried_indicators(referral: Referral, record: Mapping[str, Any]) -> dict[str, Any]:
    """The screening's indicators that its receiver may see; only those present."""
    allowed = carried_categories(referral)
    indicators = record.get("indicators") or {}
    return {
        key: value
        for key, value in indicators.items()
        if value and key in INDICATOR_CATEGORY and INDICATOR_CATEGORY[key] in allowed
    }


def person_identity(person: Any) -> dict[str, Any]:
    return {
        "id": str(person.pk),
        "reference": person.reference,
        **{name: getattr(person, name) for name in IDENTITY_FIELDS},
    }


def referral_view(referral: Referral, *, detail: bool = True) -> dict[str, Any]:
    """The referral as its receiver may see it. Fields it may not carry are omitted, never
    nulled. `detail` adds the screening's details (the list leaves them out)."""
    data: dict[str, Any] = {
        "id": str(referral.pk),
        "reference": referral.reference,
        "status": referral.status,
        "pathway": referral.pathway,
        "priority": referral.priority,
        "deadline_at": referral.deadline_at,
        "overdue": referral.is_overdue,
        "sent_at": referral.sent_at,
        "from_agency": {"id": str(referral.from_agency_id), "name": referral.from_agency.name},
        "to_agency": {"id": str(referral.to_agency_id), "name": referral.to_agency.name},
        "person": person_identity(referral.person),
        "needs": carried_needs(referral),
        "safeguards": list(referral.safeguards),
        "note": referral.note,
        "answered_at": referral.answered_at,
        "decline_reason": referral.decline_reason,
        "version": referral.version,
    }
    if referral.screening_id is not None:
        screening: dict[str, Any] = {"id": str(referral.screening_id)}
        if detail and referral.screening is not None:
            record = referral.screening.record
            screening["reference"] = referral.screening.reference
            screening["date"] = record.get("date")
            indicators = carried_indicators(referral, record)
            if indicators:
                screening["indicators"] = indicators
            free_text = (record.get("statements") or {}).get("free_text")
            if free_text and Category.STATEMENT in carried_categories(referral):
                screening["free_text"] = free_text
        data["screening"] = screening
    return data


def referral_display(referral: Referral, *, detail: bool = False) -> dict[str, Any]:
    """`referral_view` with the labels a page shows, in the user's language."""
    from crossroads.registry.vocab import Sex
    from crossroads.screening.vocab import NEED_LABELS, SAFEGUARD_LABELS

    data = referral_view(referral, detail=detail)
    person = data["person"]
    data["person"]["full_name"] = " ".join(
        p for p in (person["given_name"], person["patronymic"], person["family_name"]) if p
    )
    data["person"]["sex_label"] = dict(Sex.choices).get(person["sex"], person["sex"])
    # Agencies named in the reader's language (the API keeps `name`).
    data["from_agency"] = {**data["from_agency"], "display_name": referral.from_agency.display_name}
    data["to_agency"] = {**data["to_agency"], "display_name": referral.to_agency.display_name}
    data["pathway_label"] = referral.get_pathway_display()
    data["priority_label"] = referral.get_priority_display()
    data["status_label"] = referral.get_status_display()
    data["need_labels"] = [NEED_LABELS.get(n, n) for n in data["needs"]]
    screening = data.get("screening") or {}
    data["indicator_rows"] = [
        (INDICATOR_LABELS.get(key, key), value if isinstance(value, list) else [])
        for key, value in (screening.get("indicators") or {}).items()
    ]
    data["safeguard_labels"] = [SAFEGUARD_LABELS.get(s, s) for s in data["safeguards"]]
    return data
