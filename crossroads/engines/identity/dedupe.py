"""Batch deduplication of a whole register into clusters of one person each.

**Candidate pairs** come from DuckDB in blocking passes (``PASSES``). A pass gives each record
one or more block keys (its two name skeletons sorted, one name with the day of birth, the
father's name with the year...), built from every reading of each name (as written, German,
French, Slavic j, Russian г for h: ``keys.name_forms``), so Jussuf meets Yusuf and Магди
meets مهدي. A *sorted* pass orders each block (by birth date, father's name, the other name):
a block of at most twice the pass's window is joined whole, a larger one pairs each record
with the next ``window - 1`` records only (sorted neighbourhood), so the pass costs at most
``window - 1`` pairs per record whatever the register's size. An *anchored* pass gives a
record that has no place in such an order (no birth date, a year alone) every record of its
block, for blocks up to a fixed size. Pairs therefore grow linearly with the register and
the work as n·log n (the sorts).

**Scoring** never holds all pairs: DuckDB keeps the distinct pairs and hands them out in
chunks, which are scored with the same model as search (term frequencies and prior from the
batch), on every core where the platform can fork; only pairs at or above the threshold come
back, so memory is O(records + matches). Before the model, a screen (``_Screen``) sets aside
pairs that the model's documented guards keep below the threshold whatever the weights
(clearly different given names, family names or fathers' names), using memoised name
levels; a sample of those is scored anyway, and the screen turns itself off if the model
ever disagrees.

**Clustering** is union-find over the matches, strongest first, with a guard: two clusters are
not joined when their members conflict (stated sex, real birth dates, clearly different given
names), which stops A~B~C chains from merging two brothers through a vague third record.
"""

from __future__ import annotations

import csv
import gc
import os
import tempfile
import time
from array import array
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from typing import TypeAlias

from . import scoring
from .dates import dates_conflict
from .keys import name_forms, name_skeleton, outer_names
from .records import NameField, PersonRecord, PreparedRecord, prepare
from .scoring import NameFrequencies, compare_names, score_prepared

_GUARD_SAMPLE = 6
_DIFFERENT_GIVEN = frozenset(["disagree", "skeleton_latin", "initial"])


@dataclass(frozen=True, slots=True)
class BlockingPass:
    """One blocking pass, in SQL over the columns of ``_FEATURES`` (one row per reading of
    the given and family names of a record).

    Each of ``keys`` gives a record a block (NULL: not in this pass). A *sorted* pass orders
    each block by ``order``: a block of at most twice ``window`` is joined whole, a larger one
    pairs each record with the next ``window - 1``. An *anchored* pass (``anchor`` set) pairs
    the records meeting ``anchor`` with every other record of their block, for blocks of at
    most ``cap`` records.
    """

    name: str
    keys: tuple[str, ...]
    order: str = ""
    window: int = 0
    anchor: str = ""
    cap: int = 0


# SQL over the features: g, f, p are the given, family and father's name skeletons (NULL when
# missing; g and f once per reading), t the first and last name tokens sorted when a field
# holds several (NULL when no different from g and f); y/m/d the birth date (0 when unknown);
# day_known whether it is a real full date (not the 1 January placeholder).
_Y = "lpad(CAST(y AS VARCHAR), 4, '0')"
_MD = "lpad(CAST(m AS VARCHAR), 2, '0') || lpad(CAST(d AS VARCHAR), 2, '0')"
_YEAR = "CASE WHEN y > 0 THEN CAST(y AS VARCHAR) END"
_NAMES = "least(g, f) || '.' || greatest(g, f)"
_FATHER = "coalesce(p, '~')"
_ONE_NAME = "CASE WHEN g IS NULL OR f IS NULL OR g = f THEN coalesce(g, f) END"
_DATE_ORDER = f"{_Y} || {_MD} || {_FATHER}"
_NAME_WINDOW = 8
_DATE_WINDOW = 5

