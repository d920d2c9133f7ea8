"""One clock: every time shown is in the agency's local zone, with the zone named, in
the reader's language ("7 Dec 2026, 09:42 (Bishkek)"). The zone is activated per request
from the user's state (see `UserLanguageMiddleware`); sheets and e-mails activate the
zone of the agency that writes them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The zones of the states of the Almaty Process, named as the reader would name them.
ZONE_NAMES = {
    "Asia/Bishkek": gettext_lazy("Bishkek time"),
    "Asia/Almaty": gettext_lazy("Almaty time"),
    "Asia/Qostanay": gettext_lazy("Kostanay time"),
    "Asia/Aqtobe": gettext_lazy("Aktobe time"),
    "Asia/Dushanbe": gettext_lazy("Dushanbe time"),
    "Asia/Kabul": gettext_lazy("Kabul time"),
    "Asia/Tehran": gettext_lazy("Tehran time"),
    "Asia/Karachi": gettext_lazy("Pakistan time"),
    "Europe/Istanbul": gettext_lazy("Istanbul time"),
    "Asia/Ashgabat": gettext_lazy("Ashgabat time"),
    "Asia/Baku": gettext_lazy("Baku time"),
    "Asia/Shanghai": gettext_lazy("Beijing time"),
    "UTC": gettext_lazy("UTC"),
}


def zone_name(zone: str | None = None) -> str:
    """The current (or given) zone as the reader names it."""
    zone = zone or timezone.get_current_timezone_name()
    label = ZONE_NAMES.get(zone)
    return str(label) if label is not None else zone.rsplit("/", 1)[-1].replace("_", " ")


def _as_datetime(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def format_when(value: Any, *, with_zone: bool = True) -> str:
    """A moment in the current zone, formatted for the language, with the zone named."""
    moment = _as_datetime(value)
    if moment is None:
        return format_day(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    text = _with_solar_hijri(moment.date(), formats.date_format(moment, "DATETIME_FORMAT"))
    if with_zone:
        return _("%(when)s (%(zone)s)") % {"when": text, "zone": zone_name()}
    return text


def _with_solar_hijri(day: dt.date, text: str) -> str:
    """In Persian, the Solar Hijri date beside the Gregorian one: Afghan and Iranian
    documents (the tazkira, the shenasnameh) carry it."""
    language = translation.get_language() or ""
    if not language.startswith("fa"):
        return text
    import jdatetime

    hijri = jdatetime.date.fromgregorian(date=day)
    return f"{text} ({hijri.year}/{hijri.month:02d}/{hijri.day:02d})"


def format_day(value: Any) -> str:
    """A day in the language's one date format (a moment is taken in the current zone)."""
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return _with_solar_hijri(value.date(), formats.date_format(value.date(), "DATE_FORMAT"))
    if isinstance(value, dt.date):
        return _with_solar_hijri(value, formats.date_format(value, "DATE_FORMAT"))
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return format_day(dt.date.fromisoformat(text))
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = text.split("-")
        return formats.date_format(dt.date(int(year), int(month), 1), "YEAR_MONTH_FORMAT")
    moment = _as_datetime(text)
    if moment is not None:
        return format_day(moment)
    return text
