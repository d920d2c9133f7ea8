"""Aggregate numbers only, for analysts and supervisors: never an individual."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from crossroads.access.gate import require_role

# Counts under this are shown as "<5": a small cell can identify a person.
SMALL_CELL = 5


def registrations_by_sex(user: Any) -> list[dict[str, Any]]:
    require_role(user, "view_statistics")
    from crossroads.registry.models import Person

    if user.agency_id is None or user.agency.country_id is None:
        return []
    rows = (
        Person.objects.filter(country_id=user.agency.country_id)
        .values("sex")
        .annotate(n=Count("id"))
        .order_by("sex")
    )
    return [
        {"sex": row["sex"], "count": row["n"] if row["n"] >= SMALL_CELL else None} for row in rows
    ]
