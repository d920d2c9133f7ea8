"""Field rules shared by the pages' forms and the API's serializers, so both refuse the
same input with the same message in the user's language."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

import jdatetime
import pycountry
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .vocab import STATELESS, UNKNOWN_NATIONALITY, Calendar, Precision

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def nfc(value: str) -> str:
    """Text is stored NFC-normalised: the same name typed on two keyboards is one string."""
    return unicodedata.normalize("NFC", value).strip()


def parse_birth_date(
    value: str, calendar: str = Calendar.GREGORIAN, *, today: dt.date | None = None
) -> tuple[str, str, bool]:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (in the Gregorian or the Solar Hijri calendar) to
    (Gregorian date text, precision, converted-and-therefore-approximate).

    A Solar Hijri year or month straddles two Gregorian ones (1369 runs from 21 March 1990
    to 20 March 1991), so a partial Solar Hijri date becomes the Gregorian year or month
    in which it begins, marked estimated."""
    value = (value or "").strip()
    if not value:
        return "", Precision.UNKNOWN, False
    match = _DATE_RE.match(value)
    if not match:
        raise ValidationError(
            _("Enter the date as YYYY, YYYY-MM or YYYY-MM-DD."), code="invalid_format"
        )
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    today = today or timezone.localdate()
    approximate = False
    try:
        if calendar == Calendar.SOLAR_HIJRI:
            jd = jdatetime.date(year, month or 1, day or 1)
            greg = jd.togregorian()
            if day is None:
                approximate = True
            year, month, day = (
                greg.year,
                (greg.month if month is not None else None),
                (greg.day if day is not None else None),
            )
        elif calendar != Calendar.GREGORIAN:
            raise ValidationError(_("Unknown calendar."), code="invalid_calendar")
        earliest = dt.date(year, month or 1, day or 1)
    except ValueError:
        raise ValidationError(_("%(value)s is not a real date.") % {"value": value}) from None
    if earliest > today:
        raise ValidationError(
            _("The birth date %(value)s is after today.") % {"value": value}, code="future"
        )
    if year < today.year - 130:
        raise ValidationError(_("The birth date is too far in the past."), code="too_old")
    if day is not None and month is not None:
        return f"{year:04d}-{month:02d}-{day:02d}", Precision.DAY, approximate
    if month is not None:
        return f"{year:04d}-{month:02d}", Precision.MONTH, approximate
    return f"{year:04d}", Precision.YEAR, approximate


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


@lru_cache(maxsize=1)
def _language_codes() -> frozenset[str]:
    return frozenset(lang.alpha_3 for lang in pycountry.languages)


def validate_country_code(value: str) -> str:
    code = (value or "").strip().upper()
    if code not in _country_codes():
        raise ValidationError(
            _("%(value)s is not an ISO 3166-1 alpha-2 country code.") % {"value": value}
        )
    return code


def validate_nationalities(values: list[str]) -> list[str]:
    result: list[str] = []
    for value in values:
        lowered = (value or "").strip().lower()
        code = lowered if lowered in {STATELESS, UNKNOWN_NATIONALITY} else None
        code = code or validate_country_code(value)
        if code not in result:
            result.append(code)
    if STATELESS in result and len(result) > 1:
        raise ValidationError(_("A stateless person has no other nationality."))
    return result


def validate_languages(values: list[str]) -> list[str]:
    result: list[str] = []
    for value in values:
        code = (value or "").strip().lower()
        if code not in _language_codes():
            raise ValidationError(
                _("%(value)s is not an ISO 639-3 language code.") % {"value": value}
            )
        if code not in result:
            result.append(code)
    return result


def language_name(code: str) -> str:
    lang = pycountry.languages.get(alpha_3=code)
    return lang.name if lang else code