PASSES: tuple[BlockingPass, ...] = (
    # both names in either order (swapped fields sort alike), or the first and last of
    # several names in one field; by date then father
    BlockingPass("n", (_NAMES, "t"), _DATE_ORDER, _NAME_WINDOW),
    # both names and the father's, by date
    BlockingPass("np", (f"{_NAMES} || '.' || p",), f"{_Y} || {_MD}", _NAME_WINDOW),
    # one name only (the other field empty or holding the same name): by date, by father
    BlockingPass("o", (_ONE_NAME,), _DATE_ORDER, _NAME_WINDOW),
    BlockingPass(
        "op",
        (f"CASE WHEN p IS NOT NULL THEN {_ONE_NAME} END",),
        f"p || {_Y} || {_MD}",
        _DATE_WINDOW,
    ),
    # one name and the day of birth, by year then the other name: the other name misspelt,
    # a year slip
    BlockingPass(
        "gd",
        (f"CASE WHEN day_known THEN g || {_MD} END",),
        f"{_Y} || coalesce(f, '')",
        _DATE_WINDOW,
    ),
    BlockingPass(
        "fd",
        (f"CASE WHEN day_known THEN f || {_MD} END",),
        f"{_Y} || coalesce(g, '')",
        _DATE_WINDOW,
    ),
    # family name and father's name, by date then given name: a misspelt given name
    BlockingPass("fp", ("f || '.' || p",), f"{_Y} || {_MD} || coalesce(g, '')", _DATE_WINDOW),
    # the full birth date, by names: both names spelt differently
    BlockingPass(
        "d",
        (f"CASE WHEN day_known THEN {_Y} || {_MD} END",),
        f"coalesce({_NAMES}, g, f, '')",
        _DATE_WINDOW,
    ),
    # the given name with the father's name, or with the family-name field, which may hold
    # the father's name (Afghan and Pakistani practice), by date: Mohammad / Nazir meets
    # Mohammad, father Nazir
    BlockingPass("gq", ("g || '.' || p", "g || '.' || f"), _DATE_ORDER, _NAME_WINDOW),
    # father's name and birth year, by names
    BlockingPass(
        "py", (f"p || '.' || {_YEAR}",), "coalesce(g, '') || '.' || coalesce(f, '')", _DATE_WINDOW
    ),
    # no birth date: every record of the same names (and father)
    BlockingPass("an", (_NAMES,), anchor="y = 0", cap=50),
    BlockingPass("anp", (f"{_NAMES} || '.' || p",), anchor="y = 0", cap=200),
    BlockingPass("afp", ("f || '.' || p",), anchor="y = 0", cap=100),
    BlockingPass("agq", ("g || '.' || p", "g || '.' || f"), anchor="y = 0", cap=100),
    # a year alone (or the 1 January placeholder): everyone of the names born that year
    BlockingPass("any", (f"{_NAMES} || '.' || {_YEAR}",), anchor="NOT day_known", cap=200),
    BlockingPass("afy", (f"f || '.' || {_YEAR}",), anchor="NOT day_known", cap=30),
)

# one row per record: the columns the passes read (gr, fr: the other readings of g and f)
_FEATURES = {
    "rid": "INTEGER",
    "sex": "VARCHAR",
    "g": "VARCHAR",
    "f": "VARCHAR",
    "gr": "VARCHAR",
    "fr": "VARCHAR",
    "p": "VARCHAR",
    "t": "VARCHAR",
    "y": "INTEGER",
    "m": "INTEGER",
    "d": "INTEGER",
    "day_known": "BOOLEAN",
}

_CHUNK = 20_000  # pairs per scoring task


def _feature_row(pos: int, record: PreparedRecord) -> str:
    birth = record.birth
    year, month, day = (birth.year, birth.month, birth.day) if birth else (0, 0, 0)
    day_known = "true" if birth is not None and birth.is_full else "false"
    given = name_forms(record.given) or ("",)
    family = name_forms(record.family) or ("",)
    father = name_skeleton(record.patronymic)
    outer = sorted(outer_names(record))
    same = outer == sorted((given[0], family[0])) or outer[0] == outer[1]
    tokens = "" if same else ".".join(outer)
    return (
        f"{pos}\t{record.sex}\t{given[0]}\t{family[0]}\t{'|'.join(given[1:])}\t"
        f"{'|'.join(family[1:])}\t{father}\t{tokens}\t{year}\t{month}\t{day}\t{day_known}\n"
    )


def _sql_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _readings(column: str) -> str:
    # the base form, then the other readings
    other = column + "r"
    return (
        f"unnest(CASE WHEN {other} IS NULL THEN [{column}] "
        f"ELSE list_prepend({column}, string_split({other}, '|')) END)"
    )


