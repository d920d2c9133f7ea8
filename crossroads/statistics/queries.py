"""Aggregate figures of one state, for analysts and supervisors: counts only, never an
individual, every count protected by the cell-key method (`cellkey`).

Each figure is counted over the user's own state (the state of their agency), over the
records registered, screened, sent or opened in the period asked for. Reading them leaves
one audit row naming the period, never a person."""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics as pystats
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crossroads.access.gate import require_role
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Forbidden
from crossroads.engines.screening import may_be_child

from .cellkey import MAX_NOISE, SMALL_CELL, Table, Tally, record_key, share
from .labels import country_label
from .periods import FixedPeriod, series

AGE_BANDS = {
    "child": gettext_lazy("child"),
    "adult": gettext_lazy("adult"),
    "age unknown": gettext_lazy("age unknown"),
}
AGE_BAND_CODES = {"child": "child", "adult": "adult", "unknown": "age unknown"}
#: a median or a share is shown only for a group of at least this many records
MIN_GROUP = 10
#: transitions that are a first decision, for "time from opening to decision"
DECISIONS = ("decide", "determine_best_interests", "issue_return_decision")


def statistics_secret() -> bytes:
    """The instance's statistics secret, from which every record's permanent key is drawn:
    `CROSSROADS_STATISTICS_KEY` if set, else derived from the secret key. Changing it
    changes every published figure a little: keep it as long as the figures are kept."""
    secret = getattr(settings, "CROSSROADS_STATISTICS_KEY", "") or settings.SECRET_KEY
    return hashlib.sha256(b"crossroads statistics cell key\0" + secret.encode()).digest()


class Keys:
    """Record keys of one request (one secret)."""

    def __init__(self) -> None:
        self.secret = statistics_secret()

    def __call__(self, kind: str, record_id: Any) -> int:
        return record_key(self.secret, kind, record_id)


# --- the one-period figures of the home page and `GET statistics/` ---------------------


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
    count: int

    @property
    def suppressed(self) -> bool:
        # Kept for the API's shape: counts are perturbed now, never hidden.
        return False


@dataclass
class Section:
    total: int
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


def _label_from(mapping: Any) -> Callable[[str], str]:
    return lambda value: str(mapping.get(value, value))


def _section(total: Tally, tables: dict[str, tuple[Table, list[str], Any]]) -> Section:
    section = Section(total=total.protected)
    for name, (table, order, labels) in tables.items():
        section.tables[name] = [
            LabelledCell(value, labels(value), count) for value, count in table.protected(order)
        ]
    return section


def age_band(birth_date: str, registered_on: dt.date) -> str:
    """`child` if the person may have been under 18 when registered: with a year or a
    month only, the latest birth date it allows decides, since a child is a child until
    assessed otherwise (the screening engine's rule, ``may_be_child``)."""
    child = may_be_child(birth_date, registered_on)
    if child is None:
        return "unknown"
    return "child" if child else "adult"


def _people(country: str) -> QuerySet[Any]:
    from crossroads.registry.models import Person

    return Person.objects.filter(country_id=country, merged_into__isnull=True)


def _nationalities(values: Any) -> set[str]:
    from crossroads.registry.vocab import UNKNOWN_NATIONALITY

    # A person with two nationalities counts once under each.
    return set(values or []) or {UNKNOWN_NATIONALITY}


