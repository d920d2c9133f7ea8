"""The cell-key method: the one rule by which every published count is protected.

This is the method of the Australian Bureau of Statistics' TableBuilder (Fraser and
Wooton, "A proposed method for confidentialising tabular output to protect against
differencing", UNECE work session on statistical data confidentiality, 2005; Thompson,
Broadfoot and Elazar, "Methodology for the automatic confidentialisation of statistical
outputs from remote servers at the Australian Bureau of Statistics", 2013):

- Every record (a person, a screening, a referral, a case) has a permanent random key, a
  32-bit number drawn from a keyed hash of its id with the instance's secret statistics
  key. It never changes and is never shown.
- The key of a cell is the sum of the keys of the records counted in it, modulo 2**32.
  The cell's perturbation is read from a fixed table (`perturbation`) at that key: the
  same records always give the same answer, however the query was put, so repeating or
  rephrasing a query teaches nothing new.
- Two queries whose cells differ by one person have cell keys that differ by that
  person's key, a uniform random number: their perturbations are as good as independent,
  so the difference of the two published counts is not reliably one.

The perturbation table, for a true count n:

- n = 0: 0. An empty cell stays empty (nothing is made up).
- 1 <= n <= 4: 0 or 5, with 5 drawn with probability n/5 (unbiased: the expected value
  is n). A count of 1 to 4 is never shown, and 1 to 4 never appear at all.
- n >= 5: n + p, p in -2..+2 with probabilities .1, .2, .4, .2, .1 (mean 0, variance
  1.2), raised to 5 where n + p would fall under 5 (so 5 and 6 are overstated by at most
  0.4 on average).

How tables add up: each cell, each total and each row of a series is perturbed on its
own. A table's total is the protected count of all its records, not the sum of its
protected cells; the two differ by a few people per cell (at most 2 for each cell of 5
or more, at most 5 for a smaller one). The same set of records gives the same figure
wherever it appears, so a table of one cell equals its total.

Plain Python, no Django: tested on its own.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

KEY_BITS = 32
KEY_SPACE = 1 << KEY_BITS
SMALL_CELL = 5
#: (perturbation, probability) for counts of SMALL_CELL and more
NOISE: tuple[tuple[int, float], ...] = ((-2, 0.1), (-1, 0.2), (0, 0.4), (1, 0.2), (2, 0.1))
#: the largest change the table makes to a count of SMALL_CELL and more
MAX_NOISE = 2


def record_key(secret: bytes, kind: str, record_id: object) -> int:
    """The permanent key of one record: 32 bits of BLAKE2b keyed with the instance's
    statistics secret, over the record's kind and id. Unknowable without the secret."""
    raw = record_id.bytes if isinstance(record_id, uuid.UUID) else str(record_id).encode()
    digest = hashlib.blake2b(
        raw, key=secret[:64], person=kind.encode()[:16], digest_size=4
    ).digest()
    return int.from_bytes(digest, "big")


def perturbation(count: int, cell_key: int) -> int:
    """The published count of a cell of `count` records whose keys sum to `cell_key`."""
    if count <= 0:
        return 0
    u = (cell_key % KEY_SPACE) / KEY_SPACE
    if count < SMALL_CELL:
        return SMALL_CELL if u < count / SMALL_CELL else 0
    cumulative = 0.0
    for delta, probability in NOISE:
        cumulative += probability
        if u < cumulative:
            return max(SMALL_CELL, count + delta)
    return max(SMALL_CELL, count + NOISE[-1][0])


@dataclass
class Tally:
    """A cell being counted: how many records, and the sum of their keys."""

    count: int = 0
    key: int = 0

    def add(self, record: int) -> None:
        self.count += 1
        self.key = (self.key + record) % KEY_SPACE

    def add_group(self, count: int, key: int) -> None:
        """`count` records whose keys sum to `key` (a group counted in the database)."""
        self.count += count
        self.key = (self.key + key) % KEY_SPACE

    def merge(self, other: Tally) -> None:
        self.count += other.count
        self.key = (self.key + other.key) % KEY_SPACE

    @property
    def protected(self) -> int:
        return perturbation(self.count, self.key)


@dataclass
class Table:
    """Cells by value (one dimension), with the table's own total (its records once each,
    even when a record counts in several cells)."""

    cells: dict[str, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)

    def add(self, values: Iterable[str], record: int) -> None:
        for value in set(values):
            self.cells.setdefault(value, Tally()).add(record)
        self.total.add(record)

    def add_group(self, values: Iterable[str], count: int, key: int) -> None:
        """A group of `count` records whose keys sum to `key`, all counted under each of
        `values`: as many `add`s of its records, in one step."""
        for value in set(values):
            self.cells.setdefault(value, Tally()).add_group(count, key)
        self.total.add_group(count, key)

    def protected(self, order: Iterable[str] = ()) -> list[tuple[str, int]]:
        """(value, protected count) for every value in `order` (zeros included), then any
        other value counted, by value."""
        values = list(dict.fromkeys([*order, *sorted(self.cells)]))
        return [(v, self.cells[v].protected if v in self.cells else 0) for v in values]


def protect_counts(tallies: Mapping[str, Tally]) -> dict[str, int]:
    return {value: tally.protected for value, tally in tallies.items()}


def share(part: int, whole: int) -> float | None:
    """A share of two protected counts, in percent with one decimal; None when the whole is
    too small for a share to mean anything (or to be safe)."""
    if whole < 2 * SMALL_CELL:
        return None
    return round(100.0 * min(part, whole) / whole, 1)
