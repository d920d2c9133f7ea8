"""Birth dates as registered in the region: full, year-month, year only, or missing.

1 January is the placeholder many registries write when only the year is known ("born about
1990"), so a full date of 1 January counts as a year, not as a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, slots=True)
class BirthDate:
    """A birth date at the precision it was given; month and day 0 when unknown."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def is_placeholder(self) -> bool:
        """1 January stands for "year known, day unknown" in many registries."""
        return self.month == 1 and self.day == 1

    @property
    def is_full(self) -> bool:
        """A real day, month and year (not the 1 January placeholder)."""
        return self.day > 0 and not self.is_placeholder


def parse_birth_date(text: str) -> BirthDate | None:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or empty; raise ``ValueError`` otherwise."""
    text = text.strip()
    if not text:
        return None
    match = _DATE_RE.match(text)
    if not match:
        raise ValueError(f"birth_date {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(match.group(1))
    month = int(match.group(2) or 0)
    day = int(match.group(3) or 0)
    if not 1800 <= year <= 2200:
        raise ValueError(f"birth_date {text!r} has an implausible year")
    if match.group(2) and not 1 <= month <= 12:
        raise ValueError(f"birth_date {text!r} has no month {month}")
    if match.group(3) and not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        raise ValueError(f"birth_date {text!r} has no day {day} in month {month}")
    return BirthDate(year, month, day)


def compare_birth_dates(a: BirthDate | None, b: BirthDate | None) -> tuple[str, str]:
    """The agreement level of two birth dates and a human explanation.

    Levels, strongest first: ``exact``, ``swapped_day_month``, ``year_off_by_one_same_day``,
    ``same_year_month``, ``same_year_placeholder``, ``same_year``, ``year_off_by_one``,
    ``different_full_date`` (two real dates at most 5 years apart that differ in a way no
    usual slip explains), ``years_apart_2_5``, ``years_apart_6_plus``, ``missing``.
    """
    if a is None or b is None:
        return "missing", "birth date missing on one side"
    gap = abs(a.year - b.year)
    pair = f"({_fmt(a)} ~ {_fmt(b)})"
    if a.is_full and b.is_full:
        if gap == 0 and a.month == b.month and a.day == b.day:
            return "exact", f"same birth date {_fmt(a)}"
        if gap == 0 and a.month == b.day and a.day == b.month:
            return "swapped_day_month", f"day and month swapped {pair}"
        if gap == 0 and a.month == b.month:
            return "same_year_month", f"same year and month, day differs {pair}"
        if gap == 1 and a.month == b.month and a.day == b.day:
            return "year_off_by_one_same_day", f"same day, year off by one {pair}"
        if gap <= 5:
            # two real dates that differ beyond a usual slip: siblings, not a typo
            return "different_full_date", f"different birth dates {pair}"
        return "years_apart_6_plus", f"birth years {gap} apart {pair}"
    if gap == 0:
        if a.is_placeholder or b.is_placeholder:
            return "same_year_placeholder", f"same year {a.year}, placeholder 1 January"
        if a.month and b.month and a.month == b.month:
            return "same_year_month", f"same year and month {a.year}-{a.month:02d}"
        return "same_year", f"same year {a.year} (one date partial)"
    if gap == 1:
        return "year_off_by_one", f"birth years one apart ({a.year} ~ {b.year})"
    if gap <= 5:
        return "years_apart_2_5", f"birth years {gap} apart ({a.year} ~ {b.year})"
    return "years_apart_6_plus", f"birth years {gap} apart ({a.year} ~ {b.year})"


def dates_conflict(a: BirthDate | None, b: BirthDate | None) -> bool:
    """True when two real full dates cannot be one person's (used to stop cluster chaining)."""
    if a is None or b is None or not (a.is_full and b.is_full):
        return False
    level, _ = compare_birth_dates(a, b)
    return level not in (
        "exact",
        "swapped_day_month",
        "year_off_by_one_same_day",
        "same_year_month",
    )


def _fmt(d: BirthDate) -> str:
    if d.day:
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if d.month:
        return f"{d.year}-{d.month:02d}"
    return str(d.year)
