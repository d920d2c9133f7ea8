"""The systems under test, each step run in its own child process by ``run.py``.

    python -m bench.identity.systems engine-dedupe  DATA OUT
    python -m bench.identity.systems engine-search  DATA OUT
    python -m bench.identity.systems splink-dedupe  DATA OUT
    python -m bench.identity.systems splink-search  DATA OUT [--timed-queries N]

Each writes its output CSVs into OUT and a ``<step>.json`` with its own timings; the parent
measures wall time and peak memory (``ru_maxrss`` of the child from ``os.wait4``), so each
figure is the cost of that step alone, start-up included.

Our engine is run through its command-line contract (``cli.dedupe_main`` / ``cli.search_main``),
exactly what ``crossroads dedupe`` / ``crossroads search`` call. Splink is set up as its
documentation recommends (see ``splink_settings``).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SPLINK_THRESHOLDS = (0.95, 0.5)  # 0.95 as in Splink's deduplication example; 0.5 as ours


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")


# --- our engine ----------------------------------------------------------------------------


def engine_dedupe(data: Path, out: Path) -> dict[str, Any]:
    import importlib

    from crossroads.engines.identity.cli import dedupe_main

    dedupe_module = importlib.import_module("crossroads.engines.identity.dedupe")

    # The CLI contract is unchanged; the step only listens in on the engine's own timings
    # (preparation, blocking, scoring, clustering) by passing a ``stats`` dict through.
    stats: dict[str, float] = {}
    plain = dedupe_module.dedupe

    def with_stats(*args: Any, **kwargs: Any) -> dict[str, str]:
        kwargs.setdefault("stats", stats)
        return plain(*args, **kwargs)

    started = time.perf_counter()
    buffer = io.StringIO()
    dedupe_module.dedupe = with_stats  # type: ignore[assignment]
    try:
        with contextlib.redirect_stdout(buffer):
            code = dedupe_main(
                [str(data / "records.csv"), "--clusters", str(out / "engine_clusters.csv")]
            )
    finally:
        dedupe_module.dedupe = plain  # type: ignore[assignment]
    elapsed = time.perf_counter() - started
    message = buffer.getvalue().strip()
    if code != 0:
        raise SystemExit(f"engine dedupe exited {code}: {message}")
    match = re.search(r"deduplicated in ([0-9.]+) s", message)
    return {
        "exit_code": code,
        "stdout": message,
        "seconds_in_process": elapsed,
        "seconds_dedupe_reported": float(match.group(1)) if match else None,
        "stats": stats,
    }


def engine_search(data: Path, out: Path) -> dict[str, Any]:
    from crossroads.engines.identity.cli import search_main

    buffer = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(buffer):
        code = search_main(
            [
                "--index",
                str(data / "records.csv"),
                "--queries",
                str(data / "queries.csv"),
                "--top",
                "10",
                "--output",
                str(out / "engine_search.csv"),
            ]
        )
    elapsed = time.perf_counter() - started
    message = buffer.getvalue().strip()
    if code != 0:
        raise SystemExit(f"engine search exited {code}: {message}")
    build = re.search(r"index built in ([0-9.]+) s", message)
    p50 = re.search(r"p50 ([0-9.]+) ms", message)
    p95 = re.search(r"p95 ([0-9.]+) ms", message)
    return {
        "exit_code": code,
        "stdout": message,
        "seconds_in_process": elapsed,
        "index_build_seconds": float(build.group(1)) if build else None,
        "p50_ms": float(p50.group(1)) if p50 else None,
        "p95_ms": float(p95.group(1)) if p95 else None,
    }


# --- Splink --------------------------------------------------------------------------------

_NOT_LETTER = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")


def normalise_for_splink(text: str) -> str | None:
    """A generic Latin normaliser, as Splink's docs ask for standardised input: ``anyascii``
    (language-blind Unicode -> ASCII tables, covers Cyrillic and Arabic script), lower case,
    punctuation and digits removed, spaces collapsed. Empty -> NULL so that missing values are
    not compared as equal. Generic on purpose: a region-specific normaliser would be our
    engine's work, not Splink's."""
    from anyascii import anyascii

    cleaned = _SPACES.sub(" ", _NOT_LETTER.sub(" ", anyascii(text).lower())).strip()
    return cleaned or None


def _splink_date(text: str) -> str | None:
    """Splink's DateOfBirthComparison parses full ISO dates; a partial date is completed the
    way registers do it (year -> 1 January, year-month -> the 1st), missing stays NULL."""
    if not text:
        return None
    if len(text) == 4:
        return f"{text}-01-01"
    if len(text) == 7:
        return f"{text}-01"
    return text


def splink_rows(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            given = normalise_for_splink(row["given_name"])
            family = normalise_for_splink(row["family_name"])
            rows.append(
                {
                    "unique_id": row["id"],
                    "given_name": given,
                    "family_name": family,
                    "given_family": f"{given or ''} {family or ''}".strip() or None,
                    "patronymic": normalise_for_splink(row["patronymic"]),
                    "dob": _splink_date(row["birth_date"]),
                    "sex": row["sex"] or None,
                    "nationality": row["nationality"] or None,
                }
            )
    return rows


def _arrow(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    schema = pa.schema(
        [
            (name, pa.string())
            for name in (
                "unique_id",
                "given_name",
                "family_name",
                "given_family",
                "patronymic",
                "dob",
                "sex",
                "nationality",
            )
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def splink_blocking_rules() -> list[Any]:
    """Prediction blocking in the style of Splink's deduplicate_50k_synthetic example."""
    from splink import block_on

    return [
        block_on("substr(given_name,1,3)", "substr(family_name,1,4)"),
        block_on("family_name", "dob"),
        block_on("given_name", "dob"),
        block_on("substr(given_name,1,2)", "substr(family_name,1,2)", "substr(dob,1,4)"),
    ]