def _one_period_registrations(country: str, period: Period, keys: Keys) -> Section:
    from crossroads.registry.vocab import Sex

    tables = {name: Table() for name in ("by_sex", "by_age_band", "by_nationality", "by_month")}
    total = Tally()
    rows = period.filter(_people(country), "registered_at").values_list(
        "pk", "sex", "birth_date", "registered_at", "nationalities"
    )
    for pk, sex, birth_date, registered_at, nationalities in rows.iterator():
        key = keys("person", pk)
        total.add(key)
        tables["by_sex"].add([sex], key)
        tables["by_age_band"].add([age_band(birth_date, registered_at.date())], key)
        tables["by_month"].add([f"{registered_at:%Y-%m}"], key)
        tables["by_nationality"].add(_nationalities(nationalities), key)
    age_labels = {"child": AGE_BANDS["child"], "adult": AGE_BANDS["adult"]}
    age_labels["unknown"] = AGE_BANDS["age unknown"]
    return _section(
        total,
        {
            "by_sex": (tables["by_sex"], list(Sex.values), _label_from(dict(Sex.choices))),
            "by_age_band": (tables["by_age_band"], list(age_labels), _label_from(age_labels)),
            "by_nationality": (tables["by_nationality"], [], country_label),
            "by_month": (tables["by_month"], [], str),
        },
    )


def _needs_of(result: Any) -> set[str]:
    return {n.get("code", "") for n in (result or []) if isinstance(n, dict)} - {""}


def _one_period_screenings(country: str, period: Period, keys: Keys) -> Section:
    from crossroads.screening.models import Screening
    from crossroads.screening.vocab import NEED_LABELS

    by_need, total = Table(), Tally()
    rows = period.filter(Screening.objects.filter(country_id=country), "screened_at")
    for pk, needs in rows.values_list("pk", "result__needs").iterator():
        key = keys("screening", pk)
        total.add(key)
        # A screening finds every need a person has: it counts once under each.
        by_need.add(_needs_of(needs), key)
    return _section(total, {"by_need": (by_need, list(NEED_LABELS), _label_from(NEED_LABELS))})


def _one_period_referrals(country: str, period: Period, keys: Keys) -> Section:
    from crossroads.referrals.models import Referral
    from crossroads.screening.vocab import PATHWAY_LABELS

    by_pathway, by_status, total = Table(), Table(), Tally()
    rows = period.filter(Referral.objects.filter(person__country_id=country), "sent_at")
    for pk, pathway, status in rows.values_list("pk", "pathway", "status").iterator():
        key = keys("referral", pk)
        total.add(key)
        by_pathway.add([pathway], key)
        by_status.add([status], key)
    return _section(
        total,
        {
            "by_pathway": (by_pathway, list(PATHWAY_LABELS), _label_from(PATHWAY_LABELS)),
            "by_status": (
                by_status,
                list(Referral.Status.values),
                _label_from(dict(Referral.Status.choices)),
            ),
        },
    )


def _one_period_cases(country: str, period: Period, keys: Keys) -> Section:
    from crossroads.cases.models import Case
    from crossroads.cases.workflows import CASE_TYPE_CHOICES, WORKFLOWS

    by_type, total = Table(), Tally()
    by_state: dict[str, Table] = {}
    rows = period.filter(Case.objects.filter(person__country_id=country), "opened_at")
    for pk, case_type, state in rows.values_list("pk", "type", "state").iterator():
        key = keys("case", pk)
        total.add(key)
        by_type.add([case_type], key)
        by_state.setdefault(case_type, Table()).add([state], key)
    types = dict(CASE_TYPE_CHOICES)
    section = _section(total, {"by_type": (by_type, list(types), _label_from(types))})
    section.nested["by_state"] = {}
    for case_type, table in sorted(by_state.items()):
        workflow = WORKFLOWS.get(case_type)
        labels = workflow.state_label if workflow else str
        section.nested["by_state"][case_type] = [
            LabelledCell(value, str(labels(value)), count) for value, count in table.protected()
        ]
    return section


def _country_of(user: User) -> str:
    country = user.country_id
    if country is None:
        raise Forbidden(_("Statistics are those of your agency's state, and it has none."))
    return str(country)


