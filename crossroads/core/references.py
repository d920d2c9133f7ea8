"""Reading a reference number as people type it from the paper.

`KG-2026-000052-4`, `kg 2026 000052 4`, `KG2026000052` (without the check digit) all
name the same record. A number that is only part of a reference (`000052`, `KG-2026`)
names nothing: a search box must never answer a fragment with the whole register."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import luhn_check_digit

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_./]+")
_FULL = re.compile(r"(?P<state>[A-Z]{2})(?P<year>\d{4})(?P<sequence>\d{6})(?P<check>\d)?")
# What looks like a reference or a piece of one: digits, perhaps after a state's letters.
_REFERENCE_LIKE = re.compile(r"[A-Z]{0,2}\d+")


@dataclass(frozen=True)
class ReferenceQuery:
    """What a search text says about reference numbers: `canonical` is the one reference
    it names (None when it names none); `is_reference` says that the text is a reference
    or part of one, and so must not be searched as a name."""

    canonical: str | None
    is_reference: bool


def read_reference(text: str) -> ReferenceQuery:
    compact = _SEPARATORS.sub("", text.strip().upper())
    if not compact or not _REFERENCE_LIKE.fullmatch(compact):
        return ReferenceQuery(None, False)
    match = _FULL.fullmatch(compact)
    if match is None:
        return ReferenceQuery(None, True)
    digits = match["year"] + match["sequence"]
    check = luhn_check_digit(digits)
    if match["check"] is not None and int(match["check"]) != check:
        # A mistyped number: the check digit exists to catch it.
        return ReferenceQuery(None, True)
    canonical = f"{match['state']}-{match['year']}-{match['sequence']}-{check}"
    return ReferenceQuery(canonical, True)