def splink_settings() -> Any:
    """Stock comparisons, as Splink's documentation sets up a person deduplication:
    ForenameSurnameComparison (Jaro-Winkler levels, swapped names, term frequencies on the
    concatenated name), NameComparison for the patronymic, DateOfBirthComparison on ISO
    strings, exact match on sex and nationality."""
    import splink.comparison_library as cl
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=splink_blocking_rules(),
        comparisons=[
            cl.ForenameSurnameComparison(
                "given_name", "family_name", forename_surname_concat_col_name="given_family"
            ),
            cl.NameComparison("patronymic"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("sex"),
            cl.ExactMatch("nationality"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def splink_dedupe(data: Path, out: Path) -> dict[str, Any]:
    """Train (documented flow), predict, cluster; write one clusters CSV per threshold."""
    from splink import DuckDBAPI, Linker, block_on

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    table = _arrow(splink_rows(data / "records.csv"))
    timings["normalise_seconds"] = time.perf_counter() - t0

    t = time.perf_counter()
    db_api = DuckDBAPI()
    sdf = db_api.register(table)
    linker = Linker(sdf, splink_settings(), log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [
            block_on("given_name", "family_name", "dob"),
            block_on("substr(given_name,1,2)", "family_name", "substr(dob,1,4)"),
        ],
        recall=0.6,
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("given_name", "family_name"), estimate_without_term_frequencies=True
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("dob"), estimate_without_term_frequencies=True
    )
    timings["train_seconds"] = time.perf_counter() - t
    linker.misc.save_model_to_json(str(out / "splink_model.json"), overwrite=True)

    t = time.perf_counter()
    predictions = linker.inference.predict()
    pairs = predictions.as_duckdbpyrelation().count("*").fetchall()[0]
    timings["predict_seconds"] = time.perf_counter() - t
    result: dict[str, Any] = {"scored_pairs": int(pairs[0]) if pairs else 0}
    for threshold in SPLINK_THRESHOLDS:
        t = time.perf_counter()
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold
        )
        relation = clusters.as_duckdbpyrelation().select("unique_id AS id, cluster_id")
        relation.write_csv(str(out / f"splink_clusters_{threshold}.csv"), header=True)
        timings[f"cluster_{threshold}_seconds"] = time.perf_counter() - t
    timings["total_seconds"] = time.perf_counter() - t0
    # The figure comparable with our engine's dedupe: everything from the CSV to clusters at
    # Splink's documented threshold (training included: Splink needs it on each new register).
    timings["batch_seconds"] = (
        timings["normalise_seconds"]
        + timings["train_seconds"]
        + timings["predict_seconds"]
        + timings[f"cluster_{SPLINK_THRESHOLDS[0]}_seconds"]
    )
    result.update(timings)
    return result


def splink_search(data: Path, out: Path, timed_queries: int) -> dict[str, Any]:
    """Real-time linkage with Splink 5's incremental API: ``predict_between(index, query)``
    with the model trained by ``splink-dedupe`` (loaded from its JSON, as Splink's real-time
    example loads a pre-trained model). Results for all queries come from one batched call
    (the same pairs and scores as one call per query); latency is timed one query at a time
    on the first ``timed_queries`` queries."""
    from splink import DuckDBAPI, Linker

    t0 = time.perf_counter()
    db_api = DuckDBAPI()
    index = db_api.register(_arrow(splink_rows(data / "records.csv")), table_name="bench_index")
    linker = Linker(index, str(out / "splink_model.json"), log_level=None)
    # predict_between needs registered term-frequency tables for the TF-adjusted comparison.
    for column in ("given_family", "given_name", "family_name", "patronymic"):
        linker.table_management.compute_tf_table(column)
    build_seconds = time.perf_counter() - t0

    queries = splink_rows(data / "queries.csv")
    query_table = db_api.register(_arrow(queries), table_name="bench_queries")
    t = time.perf_counter()
    predictions = linker.inference.predict_between(index, query_table, warning_mode="never")
    ranked = (
        predictions.as_duckdbpyrelation()
        .query(
            "p",
            "SELECT unique_id_r AS query_id, unique_id_l AS id, match_probability, "
            "row_number() OVER (PARTITION BY unique_id_r ORDER BY match_probability DESC, "
            "unique_id_l) AS rank FROM p QUALIFY rank <= 10 ORDER BY query_id, rank",
        )
        .fetchall()
    )
    batch_seconds = time.perf_counter() - t
    with (out / "splink_search.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["query_id", "rank", "id", "match_probability"])
        for query_id, record_id, probability, rank in ranked:
            writer.writerow([query_id, rank, record_id, f"{float(probability):.6f}"])

    latencies: list[float] = []
    for number, query in enumerate(queries[:timed_queries]):
        t = time.perf_counter()
        one = db_api.register(_arrow([query]), table_name=f"bench_q{number}")
        result = linker.inference.predict_between(index, one, warning_mode="never")
        rows = result.as_duckdbpyrelation().order("match_probability DESC").limit(10).fetchall()
        latencies.append((time.perf_counter() - t) * 1000.0)
        del rows
        result.drop_table_from_database_and_remove_from_cache()
        one.drop_table_from_database_and_remove_from_cache(force_non_splink_table=True)
    ordered = sorted(latencies)

    def pct(fraction: float) -> float | None:
        if not ordered:
            return None
        rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
        return ordered[rank]

    return {
        "index_build_seconds": build_seconds,
        "batch_query_seconds": batch_seconds,
        "timed_queries": len(latencies),
        "p50_ms": pct(0.5),
        "p95_ms": pct(0.95),
    }


STEPS = {
    "engine-dedupe": engine_dedupe,
    "engine-search": engine_search,
    "splink-dedupe": splink_dedupe,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One benchmark step, in its own process.")
    parser.add_argument("step", choices=[*STEPS, "splink-search"])
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--timed-queries", type=int, default=200)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.step == "splink-search":
        result = splink_search(args.data, args.out, args.timed_queries)
    else:
        result = STEPS[args.step](args.data, args.out)
    _write_json(args.out / f"{args.step}.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
