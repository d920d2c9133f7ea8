"""Which agency receives a pathway in a state: the pack maps the pathway to an agency kind,
and the state's active agencies of that kind receive it."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from crossroads.accounts.models import Agency
from crossroads.engines.screening import Pack, default_registry


def pack_in_force(country: str, on: dt.date | None = None) -> Pack:
    return default_registry().pack_for(country, on or timezone.localdate())


def agencies_for_pathway(country: str, pathway: str, on: dt.date | None = None) -> list[Agency]:
    """The agencies that may receive `pathway` in `country`: those of the pack's agency
    kind, those that name the pathway among the ones they receive first."""
    kind = pack_in_force(country, on).pathways.get(pathway)  # type: ignore[call-overload]
    if kind is None:
        return []
    agencies = list(
        Agency.objects.filter(
            country_id=country, kind=kind, active=True, represents_state=""
        ).order_by("name")
    )
    return sorted(agencies, key=lambda a: pathway not in a.receives_pathways)


def default_agency_for_pathway(country: str, pathway: str) -> Agency | None:
    agencies = agencies_for_pathway(country, pathway)
    return agencies[0] if agencies else None


def deadline_hours(country: str, priority: str, on: dt.date | None = None) -> int:
    return int(pack_in_force(country, on).deadlines[priority])  # type: ignore[index]
