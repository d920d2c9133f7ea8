"""Aggregate figures of one state, for analysts and supervisors: counts only, never an
individual, every count protected by the one small-cell rule (`suppression.protect`).

Each figure is counted over the user's own state (the state of their agency), over the
records registered, screened, sent or opened in the period asked for. Reading them leaves
one audit row naming the period, never a person."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crossroads.access.gate import require_role
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Forbidden
from crossroads.engines.screening import may_be_child

from .suppression import SMALL_CELL, Cell, protect, total_shown

AGE_BANDS = {
    "child": gettext_lazy("child"),
    "adult": gettext_lazy("adult"),
    "unknown": gettext_lazy("age unknown"),
}


@dataclass(frozen=True)
class Period:
    """Inclusive dates; None is open-ended."""

    start: dt.date | None = None
    end: dt.date | None = None

    def filter(self, queryset: QuerySet[Any], field_name: str) -> QuerySet[Any]:
        if self.start:
            queryset = queryset.filter(**{f"{field_name}__date__gte": self.start})
        if self.end:
            queryset = queryset.filter(**{f"{field_name}__date__lte": self.end})
        return queryset


@dataclass(frozen=True)
class LabelledCell:
    value: str
    label: str
    count: int | None

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass
class Section:
    total: int | None
    tables: dict[str, list[LabelledCell]] = field(default_factory=dict)
    # Tables nested under a cell of another table (the states of each case type).
    nested: dict[str, dict[str, list[LabelledCell]]] = field(default_factory=dict)


@dataclass
class StateStatistics:
    country: str
    period: Period
    registrations: Section
    screenings: Section
    referrals: Section
    cases: Section
    small_cell: int = SMALL_CELL


def _labelled(cells: list[Cell], labels: Any) -> list[LabelledCell]:
    return [LabelledCell(c.value, str(labels(c.value)), c.count) for c in cells]


def _label_from(mapping: Any) -> Any:
    return lambda value: mapping.get(value, value)


def age_band(birth_date: str, registered_on: dt.date) -> str:
    """`child` if the person may have been under 18 when registered: with a year or a
    month only, the latest birth date it allows decides, since a child is a child until
    assessed otherwise (the screening engine's rule, ``may_be_child``)."""
    child = may_be_child(birth_date, registered_on)
    if child is None:
        return "unknown"
    return "child" if child else "adult"


def _section(total: int, tables: dict[str, tuple[Counter[str], list[str], Any]]) -> Section:
    shown_total = total_shown(total)
    section = Section(total=shown_total)
    for name, (counts, order, labels) in tables.items():
        cells = protect(counts, order=order, total_hidden=shown_total is None)
        section.tables[name] = _labelled(cells, labels)
    return section


def _registrations(country: str, period: Period) -> Section:
    from crossroads.registry.models import Person
    from crossroads.registry.vocab import STATELESS, UNKNOWN_NATIONALITY, Sex

    people = period.filter(
        Person.objects.filter(country_id=country, merged_into__isnull=True), "registered_at"
    )
    by_sex: Counter[str] = Counter()
    by_age: Counter[str] = Counter()
    by_nationality: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    total = 0
    rows = people.values_list("sex", "birth_date", "registered_at", "nationalities")
    for sex, birth_date, registered_at, nationalities in rows.iterator():
        total += 1
        by_sex[sex] += 1
        by_age[age_band(birth_date, registered_at.date())] += 1
        by_month[f"{registered_at:%Y-%m}"] += 1
        # A person with two nationalities counts once under each.
        for code in set(nationalities or []) or {UNKNOWN_NATIONALITY}:
            by_nationality[code] += 1
    nationality_labels = {STATELESS: _("stateless"), UNKNOWN_NATIONALITY: _("unknown")}
    return _section(
        total,
        {
            "by_sex": (by_sex, list(Sex.values), _label_from(dict(Sex.choices))),
            "by_age_band": (by_age, list(AGE_BANDS), _label_from(AGE_BANDS)),
            "by_nationality": (by_nationality, [], _label_from(nationality_labels)),
            "by_month": (by_month, [], str),
        },
    )


def _screenings(country: str, period: Period) -> Section:
    from crossroads.screening.models import Screening
    from crossroads.screening.vocab import NEED_LABELS

    screenings = period.filter(Screening.objects.filter(country_id=country), "screened_at")
    by_need: Counter[str] = Counter()
    total = 0
    for needs in screenings.values_list("result__needs", flat=True).iterator():
        total += 1
        # A screening finds every need a person has: it counts once under each.
        for code in {n.get("code", "") for n in needs or [] if isinstance(n, dict)} - {""}:
            by_need[code] += 1
    return _section(total, {"by_need": (by_need, list(NEED_LABELS), _label_from(NEED_LABELS))})


def _grouped(queryset: QuerySet[Any], *fields: str) -> list[dict[str, Any]]:
    return list(queryset.values(*fields).annotate(n=Count("pk")).order_by(*fields))


def _referrals(country: str, period: Period) -> Section:
    from crossroads.referrals.models import Referral
    from crossroads.screening.vocab import PATHWAY_LABELS

    rows = _grouped(
        period.filter(Referral.objects.filter(person__country_id=country), "sent_at"),
        "pathway",
        "status",
    )
    by_pathway: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for row in rows:
        by_pathway[row["pathway"]] += row["n"]
        by_status[row["status"]] += row["n"]
    return _section(
        sum(by_status.values()),
        {
            "by_pathway": (by_pathway, list(PATHWAY_LABELS), _label_from(PATHWAY_LABELS)),
            "by_status": (
                by_status,
                list(Referral.Status.values),
                _label_from(dict(Referral.Status.choices)),
            ),
        },
    )


def _cases(country: str, period: Period) -> Section:
    from crossroads.cases.models import Case
    from crossroads.cases.workflows import CASE_TYPE_CHOICES, WORKFLOWS

    rows = _grouped(
        period.filter(Case.objects.filter(person__country_id=country), "opened_at"),
        "type",
        "state",
    )
    by_type: Counter[str] = Counter()
    by_state: dict[str, Counter[str]] = {}
    for row in rows:
        by_type[row["type"]] += row["n"]
        by_state.setdefault(row["type"], Counter())[row["state"]] += row["n"]
    types = dict(CASE_TYPE_CHOICES)
    section = _section(
        sum(by_type.values()), {"by_type": (by_type, list(types), _label_from(types))}
    )
    # The states of each type add up to that type's count: a type whose count is hidden
    # hides its states too.
    section.nested["by_state"] = {}
    for cell in section.tables["by_type"]:
        if cell.value not in by_state:
            continue
        workflow = WORKFLOWS.get(cell.value)
        cells = protect(by_state[cell.value], total_hidden=cell.suppressed)
        labels = workflow.state_label if workflow else str
        section.nested["by_state"][cell.value] = _labelled(cells, labels)
    return section


def state_statistics(user: Any, *, period: Period | None = None) -> StateStatistics:
    """The figures of the user's state over `period`. Analysts and supervisors only (403
    for anyone else, and for a user whose agency belongs to no state)."""
    require_role(user, "view_statistics")
    country = user.agency.country_id if user.agency_id else None
    if country is None:
        raise Forbidden(_("Statistics are those of your agency's state, and it has none."))
    period = period or Period()
    figures = StateStatistics(
        country=country,
        period=period,
        registrations=_registrations(country, period),
        screenings=_screenings(country, period),
        referrals=_referrals(country, period),
        cases=_cases(country, period),
    )
    record(
        user,
        AuditAction.LIST,
        object_type="statistics",
        detail={
            "country": country,
            "from": period.start.isoformat() if period.start else None,
            "to": period.end.isoformat() if period.end else None,
        },
    )
    return figures
