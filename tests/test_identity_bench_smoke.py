"""The identity benchmark's smoke run works end to end on about a thousand records.

Generates a tiny labelled register with each of the two generators (the original and the
independent one of issue 15), runs our engine (and Splink when it is installed: CI
installs only ``.[dev]``) through the same child-process steps as the real benchmark, and
checks that the files are well formed and every metric is a number in range. No timing is
asserted: timing belongs to ``bench/identity/run.py``, never to tests.
"""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ["id", "given_name", "family_name", "patronymic", "birth_date", "sex", "nationality"]


def _splink_installed() -> bool:
    try:
        import anyascii  # noqa: F401
        import splink  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    work = tmp_path_factory.mktemp("identity-bench")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "identity", "--smoke", "--work", str(work)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads((work / "smoke" / "results.json").read_text(encoding="utf-8"))
    return work, results


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _is_rate(value: Any) -> bool:
    return value is None or (isinstance(value, float | int) and 0.0 <= value <= 1.0)


@pytest.mark.parametrize("label", ["smoke", "independent-smoke"])
def test_generated_register_follows_the_cli_contract(
    smoke_run: tuple[Path, Any], label: str
) -> None:
    work, _ = smoke_run
    data = work / label
    for name in ("records.csv", "queries.csv"):
        with (data / name).open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == COLUMNS
    records = _rows(data / "records.csv")
    labels = _rows(data / "labels.csv")
    assert len(records) >= 300
    assert [r["id"] for r in records] == [label["record_id"] for label in labels]
    assert len({r["id"] for r in records}) == len(records)
    assert {label["script"] for label in labels} == {"Cyrl", "Latn", "Arab"}
    kinds = {q["kind"] for q in _rows(data / "query_labels.csv")}
    assert {"registered", "relative", "namesake", "new"} <= kinds


def test_generator_is_deterministic() -> None:
    from bench.identity.generate import generate

    first = generate(people=40, queries=10, seed=7)
    second = generate(people=40, queries=10, seed=7)
    assert first.records == second.records
    assert first.queries == second.queries


def test_independent_generator_is_deterministic_and_labels_origin_and_noise() -> None:
    from bench.identity.generate_independent import generate

    first = generate(people=60, queries=10, seed=3)
    assert first.records == generate(people=60, queries=10, seed=3).records
    assert {label["origin"] for label in first.labels} <= {"AF", "PK", "IR", "TJ", "UZ", "KG"}
    assert any(label["noise"] for label in first.labels)


def test_independent_generator_imports_neither_the_engine_nor_the_first_generator() -> None:
    """Written apart (issue 15): its own tables and noise model, nothing shared."""
    code = (
        "import sys, bench.identity.generate_independent;"
        "print(any(m.startswith('crossroads') or m in ('bench.identity.generate',"
        " 'bench.identity.scripts') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_generator_does_not_import_the_engine() -> None:
    """The benchmark must not measure the engine with the engine's own tables."""
    code = (
        "import sys, bench.identity.generate, bench.identity.metrics;"
        "print(any(m.startswith('crossroads') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_engine_outputs_are_well_formed(smoke_run: tuple[Path, Any]) -> None:
    work, _ = smoke_run
    records = {r["id"] for r in _rows(work / "smoke" / "records.csv")}
    clusters = _rows(work / "smoke" / "engine_clusters.csv")
    assert sorted(c["id"] for c in clusters) == sorted(records)
    for row in _rows(work / "smoke" / "engine_search.csv"):
        assert 1 <= int(row["rank"]) <= 10
        assert 0.0 <= float(row["match_probability"]) <= 1.0


def _check_system(system: dict[str, Any]) -> None:
    for clusters in (system["clusters"], system.get("clusters_at_0.5", system["clusters"])):
        for key in ("pairwise_precision", "pairwise_recall", "pairwise_f1"):
            assert _is_rate(clusters[key]), key
        assert clusters["pairwise_f1"] is not None
        for entry in clusters["false_merge"].values():
            assert _is_rate(entry["rate"])
            assert 0 <= entry["merged"] <= entry["pairs"] or entry["pairs"] == 0
        for entry in clusters["recall_by_script_pair"].values():
            assert _is_rate(entry["recall"])
    search = system["search_metrics"]
    assert _is_rate(search["recall_at_1"]) and _is_rate(search["recall_at_10"])
    assert search["recall_at_1"] <= search["recall_at_10"]
    for entry in search["not_registered_said_same"].values():
        assert _is_rate(entry["rate"])
    for step in ("dedupe", "search"):
        assert system[step]["wall_seconds"] > 0
        assert system[step]["peak_rss_mb"] > 0
    for key in ("p50_ms", "p95_ms"):
        value = system["search"][key]
        assert isinstance(value, float) and math.isfinite(value) and value >= 0


def test_engine_metrics_are_numbers_in_range(smoke_run: tuple[Path, Any]) -> None:
    _, results = smoke_run
    _check_system(results["systems"]["engine"])


def test_independent_generator_metrics_are_numbers_in_range(smoke_run: tuple[Path, Any]) -> None:
    work, _ = smoke_run
    results = json.loads((work / "independent-smoke" / "results.json").read_text(encoding="utf-8"))
    engine = results["systems"]["engine"]
    _check_system(engine)
    for key in ("recall_by_origin", "recall_by_noise"):
        assert engine["clusters"][key]
        for entry in engine["clusters"][key].values():
            assert _is_rate(entry["recall"])
    stats = engine["dedupe"]["stats"]
    for key in ("seconds_prepare", "seconds_blocking", "seconds_scoring"):
        assert stats[key] >= 0


@pytest.mark.skipif(not _splink_installed(), reason="splink not installed (pip install .[bench])")
def test_splink_metrics_are_numbers_in_range(smoke_run: tuple[Path, Any]) -> None:
    work, results = smoke_run
    _check_system(results["systems"]["splink"])
    for threshold in ("0.95", "0.5"):
        clusters = _rows(work / "smoke" / f"splink_clusters_{threshold}.csv")
        assert len(clusters) == len(_rows(work / "smoke" / "records.csv"))
