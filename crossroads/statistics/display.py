"""What the pages show of the statistics: the same figures as the API, arranged for
reading."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .queries import StateStatistics


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
