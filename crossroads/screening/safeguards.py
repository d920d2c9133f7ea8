"""The one safeguard check of the product. Referrals, exports, case transitions and the API
all ask `blocking_safeguards` (or `refuse_if_blocked`) before a step that a safeguard can
forbid; the table of what forbids what is the screening engine's (`blocking`)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from crossroads.core.exceptions import Conflict
from crossroads.engines.screening import GuardedAction, Need, Safeguard, blocking

from .models import PersonSafeguard
from .vocab import SAFEGUARD_LABELS


def active_safeguards(person: Any) -> list[PersonSafeguard]:
    return list(PersonSafeguard.objects.filter(person=person).active().order_by("code"))


def active_safeguard_codes(person: Any) -> list[str]:
    return sorted(
        set(PersonSafeguard.objects.filter(person=person).active().values_list("code", flat=True))
    )


def blocking_safeguards(person: Any, action: GuardedAction | str) -> list[str]:
    """The active safeguards of `person` that forbid `action`; empty when it may go on."""
    return blocking(GuardedAction(action), active_safeguard_codes(person))


def refuse_if_blocked(person: Any, action: GuardedAction | str) -> None:
    """Raises `Conflict` (409) naming every safeguard that forbids the step."""
    blockers = blocking_safeguards(person, action)
    if blockers:
        names = "; ".join(
            f"{code} ({SAFEGUARD_LABELS.get(Safeguard(code), code)})" for code in blockers
        )
        raise Conflict(_("Refused while a safeguard stands: %(names)s.") % {"names": names})


def origin_states(person: Any) -> set[str]:
    """The states the person must be protected from while non-refoulement stands: their
    nationalities and the country of origin of any screening, but never the state they
    are in (screening.md section 5, principle 2)."""
    states = {code for code in person.nationalities if len(code) == 2}
    for record in person.screenings.values_list("record", flat=True):
        origin = (record.get("person") or {}).get("country_of_origin")
        nationalities = (record.get("person") or {}).get("nationalities") or []
        if origin:
            states.add(origin)
        states.update(n for n in nationalities if isinstance(n, str) and len(n) == 2)
    states.discard(person.country_id)
    return states


# Needs that mean a person may need protection from the authorities of their own state:
# until a screening has found none of them, nothing goes to those authorities.
PROTECTION_NEEDS = frozenset(
    {
        Need.INTERNATIONAL_PROTECTION,
        Need.UNACCOMPANIED_CHILD,
        Need.SEPARATED_CHILD,
        Need.CHILD_AT_RISK,
        Need.TRAFFICKING_PRESUMED,
        Need.TRAFFICKING_POSSIBLE,
        Need.STATELESSNESS_RISK,
        Need.GBV_SURVIVOR,
        Need.TORTURE_SURVIVOR,
    }
)


def origin_authority_refusal(person: Any, agency: Any) -> str | None:
    """Why `agency` may not receive anything about `person`, or None when it may.

    An authority of a state of the person's nationality or origin (its embassy or
    consulate here) receives nothing, by any route, unless a screening exists that found
    no protection need and no safeguard forbids it: the rule fails closed, as a child is a
    child until assessed (1951 Convention art. 33; screening.md section 5). Where the
    person's nationality and origin are not known, any foreign state's mission may be
    theirs, so the same holds."""
    represented = getattr(agency, "represents_state", "")
    if not represented:
        return None
    states = origin_states(person)
    if states and represented not in states:
        return None  # the mission of a state the person does not come from
    blockers = blocking_safeguards(person, GuardedAction.SHARE_WITH_ORIGIN_STATE)
    if blockers:
        names = "; ".join(
            f"{code} ({SAFEGUARD_LABELS.get(Safeguard(code), code)})" for code in blockers
        )
        return _("Refused while a safeguard stands: %(names)s.") % {"names": names}
    results = list(person.screenings.values_list("result", flat=True))
    if not results:
        return _(
            "Nothing goes to the authorities of a state the person may fear until a "
            "screening has found no protection need."
        )
    found = {
        need.get("code")
        for result in results
        for need in (result or {}).get("needs", [])
        if isinstance(need, dict)
    }
    if found & PROTECTION_NEEDS:
        return _(
            "A screening found a protection need: nothing goes to the authorities of a "
            "state the person may fear."
        )
    return None


def refuse_if_origin_authority(person: Any, agency: Any) -> None:
    """Raises `Conflict` (409) with the reason when `origin_authority_refusal` refuses."""
    reason = origin_authority_refusal(person, agency)
    if reason:
        raise Conflict(reason)
