"""Small-cell suppression: the one rule by which every published count is protected.

A count of one to four people can single someone out ("the one Turkmen woman registered
at Osh in March"), so it is never shown (primary suppression). Hiding it is not enough
when the table's total is published: total minus the cells shown gives it back. So in a
table that hides anything, at least two cells are hidden and together they hold at least
`SMALL_CELL` people (complementary suppression: the smallest cells shown are hidden too,
until that holds). When a table cannot be protected that way (every cell but zeros is
small), all its cells are hidden, zeros included, so that not even which cells are empty
can be read. A total under `SMALL_CELL` is hidden with every cell of its tables.

Zeros are shown as zeros; counts of `SMALL_CELL` and more are exact. A threshold of 5
with complementary suppression is the common rule of thumb for published tables of
people.

Plain Python, no Django: tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SMALL_CELL = 5


@dataclass(frozen=True)
class Cell:
    value: str
    count: int | None  # None: hidden

    @property
    def suppressed(self) -> bool:
        return self.count is None


def is_small(count: int) -> bool:
    return 0 < count < SMALL_CELL


def total_shown(total: int) -> int | None:
    return None if is_small(total) else total


def protect(
    counts: Mapping[str, int], *, order: Iterable[str] | None = None, total_hidden: bool = False
) -> list[Cell]:
    """The cells of one table, in `order` (every value listed there, zeros included, then
    any other value in `counts` by value), with the rule applied.

    `total_hidden`: the table's total is not published (it was small itself, or the cells
    belong to a total that is hidden), so every cell is hidden."""
    values = list(dict.fromkeys([*(order or []), *sorted(counts)]))
    full = {value: counts.get(value, 0) for value in values}
    if total_hidden:
        return [Cell(value, None) for value in values]
    hidden = {value for value, n in full.items() if is_small(n)}
    while hidden and (len(hidden) < 2 or sum(full[v] for v in hidden) < SMALL_CELL):
        shown = sorted((n, v) for v, n in full.items() if n > 0 and v not in hidden)
        if not shown:
            return [Cell(value, None) for value in values]
        hidden.add(shown[0][1])
    return [Cell(value, None if value in hidden else full[value]) for value in values]
