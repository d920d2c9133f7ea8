"""An in-memory search index: "has this person been registered before?" in real time.

Candidates come from the blocking keys (``keys.blocking_keys``); blocks larger than
``max_block`` are not read (they carry little information, like a key "Mohammad, 1990");
candidates are ranked by how many keys they share with the query, the best
``max_candidates`` are scored with the full model and the ``top`` best returned.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from .keys import SINGLE_NAME_PREFIX, blocking_keys, query_keys
from .records import PersonRecord, PreparedRecord, prepare
from .scoring import SEARCH_PRIOR_SHIFT, NameFrequencies, score_prepared


@dataclass(frozen=True, slots=True)
class Candidate:
    """One search result: the registered record's id, the match probability and why."""

    id: str
    probability: float
    explanation: dict[str, str] = field(default_factory=dict)


class SearchIndex:
    """Records and their blocking keys, kept up to date by ``add``, ``remove`` and ``update``."""

    def __init__(self, *, max_block: int = 5000, max_candidates: int = 120) -> None:
        self.max_block = max_block
        self.max_candidates = max_candidates
        self._prepared: list[PreparedRecord | None] = []
        self._keys: list[tuple[str, ...]] = []
        self._slot_of: dict[str, int] = {}
        self._blocks: dict[str, list[int]] = {}
        self.frequencies = NameFrequencies()

    @classmethod
    def build(cls, records: Iterable[PersonRecord | PreparedRecord], **options: int) -> SearchIndex:
        """An index of ``records`` (ids must be unique)."""
        index = cls(**options)
        for record in records:
            index.add(record)
        return index

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._slot_of

    def add(self, record: PersonRecord | PreparedRecord) -> None:
        """Register a record; raises ``KeyError`` if its id is already indexed."""
        prepared = record if isinstance(record, PreparedRecord) else prepare(record)
        if prepared.id in self._slot_of:
            raise KeyError(f"id {prepared.id!r} is already in the index")
        slot = len(self._prepared)
        keys = tuple(blocking_keys(prepared))
        self._prepared.append(prepared)
        self._keys.append(keys)
        self._slot_of[prepared.id] = slot
        self.frequencies.add(prepared)
        blocks = self._blocks
        for key in keys:
            block = blocks.get(key)
            if block is None:
                blocks[key] = [slot]
            else:
                block.append(slot)

    def remove(self, record_id: str) -> None:
        """Forget a record; raises ``KeyError`` if the id is not indexed."""
        slot = self._slot_of.pop(record_id)
        for key in self._keys[slot]:
            block = self._blocks[key]
            block.remove(slot)
            if not block:
                del self._blocks[key]
        prepared = self._prepared[slot]
        if prepared is not None:
            self.frequencies.remove(prepared)
        self._prepared[slot] = None
        self._keys[slot] = ()

    def update(self, record: PersonRecord | PreparedRecord) -> None:
        """Replace the indexed record with the same id (adds it if it is new)."""
        record_id = record.id
        if record_id in self._slot_of:
            self.remove(record_id)
        self.add(record)

    def get(self, record_id: str) -> PreparedRecord:
        """The prepared record with this id."""
        prepared = self._prepared[self._slot_of[record_id]]
        assert prepared is not None
        return prepared

    def search(
        self,
        record: PersonRecord | PreparedRecord,
        top: int = 10,
        *,
        exclude_id: str | None = None,
    ) -> list[Candidate]:
        """The ``top`` most probable matches of ``record``, best first.

        ``exclude_id`` leaves one indexed record out (the record itself, when an officer edits
        a registered person and asks "is this person registered twice?").
        """
        query = record if isinstance(record, PreparedRecord) else prepare(record)
        keys = query_keys(query)
        # Candidates are ranked by the keys they share with the query, each weighing less
        # the larger its block (a shared "Mohammad, 1990" says less than a shared father's
        # name and birthday); a lone name (t:) weighs half. Blocks over max_block are read
        # only when nothing else is found.
        weights: dict[int, float] = {}
        skipped: list[list[int]] = []
        for key in keys:
            block = self._blocks.get(key)
            if block is None:
                continue
            if len(block) > self.max_block:
                skipped.append(block)
                continue
            weight = 1.0 / math.log2(2 + len(block))
            if key.startswith(SINGLE_NAME_PREFIX):
                if len(block) > self.max_block // 5:
                    continue
                weight /= 2
            for slot in block:
                weights[slot] = weights.get(slot, 0.0) + weight
        if not weights and skipped:
            for slot in min(skipped, key=len)[: self.max_block]:
                weights[slot] = 1.0
        own = self._slot_of.get(exclude_id) if exclude_id is not None else None
        if own is not None:
            weights.pop(own, None)
        if len(weights) > self.max_candidates:
            slots = heapq.nlargest(self.max_candidates, weights, key=weights.__getitem__)
        else:
            slots = list(weights)
        scored: list[tuple[float, float, int]] = []
        prepared = self._prepared
        for slot in slots:
            other = prepared[slot]
            if other is None:
                continue
            match = score_prepared(
                query,
                other,
                explain=False,
                frequencies=self.frequencies,
                prior_shift=SEARCH_PRIOR_SHIFT,
            )
            scored.append((match.probability, match.weight, slot))
        scored.sort(key=lambda item: (-item[0], -item[1]))
        results: list[Candidate] = []
        for _, _, slot in scored[:top]:
            other = prepared[slot]
            assert other is not None
            match = score_prepared(
                query, other, frequencies=self.frequencies, prior_shift=SEARCH_PRIOR_SHIFT
            )
            results.append(Candidate(other.id, match.probability, match.explanation))
        return results
