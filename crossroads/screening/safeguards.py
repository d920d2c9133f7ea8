"""The one safeguard check of the product. Referrals, exports, case transitions and the API
all ask `blocking_safeguards` (or `refuse_if_blocked`) before a step that a safeguard can
forbid; the table of what forbids what is the screening engine's (`blocking`)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from crossroads.core.exceptions import Conflict
from crossroads.engines.screening import GuardedAction, Safeguard, blocking

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
