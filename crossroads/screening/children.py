"""Whether a registered person is, or must be presumed to be, a child (screening.md section
5, principle 3: a child is a child until assessed). Case workflows and consent ask it."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.utils import timezone

ADULT_AGE = 18


def _latest_possible_birth(birth_date: str) -> dt.date | None:
    """The latest day a partial birth date may mean: a child is a child until shown
    otherwise, so `2008` is read as 31 December 2008 (screening.md section 5, principle 3)."""
    try:
        parts = [int(p) for p in birth_date.split("-")]
    except ValueError:
        return None
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    return None


def appears_child(person: Any) -> bool:
    """Whether the person is, or must be presumed to be, a child: the latest screening
    found a child, or the birth date on record may make them under 18 today."""
    latest = person.screenings.order_by("-screened_at").values_list("result", flat=True).first()
    if isinstance(latest, dict) and latest.get("is_child"):
        return True
    born = _latest_possible_birth(person.birth_date or "")
    if born is None:
        return False
    year = born.year + ADULT_AGE
    try:
        birthday = dt.date(year, born.month, born.day)
    except ValueError:  # born on 29 February: the birthday falls on 1 March (screening.md §4)
        birthday = dt.date(year, 3, 1)
    return birthday > timezone.localdate()
