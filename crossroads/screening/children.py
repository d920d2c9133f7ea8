"""Whether a registered person is, or must be presumed to be, a child (screening.md section
5, principle 3: a child is a child until assessed). Case workflows and consent ask it; the
age rule itself is the screening engine's (``may_be_child``)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from crossroads.engines.screening import may_be_child


def appears_child(person: Any) -> bool:
    """Whether the person is, or must be presumed to be, a child: the latest screening
    found a child, or the birth date on record may make them under 18 today."""
    latest = person.screenings.order_by("-screened_at").values_list("result", flat=True).first()
    if isinstance(latest, dict) and latest.get("is_child"):
        return True
    return may_be_child(person.birth_date or "", timezone.localdate()) is True
