"""One row of a file to the values of a person, with field errors instead of exceptions."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.registry import validation
from crossroads.registry.vocab import Sex

from .reading import Table, cell_text, looks_like_formula

SEXES = {
    Sex.FEMALE: {"female", "f", "woman", "girl", "ж", "жен", "женский", "женщина", "زن"},
    Sex.MALE: {"male", "m", "man", "boy", "м", "муж", "мужской", "мужчина", "مرد"},
    Sex.OTHER: {"other", "x", "другой"},
    Sex.UNKNOWN: {"unknown", "u", "", "неизвестно"},
}


@dataclass
class RowResult:
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    fingerprint: str = ""

    def error(self, name: str, message: str) -> None:
        self.errors.append({"field": name, "message": message})


def _nationalities(text: str) -> list[str]:
    codes = []
    for part in [p for p in re.split(r"[,;/ ]+", text) if p]:
        if len(part) > 3:
            try:
                codes.append(pycountry.countries.lookup(part).alpha_2)
                continue
            except LookupError:
                pass
        codes.append(part)
    return validation.validate_nationalities(codes)


def evaluate_row(table: Table, index: int, country: str) -> RowResult:
    raw = table.rows[index]
    result = RowResult()
    cells: dict[str, str] = {}
    for name, column in table.mapping.items():
        value = raw.get(column)
        text = value if isinstance(value, str) else cell_text(value)
        if column in table.formulas.get(index, []) or (text and looks_like_formula(text)):
            result.error(name, _("A spreadsheet formula is not accepted here."))
            continue
        cells[name] = validation.nfc(cell_text(value))
    for name in ("given_name", "family_name", "patronymic"):
        if len(cells.get(name, "")) > 200:
            result.error(name, _("Ensure this field has no more than 200 characters."))
    values: dict[str, Any] = {
        "given_name": cells.get("given_name", "")[:200],
        "family_name": cells.get("family_name", "")[:200],
        "patronymic": cells.get("patronymic", "")[:200],
    }
    named = any(e["field"] in {"given_name", "family_name"} for e in result.errors)
    if not (values["given_name"] or values["family_name"] or named):
        result.error("given_name", _("Give at least a given name or a family name."))
    sex_text = cells.get("sex", "").lower()
    sex = next((s for s, words in SEXES.items() if sex_text in words), None)
    if sex is None:
        result.error("sex", _("%(value)s is not a sex we know.") % {"value": cells["sex"]})
    values["sex"] = sex or Sex.UNKNOWN
    birth, age = cells.get("birth_date", ""), cells.get("age", "")
    estimated = False
    if not birth and age:
        if not re.fullmatch(r"\d{1,3}", age) or int(age) > 130:
            result.error("age", _("An age is a whole number of years, at most 130."))
        else:
            birth = f"{timezone.localdate().year - int(age):04d}"
            estimated = True
    try:
        text, precision, _approx = validation.parse_birth_date(birth[:10])
        values.update(
            birth_date=text, birth_date_precision=precision, birth_date_estimated=estimated
        )
    except ValidationError as exc:
        result.error("birth_date", " ".join(exc.messages))
    for name, check in (("nationality", _nationalities), ("languages", None)):
        text = cells.get(name, "")
        if not text:
            continue
        try:
            if check is not None:
                values["nationalities"] = check(text)
            else:
                values["languages"] = validation.validate_languages(
                    [p for p in re.split(r"[,;/ ]+", text) if p]
                )
        except ValidationError as exc:
            result.error(name, " ".join(exc.messages))
    state = cells.get("country", "").upper()
    if state and state != country:
        result.error(
            "country",
            _("This row is of %(state)s; you register people of %(mine)s only.")
            % {"state": state, "mine": country},
        )
    submission = (
        cell_text(raw.get(table.submission_id_column)) if table.submission_id_column else ""
    )
    basis = (
        f"submission:{submission}"
        if submission
        else "values:" + json.dumps(values, sort_keys=True, ensure_ascii=False)
    )
    result.fingerprint = hashlib.sha256(basis.encode()).hexdigest()
    result.values = values
    return result
