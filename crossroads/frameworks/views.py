"""The legal frameworks page: the ten states side by side, every cell with its source."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from crossroads.statistics.labels import country_label

from .comparison import (
    EVENTS,
    INSTRUMENTS,
    PARAMETERS,
    PROCEDURES,
    STATUS,
    FrameworkCell,
    changes,
    frameworks,
)


def _date_words(text: str) -> str:
    """A treaty date as the source gives it (a year, a month or a day), in the reader's
    language: never an ISO date on the page."""
    from django.utils.formats import date_format

    parts = text.split("-")
    try:
        if len(parts) == 3:
            return str(date_format(dt.date(*map(int, parts)), "DATE_FORMAT"))
        if len(parts) == 2:
            return str(date_format(dt.date(int(parts[0]), int(parts[1]), 1), "YEAR_MONTH_FORMAT"))
    except ValueError:
        pass
    return text


def _words(cell: FrameworkCell) -> str:
    """What a cell says, in the reader's language (dates as written in the source)."""
    if cell.status == "no_data":
        return _("no data")
    if cell.status in STATUS:
        text = str(STATUS[cell.status])
        if cell.status == "party" and cell.event in EVENTS:
            text = _("%(status)s: %(event)s %(date)s") % {
                "status": text,
                "event": EVENTS[cell.event],
                "date": _date_words(cell.date),
            }
        elif cell.status == "party" and cell.date:
            text = f"{text}: {_date_words(cell.date)}"
        return text
    if cell.status == "exists":
        return _("yes")
    if cell.status == "absent":
        return _("no")
    return str(cell.value)


def _rows(states: list[Any], section: str, labels: tuple[tuple[Any, ...], ...]) -> list[Any]:
    return [
        (
            label,
            [
                {
                    "words": _words(getattr(state, section)[code]),
                    "cell": getattr(state, section)[code],
                }
                for state in states
            ],
        )
        for code, label, *_origin in labels
    ]


@login_required
def comparison(request: HttpRequest) -> HttpResponse:
    states = frameworks()
    context: dict[str, Any] = {
        "states": [(s.country, country_label(s.country), s) for s in states],
        "sections": [
            (_("International instruments"), _rows(states, "instruments", INSTRUMENTS)),
            (_("National procedures"), _rows(states, "procedures", PROCEDURES)),
            (_("Key parameters"), _rows(states, "parameters", PARAMETERS)),
        ],
    }
    country = request.GET.get("changes", "TR").upper()
    before = after = None
    found: list[Any] = []
    dated = _dated(country)
    if len(dated) > 1:
        # the first and the latest dated pack of the state
        before, after, found = changes(country, dated[0].effective_from, dated[-1].effective_from)
    labels = {item[0]: item[1] for item in (*INSTRUMENTS, *PROCEDURES, *PARAMETERS)}
    context["changes"] = {
        "country": country_label(country),
        "before": before.effective_from if before else None,
        "after": after.effective_from if after else None,
        "rows": [
            (
                str(labels.get(c.code, _("referral deadlines"))),
                _words(c.before) if c.before else "—",
                _words(c.after) if c.after else "—",
                c.after.source if c.after else "",
            )
            for c in found
        ],
    }
    context["with_packs"] = [
        (code, label) for code, label, state in context["states"] if len(_dated(code)) > 1
    ]
    return render(request, "frameworks/comparison.html", context)


def _dated(country: str) -> tuple[Any, ...]:
    from crossroads.engines.screening import default_registry

    return default_registry().packs(country)
