"""The regional picture arranged for reading: each table with its chart."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from crossroads.statistics.labels import country_label
from crossroads.statistics.periods import PeriodError, parse_period
from crossroads.statistics.queries import period_label

from .queries import RegionalPicture, SideBySide


def _label(code: str) -> str:
    try:
        return period_label(parse_period(code))
    except PeriodError:
        return code


def _layout(side: SideBySide, *, series: bool = False) -> dict[str, Any]:
    names = [country_label(c) for c in side.countries]
    counts = side.unit == "count"
    header = [*names, *([_("Region")] if counts else [])]
    body = [
        (label, [*figures, *([summed] if counts else [])])
        for _v, label, figures, summed in side.rows
    ]
    footer = None
    if side.total is not None:
        footer = (_("All"), [*side.total[0], side.total[1]])
    if series:
        chart = {
            "type": "line",
            "labels": [label for _v, label, _f, _s in side.rows],
            "datasets": [
                {"label": name, "data": [row[2][i] for row in side.rows]}
                for i, name in enumerate(names)
            ],
        }
    else:
        chart = {
            "type": "bar",
            "labels": [label for _v, label, _f, _s in side.rows],
            "datasets": [
                {"label": name, "data": [row[2][i] for row in side.rows]}
                for i, name in enumerate(names)
            ],
        }
    return {
        "grid": {"name": side.name, "title": side.title, "rows": side.rows},
        "chart": chart if side.rows else None,
        "chart_id": f"chart-{side.name}",
        "header": header,
        "body": body,
        "footer": footer,
    }


def picture_context(picture: RegionalPicture) -> dict[str, Any]:
    items = [_layout(t) for t in picture.tables]
    comparison = {
        "grid": {
            "name": "comparison",
            "title": _("Compared: children among the people registered, referrals answered late"),
            "rows": picture.comparison,
        },
        "chart": {
            "type": "bar",
            "labels": [country_label(c) for c, _ch, _l in picture.comparison],
            "datasets": [
                {
                    "label": _("children among the people registered (%)"),
                    "data": [ch for _c, ch, _l in picture.comparison],
                },
                {
                    "label": _("referrals answered late or overdue (%)"),
                    "data": [late for _c, _ch, late in picture.comparison],
                },
            ],
        }
        if picture.comparison
        else None,
        "chart_id": "chart-comparison",
        "header": [
            _("children among the people registered (%)"),
            _("referrals answered late or overdue (%)"),
        ],
        "body": [(country_label(c), [ch, late]) for c, ch, late in picture.comparison],
        "footer": None,
    }
    return {
        "picture": picture,
        "period_name": _label(picture.period) if picture.period else "",
        "periods": [(p, _label(p)) for p in picture.periods],
        "states": ", ".join(name for _c, name in picture.countries),
        "comparison": comparison,
        "series": _layout(picture.series, series=True) if picture.series else None,
        "items": items,
        "nationalities": [
            (code, country_label(code)) for code in ("AF", "IR", "PK", "TJ", "UZ", "KG", "CN")
        ],
    }