def state_statistics(user: User, *, period: Period | None = None) -> StateStatistics:
    """The figures of the user's state over `period`. Analysts and supervisors only (403
    for anyone else, and for a user whose agency belongs to no state)."""
    require_role(user, "view_statistics")
    country = _country_of(user)
    period = period or Period()
    keys = Keys()
    figures = StateStatistics(
        country=country,
        period=period,
        registrations=_one_period_registrations(country, period, keys),
        screenings=_one_period_screenings(country, period, keys),
        referrals=_one_period_referrals(country, period, keys),
        cases=_one_period_cases(country, period, keys),
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


# --- grids: trends, gaps and publications -----------------------------------------------


@dataclass
class Row:
    value: str
    label: str
    values: list[int | float | None]


@dataclass
class Grid:
    """One table: rows (what is counted) by columns (periods, or measures)."""

    name: str
    title: str
    unit: str  # count | hours | days | percent | per_100
    columns: list[tuple[str, str]]
    rows: list[Row]
    total: Row | None = None
    chart: str = "line"  # line | bar


@dataclass
class Figures:
    country: str
    grain: str
    periods: list[FixedPeriod]
    location: str
    grids: list[Grid]
    method: dict[str, Any] = field(
        default_factory=lambda: {
            "name": "cell-key",
            "small_cell": SMALL_CELL,
            "max_noise": MAX_NOISE,
            "min_group_for_median_or_share": MIN_GROUP,
        }
    )

    @property
    def start(self) -> dt.date:
        return self.periods[0].start

    @property
    def end(self) -> dt.date:
        return self.periods[-1].end

    def grid(self, name: str) -> Grid:
        return next(g for g in self.grids if g.name == name)


class Series:
    """Tallies by (row value, period index), with a total per period."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.cells: dict[str, list[Tally]] = {}
        self.totals = [Tally() for _ in range(width)]

    def add(self, values: Iterable[str], index: int, key: int) -> None:
        for value in set(values):
            row = self.cells.get(value)
            if row is None:
                row = self.cells[value] = [Tally() for _ in range(self.width)]
            row[index].add(key)
        self.totals[index].add(key)

    def grid(
        self,
        name: str,
        title: str,
        columns: list[tuple[str, str]],
        labels: Callable[[str], str],
        order: Iterable[str] = (),
        chart: str = "line",
    ) -> Grid:
        values = list(dict.fromkeys([*order, *sorted(self.cells)]))
        rows = []
        for value in values:
            tallies = self.cells.get(value)
            counts: list[int | float | None] = (
                [t.protected for t in tallies] if tallies else [0] * self.width
            )
            rows.append(Row(value, labels(value), counts))
        total = Row("total", _("All"), [t.protected for t in self.totals])
        return Grid(name, title, "count", columns, rows, total, chart)


class Measures:
    """Values by (row value, period index) for medians and shares of small groups."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.values: dict[str, list[list[float]]] = {}

    def add(self, value: str, index: int, measure: float) -> None:
        row = self.values.get(value)
        if row is None:
            row = self.values[value] = [[] for _ in range(self.width)]
        row[index].append(measure)

    def median_grid(
        self,
        name: str,
        title: str,
        unit: str,
        columns: list[tuple[str, str]],
        labels: Callable[[str], str],
    ) -> Grid:
        rows = []
        for value in sorted(self.values):
            medians: list[int | float | None] = [
                round(pystats.median(group)) if len(group) >= MIN_GROUP else None
                for group in self.values[value]
            ]
            rows.append(Row(value, labels(value), medians))
        return Grid(name, title, unit, columns, rows, None, "bar")


def _share_grid(
    name: str, title: str, part: Series, whole: Series, labels: Callable[[str], str], columns: Any
) -> Grid:
    rows = []
    for value in sorted(whole.cells):
        shares: list[int | float | None] = []
        for index, tally in enumerate(whole.cells[value]):
            numerator = part.cells.get(value)
            shares.append(share(numerator[index].protected if numerator else 0, tally.protected))
        rows.append(Row(value, labels(value), shares))
    return Grid(name, title, "percent", columns, rows, None, "bar")


def location_q(location: str, prefix: str = "") -> Q:
    """A screening made at `location`: the place it names, or the kind of place."""
    return Q(**{f"{prefix}record__location__name": location}) | Q(
        **{f"{prefix}record__location__kind": location}
    )


def locations_of(country: str) -> list[str]:
    """The places screenings of the state name, and the kinds of place: what the location
    filter offers."""
    from crossroads.screening.models import Screening

    found: set[str] = set()
    rows = (
        Screening.objects.filter(country_id=country)
        .values_list("record__location__kind", "record__location__name")
        .distinct()
    )
    for kind, name in rows:
        found.update(v for v in (kind, name) if isinstance(v, str) and v)
    return sorted(found)


def location_label(value: str) -> str:
    kinds = {
        "border": _("border crossing"),
        "airport": _("airport"),
        "inland": _("inland"),
        "detention": _("detention centre"),
        "reception": _("reception centre"),
    }
    return str(kinds.get(value, value))


def period_label(period: FixedPeriod) -> str:
    """A period as people read it, in the active language ("November 2026", "Q3 2026")."""
    if period.grain == "month":
        return str(date_format(period.start, "YEAR_MONTH_FORMAT"))
    if period.grain == "quarter":
        quarter = (period.start.month - 1) // 3 + 1
        return _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": period.start.year}
    return str(period.start.year)


class _Counting:
    """One pass over each of the four registers of a state, into series by period."""

    def __init__(self, country: str, periods: list[FixedPeriod], location: str) -> None:
        self.country = country
        self.periods = periods
        self.location = location
        self.keys = Keys()
        self.columns = [(p.code, period_label(p)) for p in periods]
        self.zone = timezone.get_current_timezone()
        self.start = dt.datetime.combine(periods[0].start, dt.time.min, tzinfo=self.zone)
        self.end = dt.datetime.combine(periods[-1].next().start, dt.time.min, tzinfo=self.zone)
        self.starts = [p.start for p in periods]

    def index(self, moment: dt.datetime) -> int:
        day = timezone.localtime(moment, self.zone).date()
        # periods are few (at most a few hundred): a bisect is not worth its import
        found = 0
        for i, start in enumerate(self.starts):
            if start <= day:
                found = i
        return found

    def in_range(self, queryset: QuerySet[Any], field_name: str) -> QuerySet[Any]:
        return queryset.filter(**{f"{field_name}__gte": self.start, f"{field_name}__lt": self.end})

    def registrations(self) -> list[Grid]:
        from crossroads.registry.vocab import Sex
        from crossroads.screening.models import Screening

        width = len(self.periods)
        nationality, sex, age = Series(width), Series(width), Series(width)
        people = self.in_range(_people(self.country), "registered_at")
        if self.location:
            people = people.filter(
                Exists(
                    Screening.objects.filter(person=OuterRef("pk")).filter(
                        location_q(self.location)
                    )
                )
            )
        rows = people.values_list("pk", "sex", "birth_date", "registered_at", "nationalities")
        for pk, person_sex, birth_date, registered_at, nationalities in rows.iterator():
            key = self.keys("person", pk)
            index = self.index(registered_at)
            nationality.add(_nationalities(nationalities), index, key)
            sex.add([person_sex], index, key)
            age.add([AGE_BAND_CODES[age_band(birth_date, registered_at.date())]], index, key)
        return [
            nationality.grid(
                "registrations_by_nationality",
                _("People registered, by nationality"),
                self.columns,
                country_label,
            ),
            sex.grid(
                "registrations_by_sex",
                _("People registered, by sex"),
                self.columns,
                _label_from(dict(Sex.choices)),
                Sex.values,
            ),
            age.grid(
                "registrations_by_age_band",
                _("People registered, by age when registered"),
                self.columns,
                _label_from(AGE_BANDS),
                list(AGE_BANDS),
            ),
        ]

    def screenings(self) -> list[Grid]:
        from crossroads.screening.models import Screening
        from crossroads.screening.vocab import NEED_LABELS

        needs = Series(len(self.periods))
        screenings = self.in_range(Screening.objects.filter(country_id=self.country), "screened_at")
        if self.location:
            screenings = screenings.filter(location_q(self.location))
        for pk, found, screened_at in screenings.values_list(
            "pk", "result__needs", "screened_at"
        ).iterator():
            needs.add(_needs_of(found), self.index(screened_at), self.keys("screening", pk))
        return [
            needs.grid(
                "screenings_by_need",
                _("Screenings, by need found"),
                self.columns,
                _label_from(NEED_LABELS),
                list(NEED_LABELS),
            )
        ]

    def referrals(self) -> list[Grid]:
        from crossroads.accounts.models import Agency
        from crossroads.referrals.models import Referral
        from crossroads.screening.vocab import PATHWAY_LABELS

        width = len(self.periods)
        by_pathway, by_agency = Series(width), Series(width)
        late_pathway, late_agency = Series(width), Series(width)
        hours_pathway, hours_agency = Measures(width), Measures(width)
        referrals = self.in_range(
            Referral.objects.filter(person__country_id=self.country), "sent_at"
        )
        if self.location:
            referrals = referrals.filter(location_q(self.location, "screening__"))
        now = timezone.now()
        rows = referrals.values_list(
            "pk", "pathway", "to_agency_id", "sent_at", "answered_at", "deadline_at"
        )
        for pk, pathway, agency, sent_at, answered_at, deadline_at in rows.iterator():
            key, index = self.keys("referral", pk), self.index(sent_at)
            agency_code = str(agency)
            by_pathway.add([pathway], index, key)
            by_agency.add([agency_code], index, key)
            if (answered_at or now) > deadline_at:
                late_pathway.add([pathway], index, key)
                late_agency.add([agency_code], index, key)
            if answered_at is not None:
                hours = (answered_at - sent_at).total_seconds() / 3600
                hours_pathway.add(pathway, index, hours)
                hours_agency.add(agency_code, index, hours)
        names = {str(pk): name for pk, name in Agency.objects.values_list("pk", "name")}
        agency_label = _label_from(names)
        pathway_label = _label_from(PATHWAY_LABELS)
        return [
            by_pathway.grid(
                "referrals_by_pathway",
                _("Referrals sent, by pathway"),
                self.columns,
                pathway_label,
                chart="bar",
            ),
            hours_pathway.median_grid(
                "referral_answer_hours_by_pathway",
                _("Time to answer a referral (median hours), by pathway"),
                "hours",
                self.columns,
                pathway_label,
            ),
            _share_grid(
                "referrals_late_share_by_pathway",
                _("Referrals answered late or overdue (%), by pathway"),
                late_pathway,
                by_pathway,
                pathway_label,
                self.columns,
            ),
            by_agency.grid(
                "referrals_by_agency",
                _("Referrals sent, by receiving agency"),
                self.columns,
                agency_label,
                chart="bar",
            ),
            hours_agency.median_grid(
                "referral_answer_hours_by_agency",
                _("Time to answer a referral (median hours), by receiving agency"),
                "hours",
                self.columns,
                agency_label,
            ),
            _share_grid(
                "referrals_late_share_by_agency",
                _("Referrals answered late or overdue (%), by receiving agency"),
                late_agency,
                by_agency,
                agency_label,
                self.columns,
            ),
        ]

    def cases(self) -> list[Grid]:
        from crossroads.cases.models import Case, CaseTransition
        from crossroads.cases.workflows import CASE_TYPE_CHOICES, WORKFLOWS
        from crossroads.cases.workflows.base import SOLUTION_STATUSES

        width = len(self.periods)
        by_type, by_state, solutions = Series(width), Series(width), Series(width)
        decision_days = Measures(width)
        cases = self.in_range(Case.objects.filter(person__country_id=self.country), "opened_at")
        if self.location:
            cases = cases.filter(location_q(self.location, "opened_from__screening__"))
        decided = dict(
            CaseTransition.objects.filter(case__in=cases.values("pk"), name__in=DECISIONS)
            .order_by("case_id", "-at")
            .values_list("case_id", "at")
        )
        rows = cases.values_list("pk", "type", "state", "opened_at", "durable_solution_status")
        for pk, case_type, state, opened_at, solution in rows.iterator():
            key, index = self.keys("case", pk), self.index(opened_at)
            by_type.add([case_type], index, key)
            by_state.add([f"{case_type}:{state}"], index, key)
            if solution:
                solutions.add([solution], index, key)
            if pk in decided:
                decision_days.add(case_type, index, (decided[pk] - opened_at).days)
        types = dict(CASE_TYPE_CHOICES)
        type_label = _label_from(types)

        def state_label(value: str) -> str:
            case_type, _sep, state = value.partition(":")
            workflow = WORKFLOWS.get(case_type)
            state_name = str(workflow.state_label(state)) if workflow else state
            return _("%(type)s: %(state)s") % {"type": type_label(case_type), "state": state_name}

        return [
            by_type.grid(
                "cases_by_type", _("Cases opened, by type"), self.columns, type_label, chart="bar"
            ),
            by_state.grid(
                "cases_by_state",
                _("Cases opened, by type and state now"),
                self.columns,
                state_label,
                chart="bar",
            ),
            decision_days.median_grid(
                "case_decision_days_by_type",
                _("Time from opening to decision (median days), by type"),
                "days",
                self.columns,
                type_label,
            ),
            solutions.grid(
                "durable_solutions_by_progress",
                _("Protection cases with a durable solution, by progress"),
                self.columns,
                _label_from(dict(SOLUTION_STATUSES)),
                [code for code, _label in SOLUTION_STATUSES],
                chart="bar",
            ),
        ]


def state_figures(country: str, periods: list[FixedPeriod], location: str = "") -> list[Grid]:
    """Every trend table of a state over `periods`, protected. No access check: callers
    are `trends` (the gate first) and publication (an action, the gate first)."""
    counting = _Counting(country, periods, location)
    return [
        *counting.registrations(),
        *counting.screenings(),
        *counting.referrals(),
        *counting.cases(),
    ]


def _audit_read(user: User, what: str, figures: Figures) -> None:
    record(
        user,
        AuditAction.LIST,
        object_type="statistics",
        detail={
            "what": what,
            "country": figures.country,
            "from": figures.start.isoformat(),
            "to": figures.end.isoformat(),
            "by": figures.grain,
            "location": figures.location,
        },
    )


def trends(
    user: User, *, grain: str, start: dt.date, end: dt.date, location: str = "", audit: bool = True
) -> Figures:
    """Trend tables of the user's state, by `grain` over whole periods from the one
    containing `start` to the one containing `end`."""
    require_role(user, "view_statistics")
    country = _country_of(user)
    periods = series(grain, start, end)
    figures = Figures(country, grain, periods, location, state_figures(country, periods, location))
    if audit:
        _audit_read(user, "trends", figures)
    return figures


# --- gaps in practice -------------------------------------------------------------------


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, 28))


