"""What the pages show of the statistics: the same figures as the API, arranged for
reading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .queries import Figures, Grid, StateStatistics


def figures_context(figures: StateStatistics) -> dict[str, Any]:
    """Context for `statistics/_figures.html`: (title, section, [(caption, cells)])."""
    cases_by_state = [
        (_("Cases of type %(type)s by state") % {"type": cell.label}, cells)
        for cell in figures.cases.tables["by_type"]
        if (cells := figures.cases.nested.get("by_state", {}).get(cell.value))
    ]
    return {
        "figures": figures,
        "sections": [
            (
                _("People registered"),
                figures.registrations,
                [
                    (_("By sex"), figures.registrations.tables["by_sex"]),
                    (_("By age when registered"), figures.registrations.tables["by_age_band"]),
                    (_("By nationality"), figures.registrations.tables["by_nationality"]),
                    (_("By month"), figures.registrations.tables["by_month"]),
                ],
            ),
            (
                _("Screenings"),
                figures.screenings,
                [(_("By need found"), figures.screenings.tables["by_need"])],
            ),
            (
                _("Referrals"),
                figures.referrals,
                [
                    (_("By pathway"), figures.referrals.tables["by_pathway"]),
                    (_("By status"), figures.referrals.tables["by_status"]),
                ],
            ),
            (
                _("Cases"),
                figures.cases,
                [(_("By type"), figures.cases.tables["by_type"]), *cases_by_state],
            ),
        ],
    }


def chart_spec(grid: Grid, *, over_periods: bool) -> dict[str, Any] | None:
    """What the chart of a table draws (the table itself stands beside it): a series per
    row over the periods, or one bar per row for a table of measures. At most eight
    series, the largest, so that the chart stays readable; the table has them all."""
    if over_periods:
        rows = [r for r in grid.rows if any(v for v in r.values)]
        rows.sort(key=lambda r: -sum(float(v or 0) for v in r.values))
        return {
            "type": grid.chart,
            "unit": grid.unit,
            "labels": [str(label) for _code, label in grid.columns],
            "datasets": [{"label": r.label, "data": r.values} for r in rows[:8]],
        }
    codes = [code for code, _label in grid.columns]
    pick = [i for i, code in enumerate(codes) if code in {"share"}] or [
        i for i, code in enumerate(codes) if code != "screenings"
    ]
    if not grid.rows:
        return None
    return {
        "type": "bar",
        "unit": "percent" if codes[pick[0]] == "share" else grid.unit,
        "labels": [r.label for r in grid.rows],
        "datasets": [
            {"label": str(grid.columns[i][1]), "data": [r.values[i] for r in grid.rows]}
            for i in pick[:8]
        ],
    }


@dataclass
class Layout:
    """A table as the page lays it out: a series over periods has one line per period
    (and a column per thing counted, then the total), so that it reads down beside its
    chart; a table of measures has one line per thing counted."""

    grid: Grid
    chart: dict[str, Any] | None
    chart_id: str
    header: list[str]
    body: list[tuple[str, list[Any]]]
    footer: tuple[str, list[Any]] | None


def layout(grid: Grid, *, over_periods: bool) -> Layout:
    chart = chart_spec(grid, over_periods=over_periods)
    if over_periods and grid.rows:
        header = [r.label for r in grid.rows] + ([grid.total.label] if grid.total else [])
        body = [
            (
                str(label),
                [r.values[i] for r in grid.rows] + ([grid.total.values[i]] if grid.total else []),
            )
            for i, (_code, label) in enumerate(grid.columns)
        ]
        return Layout(grid, chart, f"chart-{grid.name}", header, body, None)
    header = [str(label) for _code, label in grid.columns]
    body = [(r.label, list(r.values)) for r in grid.rows]
    footer = (grid.total.label, list(grid.total.values)) if grid.total else None
    return Layout(grid, chart, f"chart-{grid.name}", header, body, footer)


def workspace_context(trend: Figures | None, gap: Figures | None) -> dict[str, Any]:
    """The tables of the workspace page, each with its chart."""
    sections = []
    if trend is not None:
        sections.append((_("Trends"), [layout(g, over_periods=True) for g in trend.grids]))
    if gap is not None:
        sections.append((_("Gaps in practice"), [layout(g, over_periods=False) for g in gap.grids]))
    return {"sections": sections}