def _pairs_sql(passes: Sequence[BlockingPass], max_block: int | None) -> list[str]:
    """Statements that leave the distinct candidate pairs in table ``pairs(a, b)``."""
    sorted_keys: list[str] = []
    anchored_keys: list[str] = []
    for p in passes:
        prefix = _sql_quote(p.name + "|")
        for key in p.keys:
            if p.anchor:
                anchored_keys.append(
                    f"SELECT rid, {prefix} || ({key}) AS key, ({p.anchor}) AS anchor, "
                    f"{p.cap} AS cap FROM rx WHERE ({key}) IS NOT NULL"
                )
            else:
                whole = max_block if max_block is not None else 2 * p.window
                sorted_keys.append(
                    f"SELECT rid, {prefix} || ({key}) AS key, ({p.order}) AS sk, "
                    f"{max(2, p.window)} AS w, {whole} AS whole FROM rx WHERE ({key}) IS NOT NULL"
                )
    statements = [
        # one row per reading of the given and family names
        f"""CREATE TEMP TABLE rx AS
            SELECT * EXCLUDE (f, fr), {_readings("f")} AS f
            FROM (SELECT * EXCLUDE (g, gr), {_readings("g")} AS g FROM r)""",
    ]
    raw: list[str] = []
    if sorted_keys:
        statements += [
            f"CREATE TEMP TABLE k AS SELECT DISTINCT * FROM ({' UNION ALL '.join(sorted_keys)})",
            """CREATE TEMP TABLE kk AS
               SELECT rid, key, w, whole, count(*) OVER (PARTITION BY key) AS n,
                      row_number() OVER (PARTITION BY key ORDER BY sk, rid) AS o
               FROM k""",
            "DROP TABLE k",
            "CREATE TEMP TABLE small AS SELECT rid, key FROM kk WHERE n > 1 AND n <= whole",
            "CREATE TEMP TABLE big AS SELECT rid, key, w, o, o // w AS bucket FROM kk "
            "WHERE n > whole",
            "DROP TABLE kk",
        ]
        raw += [
            "SELECT x.rid AS a, y.rid AS b FROM small x JOIN small y ON x.key = y.key "
            "WHERE x.rid < y.rid",
            # neighbours in the same bucket of ``window`` records, or in the next one
            "SELECT x.rid, y.rid FROM big x JOIN big y ON x.key = y.key AND x.bucket = y.bucket "
            "WHERE y.o > x.o AND x.rid <> y.rid",
            "SELECT x.rid, y.rid FROM big x JOIN big y "
            "ON x.key = y.key AND y.bucket = x.bucket + 1 WHERE y.o < x.o + x.w AND x.rid <> y.rid",
        ]
    if anchored_keys:
        statements.append(
            f"""CREATE TEMP TABLE ak AS
                SELECT * FROM (
                    SELECT rid, key, bool_or(anchor) AS anchor, min(cap) AS cap,
                           count(*) OVER (PARTITION BY key) AS n
                    FROM ({" UNION ALL ".join(anchored_keys)})
                    GROUP BY rid, key
                ) WHERE n > 1 AND n <= cap"""
        )
        raw.append(
            "SELECT x.rid, y.rid FROM ak x JOIN ak y ON x.key = y.key "
            "WHERE x.anchor AND x.rid <> y.rid"
        )
    statements += [
        "DROP TABLE rx",
        f"CREATE TEMP TABLE raw_pairs AS {' UNION ALL '.join(raw)}"
        if raw
        else "CREATE TEMP TABLE raw_pairs (a INTEGER, b INTEGER)",
        "DROP TABLE IF EXISTS small",
        "DROP TABLE IF EXISTS big",
        "DROP TABLE IF EXISTS ak",
        # a pair whose stated sexes differ cannot be one person (the model caps it)
        """CREATE TEMP TABLE pairs AS
           SELECT DISTINCT least(q.a, q.b) AS a, greatest(q.a, q.b) AS b
           FROM raw_pairs q JOIN r ra ON ra.rid = q.a JOIN r rb ON rb.rid = q.b
           WHERE ra.sex IS NULL OR rb.sex IS NULL OR ra.sex = rb.sex""",
        "DROP TABLE raw_pairs",
    ]
    return statements


