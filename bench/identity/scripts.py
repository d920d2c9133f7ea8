"""Writing systems for the benchmark generator: table-driven rewriting of names.

The tables live in ``bench/identity/tables/`` with their sources. Nothing here imports the
engine (``crossroads.engines.identity``): the benchmark must not share the engine's tables or
code, or it would only measure the engine against itself.

A table has one ``pattern`` column and one column per system. A cell is a list of weighted
alternatives ``x:w|y:w``; ``∅`` writes nothing; ``.`` means "no rule here" so that a shorter
pattern applies. Patterns may be anchored: ``^`` at word start, ``$`` at word end, ``<`` after
a vowel (the table's vowels are given by the caller). The longest matching pattern wins, which
is how digraph rules (``ya`` -> я, ``ов$`` -> ``-off``) take precedence over single letters.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

TABLES = Path(__file__).resolve().parent / "tables"

EMPTY = "∅"
NO_RULE = "."

Choices = tuple[tuple[str, ...], tuple[float, ...]]


def _parse_cell(cell: str) -> Choices:
    options: list[str] = []
    weights: list[float] = []
    for part in cell.split("|"):
        text, weight = part.rsplit(":", 1) if ":" in part else (part, "1")
        options.append("" if text == EMPTY else text)
        weights.append(float(weight))
    return tuple(options), tuple(weights)


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated table; lines starting with ``#`` are the sources and notes."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


@dataclass(frozen=True)
class System:
    """One column of a table: pattern -> weighted spellings."""

    name: str
    rules: dict[str, Choices]
    longest: int
    vowels: frozenset[str]

    def render(self, text: str, rng: random.Random) -> str:
        """Rewrite ``text`` word by word; spaces and hyphens are kept."""
        return "".join(
            self._word(part, rng) if part and part not in " -" else part
            for part in _WORD_SPLIT.split(text)
        )

    def _word(self, word: str, rng: random.Random) -> str:
        out: list[str] = []
        i = 0
        n = len(word)
        rules = self.rules
        while i < n:
            for length in range(min(self.longest, n - i), 0, -1):
                seg = word[i : i + length]
                at_start = i == 0
                at_end = i + length == n
                after_vowel = i > 0 and word[i - 1] in self.vowels
                keys = []
                if at_start and at_end:
                    keys.append("^" + seg + "$")
                if at_start:
                    keys.append("^" + seg)
                if at_end:
                    keys.append(seg + "$")
                if after_vowel:
                    keys.append("<" + seg)
                keys.append(seg)
                choice = next((rules[k] for k in keys if k in rules), None)
                if choice is not None:
                    options, weights = choice
                    out.append(
                        options[0] if len(options) == 1 else rng.choices(options, weights)[0]
                    )
                    i += length
                    break
            else:
                out.append(word[i])
                i += 1
        return "".join(out)


_WORD_SPLIT = re.compile(r"([ \-])")


def load_systems(filename: str, vowels: str) -> dict[str, System]:
    """Every system (column) of a table in ``tables/``."""
    rows = read_tsv(TABLES / filename)
    names = [c for c in rows[0] if c != "pattern"]
    systems: dict[str, System] = {}
    for name in names:
        rules: dict[str, Choices] = {}
        for row in rows:
            cell = row[name]
            if cell and cell != NO_RULE:
                rules[row["pattern"]] = _parse_cell(cell)
        longest = max(len(p.strip("^$<")) for p in rules)
        systems[name] = System(name, rules, longest, frozenset(vowels))
    return systems


PHONEME_VOWELS = "aāeiīoōuūöüıä"
CYRILLIC_VOWELS = "аеёиоуыэюяәөұүіӣӯўьъ"
