"""The tables a state publishes to the region, language-neutral (codes and protected
figures), and their names in the reader's language.

Only these tables cross a border. They carry codes from the product's vocabularies
(nationalities as ISO codes, sexes, age bands, needs, pathways, case types, progress of a
durable solution), never an agency, a place, a person or an id."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crossroads.statistics.cellkey import SMALL_CELL
from crossroads.statistics.periods import FixedPeriod
from crossroads.statistics.queries import Grid

#: name -> (title, kind of row codes)
PUBLISHED: dict[str, tuple[Any, str]] = {
    "registrations_by_nationality": (
        gettext_lazy("People registered, by nationality"),
        "nationality",
    ),
    "registrations_by_sex": (gettext_lazy("People registered, by sex"), "sex"),
    "registrations_by_age_band": (
        gettext_lazy("People registered, by age when registered"),
        "age_band",
    ),
    "screenings_by_need": (gettext_lazy("Screenings, by need found"), "need"),
    "referrals_by_pathway": (gettext_lazy("Referrals sent, by pathway"), "pathway"),
    "referral_answer_hours_by_pathway": (
        gettext_lazy("Time to answer a referral (median hours), by pathway"),
        "pathway",
    ),
    "referrals_late_share_by_pathway": (
        gettext_lazy("Referrals answered late or overdue (%), by pathway"),
        "pathway",
    ),
    "cases_by_type": (gettext_lazy("Cases opened, by type"), "case_type"),
    "durable_solutions_by_progress": (
        gettext_lazy("Protection cases with a durable solution, by progress"),
        "progress",
    ),
}
UNITS = {"count", "hours", "percent"}
COUNT_UNITS = {"count"}
_NATIONALITY = re.compile(r"^([A-Z]{2}|stateless|unknown)$")


def codes(kind: str) -> set[str] | None:
    """The codes a row of this kind may carry (None: checked by pattern)."""
    from crossroads.cases.workflows import CASE_TYPE_CHOICES
    from crossroads.cases.workflows.base import SOLUTION_STATUSES
    from crossroads.registry.vocab import Sex
    from crossroads.screening.vocab import NEED_LABELS, PATHWAY_LABELS
    from crossroads.statistics.queries import AGE_BANDS

    return {
        "nationality": None,
        "sex": set(Sex.values),
        "age_band": set(AGE_BANDS),
        "need": {str(code) for code in NEED_LABELS},
        "pathway": {str(code) for code in PATHWAY_LABELS},
        "case_type": {code for code, _label in CASE_TYPE_CHOICES},
        "progress": {code for code, _label in SOLUTION_STATUSES},
    }[kind]


def code_allowed(kind: str, value: str) -> bool:
    allowed = codes(kind)
    if allowed is None:
        return bool(_NATIONALITY.match(value))
    return value in allowed


def labeller(kind: str) -> Callable[[str], str]:
    from crossroads.cases.workflows import CASE_TYPE_CHOICES
    from crossroads.cases.workflows.base import SOLUTION_STATUSES
    from crossroads.registry.vocab import Sex
    from crossroads.screening.vocab import NEED_LABELS, PATHWAY_LABELS
    from crossroads.statistics.labels import country_label
    from crossroads.statistics.queries import AGE_BANDS

    if kind == "nationality":
        return country_label
    mappings: dict[str, Any] = {
        "sex": dict(Sex.choices),
        "age_band": AGE_BANDS,
        "need": NEED_LABELS,
        "pathway": PATHWAY_LABELS,
        "case_type": dict(CASE_TYPE_CHOICES),
        "progress": dict(SOLUTION_STATUSES),
    }
    mapping: dict[Any, Any] = mappings[kind]
    return lambda value: str(mapping.get(value, value))


def title(name: str) -> str:
    return str(PUBLISHED[name][0])


def neutral(grids: list[Grid], period: FixedPeriod) -> list[dict[str, Any]]:
    """The published tables of a state's figures for one period, without labels."""
    tables = []
    for grid in grids:
        if grid.name not in PUBLISHED:
            continue
        rows = [
            {"value": row.value, "figure": row.values[0]}
            for row in grid.rows
            if row.values and row.values[0] is not None
        ]
        tables.append(
            {
                "name": grid.name,
                "unit": grid.unit,
                "period": period.code,
                "rows": rows,
                "total": grid.total.values[0] if grid.total else None,
            }
        )
    return tables


def check_tables(tables: Any) -> list[str]:
    """What is wrong with tables that claim to be published ones (empty when nothing):
    anything but the published tables, their codes and protected figures is refused,
    so that nothing person-level can travel."""
    problems: list[str] = []
    if not isinstance(tables, list):
        return [_("The tables are not a list.")]
    seen = set()
    for table in tables:
        if not isinstance(table, dict) or set(table) != {"name", "unit", "period", "rows", "total"}:
            problems.append(_("A table has fields other than those of a published table."))
            continue
        name = table["name"]
        if name not in PUBLISHED or name in seen:
            problems.append(
                _("A table that is not published to the region: %(name)s.") % {"name": name}
            )
            continue
        seen.add(name)
        kind = PUBLISHED[name][1]
        if table["unit"] not in UNITS:
            problems.append(_("A table has an unknown unit."))
        figures = [table["total"]] if table["total"] is not None else []
        if not isinstance(table["rows"], list):
            problems.append(_("A table's rows are not a list."))
            continue
        for row in table["rows"]:
            if not isinstance(row, dict) or set(row) != {"value", "figure"}:
                problems.append(_("A row has fields other than a code and a figure."))
                continue
            if not isinstance(row["value"], str) or not code_allowed(kind, row["value"]):
                problems.append(
                    _("A row is not one of the codes of its table (%(name)s).") % {"name": name}
                )
            figures.append(row["figure"])
        for figure in figures:
            if isinstance(figure, bool) or not isinstance(figure, int | float) or figure < 0:
                problems.append(
                    _("A figure is not a number of zero or more (%(name)s).") % {"name": name}
                )
            elif table["unit"] in COUNT_UNITS and (
                not float(figure).is_integer() or 0 < figure < SMALL_CELL
            ):
                problems.append(
                    _("A count is not protected: counts of 1 to 4 are never published (%(name)s).")
                    % {"name": name}
                )
    return sorted(set(problems))
