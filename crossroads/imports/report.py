"""The report of an import as people read it. A row's errors keep the field's code (the
API's `field`, the command line's), and the page names the field by its label in the
reader's language. The reasons are written, when the row is reported, in every language of
the site (a job runs in the background, in no one's language), so each reader finds theirs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from crossroads.registry.models import Person

from .forms import FIELD_LABELS
from .reading import Table
from .rows import evaluate_row


def field_label(name: str) -> str:
    """The field's label in the active language; never its code."""
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    try:
        return str(capfirst(getattr(Person._meta.get_field(name), "verbose_name", "")))
    except FieldDoesNotExist:
        # `__all__`, `non_field_errors`: what is wrong is the row as a whole.
        return _("The row")


def errors_in_every_language(
    table: Table, index: int, country: str, errors: list[dict[str, str]]
) -> list[dict[str, Any]]:
    """The row's errors, each with its reason in every language of the site (`messages`).
    Only invalid rows pay for this, once."""
    found: dict[str, list[dict[str, str]]] = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found[code] = evaluate_row(table, index, country).errors
    written = []
    for i, error in enumerate(errors):
        messages = {
            code: those[i]["message"]
            for code, those in found.items()
            if i < len(those) and those[i]["field"] == error["field"]
        }
        written.append({**error, "messages": messages})
    return written


def errors_for_reader(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    """`field` (the code), `label` and `message` in the active language (the message as
    written when no version in that language was kept)."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return [
        {
            "field": error["field"],
            "label": field_label(error["field"]),
            "message": (error.get("messages") or {}).get(language) or error["message"],
        }
        for error in errors
    ]
