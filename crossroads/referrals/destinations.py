"""Which destinations a referral of this person would be refused, and why, asked before
the officer chooses: the send page offers them greyed with the reason instead of letting
the officer pick one only to be refused. The checks are those of `send_referral`, through
the one safeguard check (crossroads.screening.safeguards)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from crossroads.engines.screening import GuardedAction, Safeguard
from crossroads.screening.safeguards import blocking_safeguards, origin_authority_refusal
from crossroads.screening.vocab import SAFEGUARD_LABELS


def _reason(codes: list[str]) -> str:
    names = "; ".join(str(SAFEGUARD_LABELS.get(Safeguard(code), code)) for code in codes)
    return _("Refused while a safeguard stands: %(names)s.") % {"names": names}


def refused_agencies(person: Any, agencies: Iterable[Any]) -> dict[str, str]:
    """{agency id: why} for each agency a referral of `person` may not go to now (the
    authorities of a state the person may fear: `origin_authority_refusal`)."""
    missions = [a for a in agencies if a.represents_state]
    if not missions:
        return {}
    out: dict[str, str] = {}
    blockers = blocking_safeguards(person, GuardedAction.SHARE_WITH_ORIGIN_STATE)
    for agency in missions:
        reason = origin_authority_refusal(person, agency)
        if reason:
            # The safeguards by name, not by code, where one is the reason.
            out[str(agency.pk)] = _reason(blockers) if blockers else reason
    return out


def refused_pathways(person: Any) -> dict[str, str]:
    """{pathway: why} for the pathways a referral of `person` may not take now."""
    from crossroads.engines.screening.vocab import RETURN_PATHWAYS

    blockers = blocking_safeguards(person, GuardedAction.OPEN_RETURN_CASE)
    if not blockers:
        return {}
    return {str(p): _reason(blockers) for p in RETURN_PATHWAYS}


def needs_of_latest_screening(person: Any) -> list[str]:
    """The needs the person's latest screening found: ticked in advance when referring."""
    from crossroads.screening.models import Screening

    latest = Screening.objects.filter(person=person).order_by("-screened_at").first()
    if latest is None:
        return []
    return [str(n["code"]) for n in latest.result.get("needs", [])]
