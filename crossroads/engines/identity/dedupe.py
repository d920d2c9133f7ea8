"""Batch deduplication of a whole register into clusters of one person each.

Candidate pairs come from DuckDB: the blocking keys of every record go into a key table,
and a self-join on the key yields the pairs. Blocks larger than ``max_block`` are cut into
windows of a sorted order (sorted neighbourhood inside the block, two overlapping window
grids), so the number of pairs grows linearly with the register and the sort as n·log n.
Pairs are scored in Python with the same model as search, and clustered by connected
components over pairs at or above the threshold, with a guard: two clusters are not joined
when their members conflict (stated sex, real birth dates, clearly different given names),
which stops A~B~C chains from merging two brothers through a vague third record.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Sequence

from .dates import dates_conflict
from .keys import SINGLE_NAME_PREFIX, blocking_keys
from .records import PersonRecord, PreparedRecord, prepare
from .scoring import NameFrequencies, compare_names, score_prepared

_GUARD_SAMPLE = 6
_DIFFERENT_GIVEN = frozenset(["disagree", "skeleton_latin", "initial"])


def candidate_pairs(
    prepared: Sequence[PreparedRecord], *, max_block: int = 100, workdir: str | None = None
) -> list[tuple[int, int]]:
    """Pairs of positions in ``prepared`` that share a blocking key (in DuckDB)."""
    import duckdb  # lazy: the search command and the product's request path never need it

    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        keys_path = os.path.join(tmp, "keys.tsv")
        recs_path = os.path.join(tmp, "records.tsv")
        with (
            open(keys_path, "w", encoding="utf-8", newline="") as keys_out,
            open(recs_path, "w", encoding="utf-8", newline="") as recs_out,
        ):
            n_keys = 0
            for pos, record in enumerate(prepared):
                for key in blocking_keys(record):
                    if not key.startswith(SINGLE_NAME_PREFIX):
                        keys_out.write(f"{pos}\t{key}\n")
                        n_keys += 1
                year = record.birth.year if record.birth else 0
                sort_key = (
                    record.given.joined_phonetic
                    + "|"
                    + record.family.joined_phonetic
                    + "|"
                    + str(year)
                )
                recs_out.write(f"{pos}\t{record.sex or record.implied_sex}\t{sort_key}\n")
        if n_keys == 0:
            return []
        con = duckdb.connect(":memory:")
        try:
            con.execute("SET preserve_insertion_order = false")
            con.execute(
                "CREATE TABLE k AS SELECT * FROM read_csv(?, delim='\t', header=false, "
                "quote='', escape='', columns={'rid': 'INTEGER', 'key': 'VARCHAR'})",
                [keys_path],
            )
            con.execute(
                "CREATE TABLE r AS SELECT * FROM read_csv(?, delim='\t', header=false, "
                "quote='', escape='', "
                "columns={'rid': 'INTEGER', 'sex': 'VARCHAR', 'sk': 'VARCHAR'})",
                [recs_path],
            )
            half = max(1, max_block // 2)
            con.execute(
                f"""
                CREATE TABLE kb AS
                WITH sizes AS (SELECT key, count(*) AS n FROM k GROUP BY key HAVING count(*) > 1),
                big AS (
                    SELECT k.key, k.rid,
                           row_number() OVER (PARTITION BY k.key ORDER BY r.sk, k.rid) - 1 AS pos
                    FROM k JOIN sizes s USING (key) JOIN r USING (rid)
                    WHERE s.n > {max_block}
                )
                SELECT k.key AS bkey, k.rid FROM k JOIN sizes s USING (key) WHERE s.n <= {max_block}
                UNION ALL
                SELECT key || '#' || CAST(pos // {max_block} AS VARCHAR), rid FROM big
                UNION ALL
                SELECT key || '@' || CAST((pos + {half}) // {max_block} AS VARCHAR), rid FROM big
                """
            )
            result = con.execute(
                """
                SELECT DISTINCT a.rid, b.rid
                FROM kb a JOIN kb b ON a.bkey = b.bkey AND a.rid < b.rid
                JOIN r ra ON ra.rid = a.rid JOIN r rb ON rb.rid = b.rid
                WHERE ra.sex IS NULL OR rb.sex IS NULL OR ra.sex = rb.sex
                """
            )
            pairs: list[tuple[int, int]] = []
            while True:
                chunk = result.fetchmany(200_000)
                if not chunk:
                    break
                pairs.extend(chunk)
            return pairs
        finally:
            con.close()


# Work shared with forked scoring processes (copy-on-write, nothing pickled but the ranges).
_SHARED: tuple[Sequence[PreparedRecord], list[tuple[int, int]], NameFrequencies, float] | None
_SHARED = None
_PARALLEL_MIN_PAIRS = 200_000


def _score_range(bounds: tuple[int, int]) -> list[tuple[float, int, int]]:
    assert _SHARED is not None
    prepared, pairs, frequencies, threshold = _SHARED
    matched: list[tuple[float, int, int]] = []
    for i, j in pairs[bounds[0] : bounds[1]]:
        match = score_prepared(prepared[i], prepared[j], explain=False, frequencies=frequencies)
        if match.probability >= threshold:
            matched.append((match.probability, i, j))
    return matched


def _score_pairs(
    prepared: Sequence[PreparedRecord],
    pairs: list[tuple[int, int]],
    frequencies: NameFrequencies,
    threshold: float,
) -> list[tuple[float, int, int]]:
    """Score candidate pairs, on every core where the platform can fork."""
    global _SHARED
    _SHARED = (prepared, pairs, frequencies, threshold)
    try:
        workers = min(os.cpu_count() or 1, 8)
        if len(pairs) < _PARALLEL_MIN_PAIRS or workers < 2:
            return _score_range((0, len(pairs)))
        import multiprocessing

        try:
            context = multiprocessing.get_context("fork")
        except ValueError:
            return _score_range((0, len(pairs)))
        step = max(1, len(pairs) // (workers * 8) + 1)
        ranges = [(k, min(k + step, len(pairs))) for k in range(0, len(pairs), step)]
        matched: list[tuple[float, int, int]] = []
        with context.Pool(workers) as pool:
            for part in pool.imap_unordered(_score_range, ranges):
                matched.extend(part)
        return matched
    finally:
        _SHARED = None


class _Clusters:
    """Union-find with per-cluster member samples for the anti-chaining guard."""

    def __init__(self, prepared: Sequence[PreparedRecord]) -> None:
        self.prepared = prepared
        self.parent = list(range(len(prepared)))
        self.members: dict[int, list[int]] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _sample(self, root: int) -> list[int]:
        return self.members.get(root, [root])

    def conflict(self, ra: int, rb: int) -> bool:
        for i in self._sample(ra):
            a = self.prepared[i]
            for j in self._sample(rb):
                b = self.prepared[j]
                if a.sex and b.sex and a.sex != b.sex:
                    return True
                if dates_conflict(a.birth, b.birth):
                    return True
                if (
                    a.given.present
                    and b.given.present
                    and compare_names(a.given, b.given) in _DIFFERENT_GIVEN
                    and compare_names(a.given, b.family) in _DIFFERENT_GIVEN
                ):
                    return True
        return False

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if (ra in self.members or rb in self.members) and self.conflict(ra, rb):
            return
        if len(self._sample(ra)) < len(self._sample(rb)):
            ra, rb = rb, ra
        self.parent[rb] = ra
        merged = self._sample(ra) + self._sample(rb)
        self.members[ra] = merged[:_GUARD_SAMPLE]
        self.members.pop(rb, None)


def dedupe(
    records: Sequence[PersonRecord | PreparedRecord],
    *,
    threshold: float = 0.5,
    max_block: int = 100,
) -> dict[str, str]:
    """Cluster ``records`` into people: ``{record id: cluster id}``.

    The cluster id is the id of the cluster's first record in input order; a record with no
    match is its own cluster.
    """
    prepared = [r if isinstance(r, PreparedRecord) else prepare(r) for r in records]
    pairs = candidate_pairs(prepared, max_block=max_block)
    frequencies = NameFrequencies.of(prepared)
    matched = _score_pairs(prepared, pairs, frequencies, threshold)
    matched.sort(reverse=True)
    clusters = _Clusters(prepared)
    for _, i, j in matched:
        clusters.union(i, j)
    first_of_root: dict[int, int] = {}
    result: dict[str, str] = {}
    for pos, record in enumerate(prepared):
        root = clusters.find(pos)
        first = first_of_root.setdefault(root, pos)
        result[record.id] = prepared[first].id
    return result


def write_clusters(path: str, clusters: dict[str, str]) -> None:
    """Write ``id,cluster_id`` rows."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "cluster_id"])
        writer.writerows(clusters.items())
