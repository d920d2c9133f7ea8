"""SQL expressions by which statistics group records in the database (SQLite and
PostgreSQL alike): the period a moment falls in, the UTC day of a moment, and the age band
of a person when registered, computed as `age_band` (queries) computes it in Python."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db.models import (
    BooleanField,
    CharField,
    Expression,
    F,
    Func,
    IntegerField,
    Q,
    Value,
)
from django.db.models import Case as When_
from django.db.models import When as Then
from django.db.models.functions import Cast, Concat, Mod, Substr
from django.db.models.lookups import Exact, GreaterThanOrEqual, In, LessThan, LessThanOrEqual

# --- moments ----------------------------------------------------------------------------


class UtcDay(Func):
    """`YYYY-MM-DD`: the UTC day of a datetime column, as `value.date()` reads it in
    Python (Django hands datetimes back in UTC). No function of Python's on SQLite, where
    a datetime is stored as UTC text."""

    output_field = CharField()
    arity = 1

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 10)")

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
        )


def period_index(field: str, starts: list[dt.datetime]) -> Expression:
    """The index of the period a moment of `field` falls in, given the periods' first
    instants in order (the moment is known to fall in one of them)."""
    if len(starts) == 1:
        return Value(0, output_field=IntegerField())
    whens = [
        Then(GreaterThanOrEqual(F(field), start), then=Value(index))
        for index, start in reversed(list(enumerate(starts)))
        if index
    ]
    return When_(*whens, default=Value(0), output_field=IntegerField())


# --- the age band of a person when registered -------------------------------------------

_MONTHS = [f"{m:02d}" for m in range(1, 13)]
_LONG_MONTHS = ["01", "03", "05", "07", "08", "10", "12"]
_SHORT_DAYS = [f"{d:02d}" for d in range(1, 29)]


class Shaped(Func):
    """True when the whole text of a column has the shape `pattern`, where `9` is an ASCII
    digit and any other character stands for itself (`9999-99-99`): GLOB on SQLite, a
    regular expression on PostgreSQL, one test per row either way."""

    output_field = BooleanField()
    conditional = True
    arity = 1

    def __init__(self, expression: Any, pattern: str) -> None:
        super().__init__(expression)
        self.pattern = pattern

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        glob = "".join("[0123456789]" if c == "9" else c for c in self.pattern)
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} GLOB %s)", [*params, glob]

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        regex = "".join("[0123456789]" if c == "9" else re.escape(c) for c in self.pattern)
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} ~ %s)", [*params, f"^{regex}$"]


def age_class(birth_field: str, moment_field: str) -> Expression:
    """`child`, `adult`, `unknown`, or `check|<text>|<day>` (left to Python) for a person
    born on the text of `birth_field` (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) on the UTC day of
    `moment_field`, by `may_be_child`'s rule: the latest day the date allows decides, and
    the person is a child on a day before the 18th anniversary of that day, i.e. when
    the day's text sorts before `(year + 18)-MM-DD` (a 29 February anniversary falls on 1
    March, as `age_on` has it).

    A date this expression cannot read safely (a year before 1000 or after 9899, or text
    that is no date) is `check|<text>|<day>`: grouped by its text and day, the caller asks
    Python (`age_band`) about each such group."""
    birth = F(birth_field)
    year = Substr(birth, 1, 4)
    month = Substr(birth, 6, 2)
    day = Substr(birth, 9, 2)
    year_number = Cast(year, IntegerField())
    on = UtcDay(F(moment_field))
    leap = Q(Exact(Mod(year_number, 4), 0)) & (
        ~Q(Exact(Mod(year_number, 100), 0)) | Q(Exact(Mod(year_number, 400), 0))
    )
    anniversary_year = Cast(year_number + 18, CharField())

    def child_before(suffix: Expression) -> Expression:
        threshold = Concat(anniversary_year, suffix, output_field=CharField())
        return When_(
            Then(LessThan(on, threshold), then=Value("child")),
            default=Value("adult"),
            output_field=CharField(),
        )

    last_day = When_(
        Then(In(month, _LONG_MONTHS), then=Value("31")),
        Then(~Q(Exact(month, "02")), then=Value("30")),
        Then(leap, then=Value("29")),
        default=Value("28"),
        output_field=CharField(),
    )
    day_valid = (
        Q(In(day, _SHORT_DAYS))
        | (Q(Exact(day, "29")) & (~Q(Exact(month, "02")) | leap))
        | (Q(Exact(day, "30")) & ~Q(Exact(month, "02")))
        | (Q(Exact(day, "31")) & Q(In(month, _LONG_MONTHS)))
    )
    # Casts only inside a branch whose text is known to be digits: PostgreSQL evaluates a
    # CASE's branches in order, but not the terms of one AND.
    check = Concat(Value("check|"), birth, Value("|"), on, output_field=CharField())
    year_ok = Q(GreaterThanOrEqual(year_number, 1000)) & Q(LessThanOrEqual(year_number, 9899))
    year_only = When_(
        Then(year_ok, then=child_before(Value("-12-31"))),
        default=check,
        output_field=CharField(),
    )
    year_month = When_(
        Then(
            year_ok,
            then=child_before(Concat(Value("-"), month, Value("-"), last_day)),
        ),
        default=check,
        output_field=CharField(),
    )
    full = When_(
        Then(year_ok & day_valid, then=child_before(Substr(birth, 5))),
        default=check,
        output_field=CharField(),
    )
    return When_(
        Then(Q(**{f"{birth_field}__isnull": True}) | Q(**{birth_field: ""}), then=Value("unknown")),
        Then(Shaped(birth, "9999"), then=year_only),
        Then(Q(Shaped(birth, "9999-99")) & Q(In(month, _MONTHS)), then=year_month),
        Then(Q(Shaped(birth, "9999-99-99")) & Q(In(month, _MONTHS)), then=full),
        # Read by Python: the group keeps what `age_band` needs, the text and the day.
        default=check,
        output_field=CharField(),
    )