class _PairSource:
    """The candidate pairs of a register, computed in DuckDB and read in chunks."""

    def __init__(
        self,
        prepared: Sequence[PreparedRecord],
        workdir: str,
        *,
        passes: Sequence[BlockingPass] = PASSES,
        max_block: int | None = None,
    ) -> None:
        import duckdb  # lazy: the search command and the product's request path never need it

        features = os.path.join(workdir, "features.tsv")
        with open(features, "w", encoding="utf-8", newline="") as out:
            for pos, record in enumerate(prepared):
                out.write(_feature_row(pos, record))
        self.con = duckdb.connect(":memory:")
        con = self.con
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"SET temp_directory = {_sql_quote(os.path.join(workdir, 'duckdb'))}")
        con.execute("SET memory_limit = '3GB'")
        columns = ", ".join(f"{_sql_quote(k)}: {_sql_quote(v)}" for k, v in _FEATURES.items())
        con.execute(
            "CREATE TEMP TABLE r AS SELECT * FROM read_csv(?, delim='\t', header=false, "
            f"quote='', escape='', columns={{{columns}}})",
            [features],
        )
        os.remove(features)
        for statement in _pairs_sql(passes, max_block):
            con.execute(statement)
        count = con.execute("SELECT count(*) FROM pairs").fetchone()
        self.count = int(count[0]) if count else 0

    def chunks(self, size: int = _CHUNK) -> Iterator[array[int]]:
        """The pairs as flat arrays ``[a0, b0, a1, b1, ...]`` of at most ``size`` pairs, in
        order of the first record (a record's pairs together: its name levels are reused)."""
        result = self.con.execute("SELECT a, b FROM pairs ORDER BY a, b")
        while True:
            rows = result.fetchmany(size)
            if not rows:
                return
            flat = array("i")
            for a, b in rows:
                flat.append(a)
                flat.append(b)
            yield flat

    def close(self) -> None:
        self.con.close()


def iter_candidate_pairs(
    prepared: Sequence[PreparedRecord],
    *,
    max_block: int | None = None,
    workdir: str | None = None,
    chunk: int = _CHUNK,
) -> Iterator[list[tuple[int, int]]]:
    """Pairs of positions in ``prepared`` (``i < j``) that a blocking pass puts together, in
    chunks of at most ``chunk``."""
    if len(prepared) < 2:
        return
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        source = _PairSource(prepared, tmp, max_block=max_block)
        try:
            for flat in source.chunks(chunk):
                yield list(zip(flat[0::2], flat[1::2], strict=True))
        finally:
            source.close()


def candidate_pairs(
    prepared: Sequence[PreparedRecord], *, max_block: int | None = None, workdir: str | None = None
) -> list[tuple[int, int]]:
    """All candidate pairs of positions in ``prepared`` (``i < j``), as one list.

    For small registers and tests; ``dedupe`` streams them instead (``iter_candidate_pairs``).
    """
    pairs: list[tuple[int, int]] = []
    for part in iter_candidate_pairs(prepared, max_block=max_block, workdir=workdir):
        pairs.extend(part)
    return pairs


_RESCUING = frozenset(["exact", "transliteration", "skeleton_arabic"])
_AGREEING_GIVEN = frozenset(["exact", "transliteration"])
_DIFFERENT_FAMILY = frozenset(["disagree", "skeleton_latin"])


def _cap(name: str) -> float:
    """A probability cap of the model (1.0, no cap, if the model no longer has it)."""
    value = getattr(scoring, name, 1.0)
    return float(value) if isinstance(value, int | float) else 1.0


class _NameLevels:
    """``compare_names`` memoised on the identity of the two fields: prepared records share
    one ``NameField`` object per distinct name, and a register's candidate pairs compare the
    same few names over and over. The memo is emptied when it reaches ``size`` entries."""

    def __init__(self, size: int = 500_000) -> None:
        self.size = size
        self.memo: dict[tuple[int, int], str] = {}

    def __call__(self, a: NameField, b: NameField) -> str:
        key = (id(a), id(b))
        level = self.memo.get(key)
        if level is None:
            if len(self.memo) >= self.size:
                self.memo.clear()
            level = self.memo[key] = compare_names(a, b)
        return level


