"""Every shipped catalogue is complete: no entry untranslated, none fuzzy, and every
compiled catalogue is there. A page in Russian (or Persian) never falls back to English
because a string was added and not translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def _entries(path: Path) -> list[dict[str, object]]:
    """The entries of a .po file: msgid, the msgstr forms, and whether it is fuzzy."""
    entries: list[dict[str, object]] = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, str] = {}
        current = ""
        for line in lines:
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        strs = [v for k, v in fields.items() if k.startswith("msgstr")]
        entries.append({"msgid": fields.get("msgid", ""), "msgstr": strs, "fuzzy": fuzzy})
    return entries


def test_there_are_catalogues() -> None:
    assert {p.parts[-3] for p in CATALOGUES} >= {"ru"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_no_entry_is_untranslated_or_fuzzy(path: Path) -> None:
    entries = [e for e in _entries(path) if e["msgid"]]
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"])]  # type: ignore[arg-type]
    fuzzy = [e["msgid"] for e in entries if e["fuzzy"]]
    assert untranslated == [], f"{path}: untranslated entries"
    assert fuzzy == [], f"{path}: fuzzy entries"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_catalogue_is_compiled(path: Path) -> None:
    compiled = path.with_suffix(".mo")
    assert compiled.exists()
    assert compiled.stat().st_size > 1000
