"""Fixed periods: months, quarters and years, written `2026-11`, `2026-Q3` and `2026`.

Trends, gaps and publications count over whole fixed periods only, never over an
arbitrary run of days, so that two requests cannot differ by one day's people. Plain
Python, no Django."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

GRAINS = ("month", "quarter", "year")
MAX_PERIODS = 240

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class PeriodError(ValueError):
    """Not a period this module understands."""


@dataclass(frozen=True, order=True)
class FixedPeriod:
    grain: str
    start: dt.date

    @property
    def end(self) -> dt.date:
        """The last day of the period (inclusive)."""
        return self.next().start - dt.timedelta(days=1)

    @property
    def code(self) -> str:
        if self.grain == "year":
            return f"{self.start.year}"
        if self.grain == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start:%Y-%m}"

    def next(self) -> FixedPeriod:
        step = {"month": 1, "quarter": 3, "year": 12}[self.grain]
        months = self.start.year * 12 + self.start.month - 1 + step
        return FixedPeriod(self.grain, dt.date(months // 12, months % 12 + 1, 1))

    def is_closed(self, today: dt.date) -> bool:
        return self.end < today

    def __str__(self) -> str:
        return self.code


def containing(grain: str, day: dt.date) -> FixedPeriod:
    """The period of `grain` that contains `day`."""
    if grain == "year":
        return FixedPeriod(grain, dt.date(day.year, 1, 1))
    if grain == "quarter":
        return FixedPeriod(grain, dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
    if grain == "month":
        return FixedPeriod(grain, dt.date(day.year, day.month, 1))
    raise PeriodError(grain)


def parse_period(text: str) -> FixedPeriod:
    """`2026-11` (a month), `2026-Q3` (a quarter) or `2026` (a year)."""
    text = text.strip()
    try:
        if match := _MONTH.match(text):
            return FixedPeriod("month", dt.date(int(match[1]), int(match[2]), 1))
        if match := _QUARTER.match(text):
            return FixedPeriod("quarter", dt.date(int(match[1]), int(match[2]) * 3 - 2, 1))
        if match := _YEAR.match(text):
            return FixedPeriod("year", dt.date(int(match[1]), 1, 1))
    except ValueError:
        pass
    raise PeriodError(text)


def parse_day(text: str) -> dt.date:
    """A period or a day (YYYY-MM-DD); a period stands for its first day."""
    text = text.strip()
    if match := _DAY.match(text):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise PeriodError(text) from None
    return parse_period(text).start


def parse_day_end(text: str) -> dt.date:
    """A period or a day; a period stands for its last day."""
    text = text.strip()
    if _DAY.match(text):
        return parse_day(text)
    return parse_period(text).end


def series(grain: str, start: dt.date, end: dt.date) -> list[FixedPeriod]:
    """The whole periods of `grain` from the one containing `start` to the one containing
    `end`: a request always counts whole periods."""
    first, last = containing(grain, start), containing(grain, end)
    periods = []
    current = first
    while current <= last:
        periods.append(current)
        if len(periods) > MAX_PERIODS:
            raise PeriodError("too many periods")
        current = current.next()
    return periods