class _Screen:
    """Pairs that the model's guards keep below the threshold, found on name levels alone.

    The model caps a pair whose given names clearly differ (``CAP_DIFFERENT_GIVEN_NAME``) and,
    lower down, one whose family names or fathers' names clearly differ
    (``CAP_DIFFERENT_NAME``), whatever the other fields say. Most candidate pairs of a big
    register are such relatives and namesakes; recognising them from the name levels (each
    pair of name fields compared once, ``compare_names`` memoised) costs a fraction of a full
    score. The rules below follow ``score_prepared``'s guards including its swapped readings;
    since the model may change, every ``check_every``-th pair set aside (and each of the first
    ``check_first``) is scored anyway, and the screen stops for good at the first one the
    model would have kept.
    """

    def __init__(
        self,
        threshold: float,
        *,
        check_first: int = 20_000,
        check_every: int = 50,
    ) -> None:
        self.given_capped = _cap("CAP_DIFFERENT_GIVEN_NAME") < threshold
        self.names_capped = _cap("CAP_DIFFERENT_NAME") < threshold
        self.on = self.given_capped
        self.check_first = check_first
        self.check_every = check_every
        self.level = _NameLevels()
        self.set_aside = 0
        self.checked = 0
        self.disagreed = 0

    def capped(self, a: PreparedRecord, b: PreparedRecord) -> bool:
        """True when a guard caps the pair below the threshold in every reading."""
        level = self.level
        if scoring.father_in_family_field(a, b, level) is not None:
            return False  # the model reads the family-name field as the father's name
        if self.names_capped and level(a.patronymic, b.patronymic) == "disagree":
            return True
        ag, bg, af, bf = a.given, b.given, a.family, b.family
        if not (ag.present and bg.present):
            return False
        given = level(ag, bg)
        if given in _DIFFERENT_GIVEN:
            if not af.present and not bf.present:
                return True  # no swapped reading to try
            if not (af.present and bf.present):
                return False  # a swapped reading could leave the given name "missing"
            if level(af, bg) not in _DIFFERENT_GIVEN or level(ag, bf) not in _DIFFERENT_GIVEN:
                return False
            if level(af, bf) not in _RESCUING:
                return True
            # read swapped, the family names stand in for the given names: the given name
            # counts as "one of several", and the family names, compared crosswise, differ
            return self.names_capped and level(af, bg) != "initial" and level(ag, bf) != "initial"
        return (
            self.names_capped
            and given in _AGREEING_GIVEN
            and af.present
            and bf.present
            and level(af, bf) in _DIFFERENT_FAMILY
        )

    def should_check(self) -> bool:
        return self.set_aside <= self.check_first or self.set_aside % self.check_every == 0


# Work shared with forked scoring processes (copy-on-write, nothing pickled but the pairs).
_SHARED: tuple[Sequence[PreparedRecord], NameFrequencies, float, bool] | None = None
_SCREEN: _Screen | None = None
_PARALLEL_MIN_RECORDS = 20_000

_Scored: TypeAlias = "tuple[array[int], array[float], tuple[int, int, int, int]]"


def _score_chunk(flat: array[int]) -> _Scored:
    """Score pairs ``flat = [a0, b0, a1, b1, ...]``; keep those at or above the threshold.

    Also returns (pairs scored, set aside by the screen, set-aside pairs checked, checks
    the model disagreed with)."""
    global _SCREEN
    assert _SHARED is not None
    prepared, frequencies, threshold, screen_on = _SHARED
    if _SCREEN is None:
        _SCREEN = _Screen(threshold)
        _SCREEN.on = _SCREEN.on and screen_on
    screen = _SCREEN
    start = (screen.set_aside, screen.checked, screen.disagreed)
    kept = array("i")
    probabilities = array("d")
    scored = 0
    for k in range(0, len(flat), 2):
        a = prepared[flat[k]]
        b = prepared[flat[k + 1]]
        aside = screen.on and screen.capped(a, b)
        if aside:
            screen.set_aside += 1
            if not screen.should_check():
                continue
            screen.checked += 1
        match = score_prepared(a, b, explain=False, frequencies=frequencies)
        scored += 1
        if match.probability >= threshold:
            if aside:
                screen.disagreed += 1
                screen.on = False  # the model changed: score everything from now on
            kept.append(flat[k])
            kept.append(flat[k + 1])
            probabilities.append(match.probability)
    counts = (
        scored,
        screen.set_aside - start[0],
        screen.checked - start[1],
        screen.disagreed - start[2],
    )
    return kept, probabilities, counts