def state_gaps(country: str, periods: list[FixedPeriod], location: str = "") -> list[Grid]:
    """Gaps in practice of a state over `periods` (together), protected."""
    from crossroads.accounts.models import Agency
    from crossroads.cases.models import Case
    from crossroads.cases.workflows import CASE_TYPE_CHOICES, PROTECTION_TYPES
    from crossroads.referrals.models import Referral
    from crossroads.screening.models import Screening
    from crossroads.screening.vocab import NEED_LABELS, PATHWAY_LABELS

    counting = _Counting(country, periods, location)
    keys = counting.keys
    now = timezone.now()
    pathway_label = _label_from(PATHWAY_LABELS)
    need_label = _label_from(NEED_LABELS)
    type_label = _label_from(dict(CASE_TYPE_CHOICES))

    # Referrals answered after their deadline, or unanswered past it.
    sent = {"pathway": Table(), "agency": Table()}
    late = {"pathway": Table(), "agency": Table()}
    referrals = counting.in_range(Referral.objects.filter(person__country_id=country), "sent_at")
    if location:
        referrals = referrals.filter(location_q(location, "screening__"))
    rows = referrals.values_list("pk", "pathway", "to_agency_id", "answered_at", "deadline_at")
    for pk, pathway, agency, answered_at, deadline_at in rows.iterator():
        key = keys("referral", pk)
        sent["pathway"].add([pathway], key)
        sent["agency"].add([str(agency)], key)
        if (answered_at or now) > deadline_at:
            late["pathway"].add([pathway], key)
            late["agency"].add([str(agency)], key)
    names = {str(pk): name for pk, name in Agency.objects.values_list("pk", "name")}
    measures_late = [
        ("sent", _("sent")),
        ("late", _("answered late or overdue")),
        ("share", _("share (%)")),
    ]

    def late_grid(
        name: str,
        title: str,
        dimension: str,
        labels: Callable[[str], str],
        order: Iterable[str] = (),
    ) -> Grid:
        grid_rows = []
        for value, total in sent[dimension].protected(order):
            cell = late[dimension].cells.get(value)
            late_count = cell.protected if cell else 0
            grid_rows.append(
                Row(value, labels(value), [total, late_count, share(late_count, total)])
            )
        return Grid(name, title, "count", measures_late, grid_rows, None, "bar")

    # Needs found with no accepted referral for them.
    found, unmet = Table(), Table()
    screenings = counting.in_range(Screening.objects.filter(country_id=country), "screened_at")
    if location:
        screenings = screenings.filter(location_q(location))
    accepted: dict[Any, set[str]] = {}
    for screening_id, needs in Referral.objects.filter(
        screening__in=screenings.values("pk"), status="accepted"
    ).values_list("screening_id", "needs"):
        accepted.setdefault(screening_id, set()).update(
            n if isinstance(n, str) else n.get("code", "") for n in needs or []
        )
    places = Table()
    place_needs: dict[str, Table] = {}
    for pk, needs, kind, place in screenings.values_list(
        "pk", "result__needs", "record__location__kind", "record__location__name"
    ).iterator():
        key = keys("screening", pk)
        codes = _needs_of(needs)
        found.add(codes, key)
        unmet.add(codes - accepted.get(pk, set()), key)
        where = place or kind or "unknown"
        places.add([where], key)
        place_needs.setdefault(where, Table()).add(codes, key)
    need_rows = []
    for value, total in found.protected(list(NEED_LABELS)):
        cell = unmet.cells.get(value)
        count = cell.protected if cell else 0
        need_rows.append(Row(value, need_label(value), [total, count, share(count, total)]))

    # Needs found per 100 screenings, by place: a post that never finds a need stands out.
    need_codes = [code for code in NEED_LABELS if code in found.cells]
    place_rows = []
    for where, screened in places.protected():
        rates: list[int | float | None] = [screened]
        for code in need_codes:
            cell = place_needs[where].cells.get(code)
            count = cell.protected if cell else 0
            rates.append(round(100.0 * count / screened, 1) if screened >= 2 * SMALL_CELL else None)
        place_rows.append(Row(where, location_label(where), rates))

    # Children without a best-interests assessment within the pack's deadline; protection
    # cases without a durable solution after 6 and 12 months.
    cases = counting.in_range(Case.objects.filter(person__country_id=country), "opened_at")
    if location:
        cases = cases.filter(location_q(location, "opened_from__screening__"))
    children, children_late = Tally(), Tally()
    older = {6: Table(), 12: Table()}
    without = {6: Table(), 12: Table()}
    rows = cases.values_list(
        "pk", "type", "opened_at", "deadlines", "missed_deadlines", "durable_solution_status"
    )
    for pk, case_type, opened_at, deadlines, missed, solution in rows.iterator():
        key = keys("case", pk)
        if case_type == "child_protection":
            children.add(key)
            due = (deadlines or {}).get("best_interests_assessment")
            overdue = isinstance(due, str) and due < now.isoformat()
            was_late = any(
                isinstance(m, dict) and m.get("deadline") == "best_interests_assessment"
                for m in missed or []
            )
            if overdue or was_late:
                children_late.add(key)
        if case_type in PROTECTION_TYPES:
            for months in (6, 12):
                if opened_at.date() <= _months_before(now.date(), months):
                    older[months].add([case_type], key)
                    if solution != "achieved":
                        without[months].add([case_type], key)
    solution_rows = []
    for months in (6, 12):
        for value, total in older[months].protected():
            cell = without[months].cells.get(value)
            count = cell.protected if cell else 0
            solution_rows.append(
                Row(
                    f"{value}:{months}",
                    _("%(type)s, after %(months)s months")
                    % {"type": type_label(value), "months": months},
                    [total, count, share(count, total)],
                )
            )
    child_total, child_late = children.protected, children_late.protected
    measures_need = [
        ("found", _("screenings finding it")),
        ("unmet", _("with no accepted referral")),
        ("share", _("share (%)")),
    ]
    measures_solution = [
        ("open", _("protection cases")),
        ("without", _("without a durable solution achieved")),
        ("share", _("share (%)")),
    ]
    return [
        late_grid(
            "late_referrals_by_pathway",
            _("Referrals answered late or overdue, by pathway"),
            "pathway",
            pathway_label,
            list(PATHWAY_LABELS),
        ),
        late_grid(
            "late_referrals_by_agency",
            _("Referrals answered late or overdue, by receiving agency"),
            "agency",
            _label_from(names),
        ),
        Grid(
            "needs_without_accepted_referral",
            _("Protection needs found with no accepted referral"),
            "count",
            measures_need,
            need_rows,
            None,
            "bar",
        ),
        Grid(
            "children_without_timely_assessment",
            _("Children without a best-interests assessment within the deadline"),
            "count",
            [
                ("cases", _("child-protection cases")),
                ("late", _("assessed late or overdue")),
                ("share", _("share (%)")),
            ],
            [
                Row(
                    "child_protection",
                    type_label("child_protection"),
                    [child_total, child_late, share(child_late, child_total)],
                )
            ],
            None,
            "bar",
        ),
        Grid(
            "protection_cases_without_solution",
            _("Protection cases without a durable solution after 6 and 12 months"),
            "count",
            measures_solution,
            solution_rows,
            None,
            "bar",
        ),
        Grid(
            "needs_per_100_screenings_by_location",
            _("Needs found per 100 screenings, by place"),
            "per_100",
            [("screenings", _("screenings")), *[(c, need_label(c)) for c in need_codes]],
            place_rows,
            None,
            "bar",
        ),
    ]


