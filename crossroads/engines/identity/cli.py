"""The command-line contract: ``crossroads dedupe`` and ``crossroads search``.

``dedupe_main`` and ``search_main`` take the arguments after the sub-command and return an
exit code: 0 on success, 2 on malformed input or arguments (one line on stderr, no traceback).
Neither needs a database or configuration. DuckDB is imported only by ``dedupe``.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import time
from collections.abc import Sequence
from typing import NoReturn

from .dates import parse_birth_date
from .records import PersonRecord

COLUMNS = ("id", "given_name", "family_name", "patronymic", "birth_date", "sex", "nationality")
_NATIONALITY = re.compile(r"^[A-Z]{2}$")


class InputError(Exception):
    """Malformed input; the message is the one line shown to the user."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise InputError(f"{self.prog}: {message}")


def read_records(path: str) -> list[PersonRecord]:
    """Read and validate a records CSV (see ``COLUMNS``); raise ``InputError`` if malformed."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(f"{path} line {line}: not valid UTF-8 (byte {error.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        raise InputError(f"{path}: empty file, expected header {','.join(COLUMNS)}") from None
    except csv.Error as error:
        raise InputError(f"{path} line 1: {error}") from None
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if duplicated:
        raise InputError(f"{path}: column(s) {', '.join(duplicated)} appear more than once")
    index = {name: header.index(name) for name in COLUMNS}
    records: list[PersonRecord] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != len(header):
                raise InputError(
                    f"{path} line {line}: expected {len(header)} fields, found {len(row)}"
                )
            values = {name: row[i].strip() for name, i in index.items()}
            record_id = values["id"]
            if not record_id:
                raise InputError(f"{path} line {line}: empty id")
            if record_id in seen:
                raise InputError(
                    f"{path} line {line}: duplicate id {record_id!r} (first on line "
                    f"{seen[record_id]})"
                )
            seen[record_id] = line
            try:
                parse_birth_date(values["birth_date"])
            except ValueError as error:
                raise InputError(f"{path} line {line}: {error}") from None
            sex = values["sex"].upper()
            if sex not in ("", "M", "F"):
                raise InputError(f"{path} line {line}: sex {values['sex']!r} is not M, F or empty")
            nationality = values["nationality"].upper()
            if nationality and not _NATIONALITY.match(nationality):
                raise InputError(
                    f"{path} line {line}: nationality {values['nationality']!r} is not an "
                    "ISO 3166-1 alpha-2 code"
                )
            records.append(
                PersonRecord(
                    id=record_id,
                    given_name=values["given_name"],
                    family_name=values["family_name"],
                    patronymic=values["patronymic"],
                    birth_date=values["birth_date"],
                    sex=sex,
                    nationality=nationality,
                )
            )
    except csv.Error as error:
        raise InputError(f"{path} line {reader.line_num}: {error}") from None
    return records


def _strip_command(argv: Sequence[str] | None, command: str) -> list[str]:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == command:
        args = args[1:]
    return args


def _fail(message: str) -> int:
    print(message.replace("\n", " "), file=sys.stderr)
    return 2


def dedupe_main(argv: Sequence[str] | None = None) -> int:
    """``crossroads dedupe INPUT.csv --clusters OUT.csv``: write ``id,cluster_id`` for every id."""
    parser = _Parser(prog="crossroads dedupe", description="Cluster a register into people.")
    parser.add_argument("input", metavar="INPUT.csv")
    parser.add_argument("--clusters", required=True, metavar="OUT.csv")
    try:
        args = parser.parse_args(_strip_command(argv, "dedupe"))
        records = read_records(args.input)
    except InputError as error:
        return _fail(str(error))
    from .dedupe import dedupe, write_clusters

    started = time.perf_counter()
    clusters = dedupe(records)
    elapsed = time.perf_counter() - started
    try:
        write_clusters(args.clusters, clusters)
    except OSError as error:
        return _fail(f"{args.clusters}: cannot write ({error.strerror or error})")
    n_clusters = len(set(clusters.values()))
    print(f"{len(records)} records in {n_clusters} clusters; deduplicated in {elapsed:.1f} s")
    return 0


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def search_main(argv: Sequence[str] | None = None) -> int:
    """``crossroads search --index INDEX.csv --queries QUERIES.csv --top 10 --output OUT.csv``.

    Writes ``query_id,rank,id,match_probability`` and prints the index build time and the
    per-query latency (one query at a time, after the build).
    """
    parser = _Parser(prog="crossroads search", description="Find registered people.")
    parser.add_argument("--index", required=True, metavar="INDEX.csv")
    parser.add_argument("--queries", required=True, metavar="QUERIES.csv")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--output", required=True, metavar="OUT.csv")
    try:
        args = parser.parse_args(_strip_command(argv, "search"))
        if args.top < 1:
            raise InputError("crossroads search: --top must be at least 1")
        indexed = read_records(args.index)
        queries = read_records(args.queries)
    except InputError as error:
        return _fail(str(error))
    from .index import SearchIndex

    started = time.perf_counter()
    index = SearchIndex.build(indexed)
    build_seconds = time.perf_counter() - started
    latencies: list[float] = []
    rows: list[tuple[str, int, str, str]] = []
    for query in queries:
        t0 = time.perf_counter()
        candidates = index.search(query, top=args.top)
        latencies.append((time.perf_counter() - t0) * 1000.0)
        for rank, candidate in enumerate(candidates, start=1):
            probability = min(1.0, max(0.0, candidate.probability))
            rows.append((query.id, rank, candidate.id, f"{probability:.6f}"))
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["query_id", "rank", "id", "match_probability"])
            writer.writerows(rows)
    except OSError as error:
        return _fail(f"{args.output}: cannot write ({error.strerror or error})")
    print(
        f"index built in {build_seconds:.1f} s; {len(queries)} queries: "
        f"p50 {_percentile(latencies, 0.50):.1f} ms, p95 {_percentile(latencies, 0.95):.1f} ms"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m crossroads.engines.identity dedupe|search ...``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "dedupe":
        return dedupe_main(args[1:])
    if args and args[0] == "search":
        return search_main(args[1:])
    return _fail("usage: python -m crossroads.engines.identity {dedupe,search} ...")
