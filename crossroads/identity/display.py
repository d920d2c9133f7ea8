"""The identity engine's "why" in the reader's words: "Given name: same name (Ahmad ~
Ахмад)", not ``given_name: same name``. The engine's explanation (the API's field) stays
as it is; pages translate its fixed phrases and show dates and countries in words. The
names compared are data and stay as written."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crossroads.core.clock import format_day

FIELD_LABELS = {
    "given_name": gettext_lazy("Given name"),
    "family_name": gettext_lazy("Family name"),
    "name_order": gettext_lazy("Order of the names"),
    "patronymic": gettext_lazy("Father's name"),
    "birth_date": gettext_lazy("Birth date"),
    "sex": gettext_lazy("Sex"),
    "nationality": gettext_lazy("Nationality"),
    "guard": gettext_lazy("Caution"),
    "father_in_family": gettext_lazy("Father's name"),
    "model": gettext_lazy("Scored by"),
}

# The engine's fixed phrases (crossroads.engines.identity), longest first when matched.
PHRASES = {
    "same name": gettext_lazy("same name"),
    "transliteration match": gettext_lazy("the same name in another script"),
    "same consonants across scripts": gettext_lazy("same consonants across scripts"),
    "same consonants, different vowels": gettext_lazy("same consonants, different vowels"),
    "similar spelling": gettext_lazy("similar spelling"),
    "one of several names agrees": gettext_lazy("one of several names agrees"),
    "initial only": gettext_lazy("initial only"),
    "different": gettext_lazy("different"),
    "missing on one side": gettext_lazy("missing on one record"),
    "given name found in the other record's family name field": gettext_lazy(
        "the given name is written as the family name on the other record"
    ),
    "given and family names swapped": gettext_lazy("given and family names swapped"),
    "birth date missing on one side": gettext_lazy("birth date missing on one record"),
    "same birth date": gettext_lazy("same birth date"),
    "day and month swapped": gettext_lazy("day and month swapped"),
    "same year and month, day differs": gettext_lazy("same year and month, the day differs"),
    "same day, year off by one": gettext_lazy("same day, the year differs by one"),
    "different birth dates": gettext_lazy("different birth dates"),
    "same year": gettext_lazy("same year"),
    "same year and month": gettext_lazy("same year and month"),
    "birth years one apart": gettext_lazy("birth years one apart"),
    "same sex": gettext_lazy("same sex"),
    "different sex": gettext_lazy("different sex"),
    "name endings imply different sex (e.g. -ov / -ova)": gettext_lazy(
        "the name endings imply a different sex (e.g. -ov / -ova)"
    ),
    "sex missing on one side": gettext_lazy("sex missing on one record"),
    "same nationality": gettext_lazy("same nationality"),
    "different nationality": gettext_lazy("different nationality"),
    "nationality missing on one side": gettext_lazy("nationality missing on one record"),
    "different sex: not the same person": gettext_lazy("different sex: not the same person"),
    "different given names: a relative or a namesake, not the same person": gettext_lazy(
        "different given names: a relative or a namesake, not the same person"
    ),
    "different family names: a namesake, not the same person on this evidence": gettext_lazy(
        "different family names: a namesake, not the same person on this evidence"
    ),
    "different fathers' names: a namesake, not the same person on this evidence": gettext_lazy(
        "different fathers' names: a namesake, not the same person on this evidence"
    ),
    "father's name written in the family-name field": gettext_lazy(
        "the father's name is written as the family name on one record"
    ),
    # the version named after it is a code a supervisor may need to quote
    "model version": gettext_lazy("model version"),
}
_BY_LENGTH = sorted(PHRASES, key=len, reverse=True)
_YEARS_APART = re.compile(r"birth years (?P<gap>\d+) apart(?P<rest>.*)")
_PLACEHOLDER = re.compile(r"same year (?P<year>\d{4}), placeholder 1 January")
_PARTIAL = re.compile(r"same year (?P<year>\d{4}) \(one date partial\)")
_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
_COUNTRY = re.compile(r"\b[A-Z]{2}\b")


LEVEL_LABELS = {
    "exact": PHRASES["same name"],
    "transliteration": PHRASES["transliteration match"],
    "skeleton_arabic": PHRASES["same consonants across scripts"],
    "skeleton_latin": PHRASES["same consonants, different vowels"],
    "close": PHRASES["similar spelling"],
    "partial": PHRASES["one of several names agrees"],
    "initial": PHRASES["initial only"],
    "disagree": PHRASES["different"],
    "missing": PHRASES["missing on one side"],
    "same": gettext_lazy("the same"),
    "different": PHRASES["different"],
    "different_implied": gettext_lazy("probably different"),
    "swapped_day_month": PHRASES["day and month swapped"],
    "same_year_month": PHRASES["same year and month"],
    "year_off_by_one_same_day": PHRASES["same day, year off by one"],
    "different_full_date": PHRASES["different birth dates"],
    "same_year_placeholder": PHRASES["same year"],
    "same_year": PHRASES["same year"],
    "year_off_by_one": PHRASES["birth years one apart"],
    "years_apart_2_5": gettext_lazy("birth years 2 to 5 apart"),
    "years_apart_6_plus": gettext_lazy("birth years 6 or more apart"),
}


def _country(code: str) -> str:
    """A country in words, without a query (the codes the register meets most)."""
    from crossroads.core.names import country_name

    return country_name(code)


def _words(rest: str, *, countries: bool) -> str:
    rest = _DATE.sub(lambda m: format_day(m.group(0)), rest)
    if countries:
        rest = _COUNTRY.sub(lambda m: _country(m.group(0)), rest)
    return rest


def explain_value(field: str, text: str) -> str:
    """One line of the engine's explanation in the reader's language."""
    text = str(text)
    match = _PLACEHOLDER.fullmatch(text)
    if match:
        return _("same year %(year)s (one date is 1 January, a placeholder)") % dict(
            match.groupdict()
        )
    match = _PARTIAL.fullmatch(text)
    if match:
        return _("same year %(year)s (one date is partial)") % dict(match.groupdict())
    match = _YEARS_APART.fullmatch(text)
    if match:
        return _("birth years %(gap)s apart") % {"gap": match["gap"]} + _words(
            match["rest"], countries=False
        )
    for phrase in _BY_LENGTH:
        if text == phrase or text.startswith(phrase + " "):
            rest = text[len(phrase) :]
            return str(PHRASES[phrase]) + _words(rest, countries=field == "nationality")
    return _("see the two records")


def explanation_lines(explanation: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, words) for each line of an identity explanation."""
    out = []
    for field, text in (explanation or {}).items():
        label = FIELD_LABELS.get(field)
        out.append(
            (str(label) if label is not None else _("Other"), explain_value(field, str(text)))
        )
    return out


def agreement_lines(agreement: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, words) for each field's level of agreement, shown where the names are not."""
    out = []
    for field, level in (agreement or {}).items():
        label = FIELD_LABELS.get(field)
        words = LEVEL_LABELS.get(str(level))
        out.append(
            (
                str(label) if label is not None else _("Other"),
                str(words) if words is not None else _("see the two records"),
            )
        )
    return out