def gaps(
    user: User, *, start: dt.date, end: dt.date, location: str = "", audit: bool = True
) -> Figures:
    """Gaps in practice of the user's state over the whole months from `start` to `end`."""
    require_role(user, "view_statistics")
    country = _country_of(user)
    periods = series("month", start, end)
    figures = Figures(country, "month", periods, location, state_gaps(country, periods, location))
    if audit:
        _audit_read(user, "gaps", figures)
    return figures


def default_range(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last twelve months, this one included."""
    today = today or timezone.localdate()
    return _months_before(today.replace(day=1), 11).replace(day=1), today


__all__ = [
    "Figures",
    "Grid",
    "Period",
    "Row",
    "StateStatistics",
    "default_range",
    "gaps",
    "locations_of",
    "state_figures",
    "state_gaps",
    "state_statistics",
    "trends",
]


def export_figures(user: User, data: dict[str, Any]) -> list[Figures]:
    """Trends and gaps for an export, audited once as an export (not as two reads)."""
    figures = [
        trends(
            user,
            grain=data["by"],
            start=data["start"],
            end=data["end"],
            location=data["location"],
            audit=False,
        ),
        gaps(user, start=data["start"], end=data["end"], location=data["location"], audit=False),
    ]
    record(
        user,
        AuditAction.EXPORT,
        object_type="statistics",
        detail={
            "format": data["format"],
            "country": figures[0].country,
            "from": figures[0].start.isoformat(),
            "to": figures[0].end.isoformat(),
            "by": figures[0].grain,
            "location": data["location"],
        },
    )
    return figures