def _workers(requested: int | None, n_records: int) -> int:
    if requested is not None:
        return max(1, requested)
    if n_records < _PARALLEL_MIN_RECORDS:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def _score_all(
    prepared: Sequence[PreparedRecord],
    frequencies: NameFrequencies,
    threshold: float,
    *,
    workers: int,
    max_block: int | None,
    screen: bool,
    stats: dict[str, float],
) -> tuple[array[int], array[float]]:
    """Every candidate pair scored; the matches as ``([a0, b0, ...], [p0, ...])``."""
    global _SHARED, _SCREEN
    kept = array("i")
    probabilities = array("d")
    totals = [0, 0, 0, 0]

    def collect(result: _Scored) -> None:
        part, probs, counts = result
        kept.extend(part)
        probabilities.extend(probs)
        for i, count in enumerate(counts):
            totals[i] += count

    with tempfile.TemporaryDirectory() as tmp:
        _SHARED = (prepared, frequencies, threshold, screen)
        _SCREEN = None
        pool = None
        try:
            if workers > 1:
                import multiprocessing

                if "fork" in multiprocessing.get_all_start_methods():
                    # forked before DuckDB starts its threads; frozen objects are never
                    # visited by the children's garbage collector, so their pages stay shared
                    gc.collect()
                    gc.freeze()
                    pool = multiprocessing.get_context("fork").Pool(workers)
            started = time.perf_counter()
            source = _PairSource(prepared, tmp, max_block=max_block)
            stats["candidate_pairs"] = source.count
            stats["seconds_blocking"] = time.perf_counter() - started
            try:
                if pool is None:
                    for flat in source.chunks():
                        collect(_score_chunk(flat))
                else:
                    pending: deque[AsyncResult[_Scored]] = deque()
                    for flat in source.chunks():
                        pending.append(pool.apply_async(_score_chunk, (flat,)))
                        while len(pending) >= 4 * workers:
                            collect(pending.popleft().get())
                    while pending:
                        collect(pending.popleft().get())
            finally:
                source.close()
        finally:
            if pool is not None:
                pool.close()
                pool.join()
                gc.unfreeze()
            _SHARED = None
            _SCREEN = None
    stats["scored"], stats["screened_out"], stats["screen_checked"], stats["screen_wrong"] = (
        float(t) for t in totals
    )
    stats["screened_out"] -= stats["screen_checked"]
    stats["matches"] = len(probabilities)
    return kept, probabilities


class _Clusters:
    """Union-find with per-cluster member samples for the anti-chaining guard."""

    def __init__(self, prepared: Sequence[PreparedRecord]) -> None:
        self.prepared = prepared
        self.parent = list(range(len(prepared)))
        self.members: dict[int, list[int]] = {}
        self.levels = _NameLevels()

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _sample(self, root: int) -> list[int]:
        return self.members.get(root, [root])

    def conflict(self, ra: int, rb: int) -> bool:
        level = self.levels
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
                    and level(a.given, b.given) in _DIFFERENT_GIVEN
                    and level(a.given, b.family) in _DIFFERENT_GIVEN
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
    max_block: int | None = None,
    workers: int | None = None,
    screen: bool = True,
    stats: dict[str, float] | None = None,
) -> dict[str, str]:
    """Cluster ``records`` into people: ``{record id: cluster id}``.

    The cluster id is the id of the cluster's first record in input order; a record with no
    match is its own cluster. ``max_block`` overrides the size up to which a block of a sorted
    pass is joined whole (default: twice the pass's window); ``workers`` the number of
    scoring processes (default: one per core for registers of 20,000 records or more, else
    none); ``screen=False`` scores every candidate pair with the model. ``stats``, if given,
    is filled with counts (candidate pairs, pairs scored, screened out, matches) and seconds.
    """
    figures: dict[str, float] = {} if stats is None else stats
    started = time.perf_counter()
    prepared = [r if isinstance(r, PreparedRecord) else prepare(r) for r in records]
    figures["records"] = len(prepared)
    figures["seconds_prepare"] = time.perf_counter() - started
    clusters = _Clusters(prepared)
    if len(prepared) > 1:
        started = time.perf_counter()
        frequencies = NameFrequencies.of(prepared)
        n_workers = _workers(workers, len(prepared))
        figures["workers"] = n_workers
        kept, probabilities = _score_all(
            prepared,
            frequencies,
            threshold,
            workers=n_workers,
            max_block=max_block,
            screen=screen,
            stats=figures,
        )
        figures["seconds_scoring"] = time.perf_counter() - started - figures["seconds_blocking"]
        started = time.perf_counter()
        # strongest first; ties in a fixed order, whatever order the workers finished in
        order = sorted(
            range(len(probabilities)),
            key=lambda k: (-probabilities[k], kept[2 * k], kept[2 * k + 1]),
        )
        for k in order:
            clusters.union(kept[2 * k], kept[2 * k + 1])
        figures["seconds_clustering"] = time.perf_counter() - started
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
