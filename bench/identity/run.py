"""Run the identity benchmark: generate, run each system step in a child process, score.

    python -m bench.identity.run --people 10000,100000            # our engine and Splink
    python -m bench.identity.run --records 1000000 --systems engine
    python -m bench.identity.run --smoke --work /tmp/x             # a few hundred records

Each size gets ``bench/identity/data/<size>/`` (generated files) and
``bench/identity/out/<size>/`` (outputs, ``results.json``, ``results.md``); both are
git-ignored. Wall time and peak memory are the child process's own (``os.wait4``), so every
figure includes start-up and reading the CSV. Run big sizes under ``nice`` on a shared
machine; timings then include whatever else the machine does (the load average is recorded).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .generate import iter_rows
from .metrics import cluster_metrics, search_metrics

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
# The benchmark's two generators (issue 15): the original one, whose seed 11 the engine's
# weights are fitted on, and an independent one written apart from it (own tables, own noise
# model), never used to fit anything.
GENERATORS = {
    "original": "bench.identity.generate",
    "independent": "bench.identity.generate_independent",
}
DEFAULT_SEEDS = {"original": 1, "independent": 101}


def splink_available() -> bool:
    try:
        import anyascii  # noqa: F401
        import splink  # noqa: F401
    except ImportError:
        return False
    return True


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gib = None
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    versions: dict[str, str] = {}
    for package in ("duckdb", "rapidfuzz", "splink", "anyascii"):
        with contextlib.suppress(Exception):
            from importlib.metadata import version

            versions[package] = version(package)
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gib": memory_gib,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": versions,
        "date_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average": os.getloadavg(),
    }


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (the engine forks scoring workers),
    summed; shared copy-on-write pages are counted in each, so this overstates a little."""
    total = 0.0
    stack = [pid]
    while stack:
        current = stack.pop()
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
    return total


def run_step(
    step: str,
    data: Path,
    out: Path,
    timed_queries: int,
    *,
    max_rss_gb: float | None = None,
    max_seconds: float | None = None,
) -> dict[str, Any]:
    """One system step in a child process; its own wall time and peak RSS.

    The child runs in its own process group; if its process tree grows past ``max_rss_gb``
    or runs past ``max_seconds`` the group is stopped (so a run that would exhaust a shared
    machine fails cleanly) and the step is reported as not finished."""
    command = [
        sys.executable,
        "-m",
        "bench.identity.systems",
        step,
        str(data),
        str(out),
        "--timed-queries",
        str(timed_queries),
    ]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO_ROOT, start_new_session=True)
    peak_tree = 0.0
    stopped = ""
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        peak_tree = max(peak_tree, _tree_rss_mb(child.pid))
        elapsed = time.perf_counter() - started
        if max_rss_gb and peak_tree > max_rss_gb * 1024 and not stopped:
            stopped = f"stopped: process tree above {max_rss_gb} GB after {elapsed:.0f} s"
        elif max_seconds and elapsed > max_seconds and not stopped:
            stopped = f"stopped: not finished after {max_seconds:.0f} s"
        if stopped:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, 9)
        time.sleep(0.5)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    measured = {
        "wall_seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        # ru_maxrss: the largest single process of the step (Linux reports kilobytes).
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "peak_tree_rss_mb_sampled": peak_tree,
    }
    if stopped or code != 0:
        print(f"{step}: {stopped or f'exit code {code}'}", file=sys.stderr, flush=True)
        return {"failed": stopped or f"exit code {code}", **measured}
    result: dict[str, Any] = json.loads((out / f"{step}.json").read_text(encoding="utf-8"))
    result.update(measured)
    return result


def _count_rows(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def run_size(
    label: str,
    *,
    people: int | None,
    records: int | None,
    queries: int,
    systems: Sequence[str],
    seed: int,
    timed_queries: int,
    work: Path | None,
    max_rss_gb: float | None = None,
    max_seconds: float | None = None,
    generator: str = "original",
) -> dict[str, Any]:
    data = (work or HERE / "data") / label
    out = (work or HERE / "out") / label
    out.mkdir(parents=True, exist_ok=True)
    # Generate in a child process: the parent must stay small, because a child's ru_maxrss
    # starts from the parent's resident size at fork time.
    started = time.perf_counter()
    size_arg = ["--people", str(people)] if people else ["--records", str(records)]
    subprocess.run(
        [
            sys.executable,
            "-m",
            GENERATORS[generator],
            *size_arg,
            "--queries",
            str(queries),
            "--seed",
            str(seed),
            "--out",
            str(data),
        ],
        cwd=REPO_ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    generate_seconds = time.perf_counter() - started
    counts = {
        "records": _count_rows(data / "records.csv"),
        "people": len({row["person_id"] for row in iter_rows(data / "labels.csv")}),
        "queries": _count_rows(data / "queries.csv"),
    }
    print(
        f"[{label}] generated {counts['records']} records in {generate_seconds:.0f} s", flush=True
    )
    result: dict[str, Any] = {
        "label": label,
        "generator": generator,
        "seed": seed,
        "generate_seconds": generate_seconds,
        **counts,
        "machine": machine(),
        "systems": {},
    }
    limits = {"max_rss_gb": max_rss_gb, "max_seconds": max_seconds}
    if "engine" in systems:
        # Search first: at 1M records its figures are the ones most worth having if the
        # batch run then hits a limit.
        search = run_step("engine-search", data, out, timed_queries, **limits)
        print(f"[{label}] engine search {search['wall_seconds']:.0f} s", flush=True)
        dedupe = run_step("engine-dedupe", data, out, timed_queries, **limits)
        print(f"[{label}] engine dedupe {dedupe['wall_seconds']:.0f} s", flush=True)
        engine: dict[str, Any] = {"dedupe": dedupe, "search": search}
        if "failed" not in dedupe:
            engine["clusters"] = cluster_metrics(data, out / "engine_clusters.csv")
        if "failed" not in search:
            engine["search_metrics"] = search_metrics(data, out / "engine_search.csv")
        result["systems"]["engine"] = engine
    if "splink" in systems:
        dedupe = run_step("splink-dedupe", data, out, timed_queries, **limits)
        print(f"[{label}] splink dedupe {dedupe['wall_seconds']:.0f} s", flush=True)
        splink: dict[str, Any] = {"dedupe": dedupe}
        if "failed" not in dedupe:
            splink["clusters"] = cluster_metrics(data, out / "splink_clusters_0.95.csv")
            splink["clusters_at_0.5"] = cluster_metrics(data, out / "splink_clusters_0.5.csv")
            search = run_step("splink-search", data, out, timed_queries, **limits)
            print(f"[{label}] splink search {search['wall_seconds']:.0f} s", flush=True)
            splink["search"] = search
            if "failed" not in search:
                splink["search_metrics"] = search_metrics(data, out / "splink_search.csv")
        result["systems"]["splink"] = splink
    (out / "results.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    table = markdown_table(result)
    (out / "results.md").write_text(table + "\n", encoding="utf-8")
    print(table, flush=True)
    return result


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.2f} %"


def _num(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def markdown_table(result: dict[str, Any]) -> str:
    """One table per size: a column per system (Splink clustered at 0.95 and at 0.5)."""
    columns: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    systems = result["systems"]
    if "engine" in systems:
        columns.append(
            ("Crossroads engine", systems["engine"], systems["engine"].get("clusters", {}))
        )
    if "splink" in systems:
        columns.append(
            ("Splink (clusters at 0.95)", systems["splink"], systems["splink"].get("clusters", {}))
        )
        columns.append(
            (
                "Splink (clusters at 0.5)",
                systems["splink"],
                systems["splink"].get("clusters_at_0.5", {}),
            )
        )
    for _, _, clusters in columns:  # results written before the counts were recorded
        result.setdefault("records", clusters.get("records"))
        result.setdefault("people", clusters.get("people"))
    lines = [
        f"**{result['label']}**: {result['records']:,} records of {result['people']:,} people, "
        f"seed {result['seed']}, {result['machine']['date_utc']}, load average "
        f"{', '.join(f'{x:.1f}' for x in result['machine']['load_average'])} at start",
        "",
        "| measure | " + " | ".join(name for name, _, _ in columns) + " |",
        "|---|" + "---|" * len(columns),
    ]

    def safe(cell: Any, system: dict[str, Any], clusters: dict[str, Any]) -> str:
        try:
            return str(cell(system, clusters))
        except (KeyError, TypeError, ZeroDivisionError):
            return "–"  # the step did not finish (see "not finished" below)

    def row(name: str, cell: Any) -> None:
        lines.append(f"| {name} | " + " | ".join(safe(cell, s, c) for _, s, c in columns) + " |")

    row("pairwise precision", lambda s, c: _pct(c["pairwise_precision"]))
    row("pairwise recall", lambda s, c: _pct(c["pairwise_recall"]))
    row("pairwise F1", lambda s, c: _pct(c["pairwise_f1"]))
    for kind, title in (
        ("family_or_namesake", "false merges, family or namesake"),
        ("family", "false merges, same household"),
        ("namesake", "false merges, same full name"),
        ("twins", "false merges, twins"),
    ):
        row(
            title,
            lambda s, c, kind=kind: (
                f"{_pct(c['false_merge'][kind]['rate'])} "
                f"({c['false_merge'][kind]['merged']:,}/{c['false_merge'][kind]['pairs']:,})"
            ),
        )
    for pair in ("Cyrl–Latn", "Cyrl–Arab", "Latn–Arab", "same-script"):
        row(
            f"recall {pair}",
            lambda s, c, pair=pair: _pct(c["recall_by_script_pair"].get(pair, {}).get("recall")),
        )
    origins: set[str] = set()
    noises: set[str] = set()
    for _, _, clusters in columns:
        origins |= set(clusters.get("recall_by_origin", {}))
        noises |= set(clusters.get("recall_by_noise", {}))
    for origin in sorted(origins):
        row(
            f"recall, origin {origin}",
            lambda s, c, o=origin: _pct(c["recall_by_origin"].get(o, {}).get("recall")),
        )
    for noise in sorted(noises):
        row(
            f"recall, pairs with {noise.replace('_', ' ')}",
            lambda s, c, n=noise: _pct(c["recall_by_noise"].get(n, {}).get("recall")),
        )
    row("search recall@1", lambda s, c: _pct(s["search_metrics"]["recall_at_1"]))
    row("search recall@10", lambda s, c: _pct(s["search_metrics"]["recall_at_10"]))
    for kind in ("all", "twin", "relative", "namesake", "new"):
        row(
            f'"same person" for unregistered: {kind}',
            lambda s, c, kind=kind: _pct(
                s["search_metrics"]["not_registered_said_same"].get(kind, {}).get("rate")
            ),
        )
    row("search p50 (ms)", lambda s, c: _num(s["search"]["p50_ms"], 1))
    row("search p95 (ms)", lambda s, c: _num(s["search"]["p95_ms"], 1))
    row("search index build (s)", lambda s, c: _num(s["search"]["index_build_seconds"], 1))
    row("search peak RSS (MB)", lambda s, c: _num(s["search"]["peak_rss_mb"]))
    row("batch wall time (s)", lambda s, c: _num(s["dedupe"]["wall_seconds"], 1))
    row(
        "batch records/s",
        lambda s, c: _num(result["records"] / s["dedupe"]["wall_seconds"]),
    )
    row("batch CPU time (s, user+system)", lambda s, c: _num(s["dedupe"]["cpu_seconds"], 1))

    def split(system: dict[str, Any]) -> str:
        d = system["dedupe"]
        if "stats" in d:  # our engine: prepare / block / score / cluster
            st = d["stats"]
            parts = [
                st["seconds_prepare"],
                st["seconds_blocking"],
                st["seconds_scoring"],
                st["seconds_clustering"],
            ]
        else:  # Splink: normalise / train / predict (blocking and scoring) / cluster
            parts = [
                d["normalise_seconds"],
                d["train_seconds"],
                d["predict_seconds"],
                d["cluster_0.95_seconds"],
            ]
        return " / ".join(f"{x:.1f}" for x in parts)

    row(
        "batch time split (s): prepare / block / score / cluster (Splink: normalise / train / "
        "predict / cluster)",
        lambda s, c: split(s),
    )
    row("batch peak RSS (MB)", lambda s, c: _num(s["dedupe"]["peak_rss_mb"]))
    row(
        "not finished",
        lambda s, c: (
            "; ".join(
                f"{step}: {s[step]['failed']}"
                for step in ("dedupe", "search")
                if "failed" in s.get(step, {})
            )
            or "–"
        ),
    )
    return "\n".join(lines)


def _sizes(text: str | None) -> list[int]:
    return [int(x.replace("_", "")) for x in text.split(",")] if text else []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Identity benchmark: our engine vs Splink.")
    parser.add_argument("--people", help="comma-separated sizes in registered people")
    parser.add_argument("--records", help="comma-separated sizes in records")
    parser.add_argument(
        "--systems",
        default=None,
        help="engine,splink (default: both when splink is installed, else engine)",
    )
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--timed-queries", type=int, default=100, help="Splink latency sample")
    parser.add_argument("--seed", type=int, help="original generator's seed (default 1)")
    parser.add_argument(
        "--independent-seed", type=int, help="independent generator's seed (default 101)"
    )
    parser.add_argument(
        "--generators",
        default="original,independent",
        help="original,independent (default: both, one after the other for each size)",
    )
    parser.add_argument("--work", type=Path, help="directory for data and outputs")
    parser.add_argument("--smoke", action="store_true", help="about a thousand records, quick")
    parser.add_argument(
        "--max-rss-gb", type=float, default=14.0, help="stop a step whose processes pass this"
    )
    parser.add_argument("--max-seconds", type=float, help="stop a step that runs longer")
    parser.add_argument(
        "--report", nargs="+", type=Path, help="re-print the tables of existing results.json files"
    )
    args = parser.parse_args(argv)
    if args.report:
        for path in args.report:
            print(markdown_table(json.loads(path.read_text(encoding="utf-8"))) + "\n")
        return 0
    systems = (args.systems or ("engine,splink" if splink_available() else "engine")).split(",")
    if "splink" in systems and not splink_available():
        parser.error("splink is not installed: pip install -e '.[bench]'")
    generators = [g for g in args.generators.split(",") if g]
    unknown = [g for g in generators if g not in GENERATORS]
    if unknown:
        parser.error(f"unknown generator(s): {', '.join(unknown)}")
    seeds = {
        "original": args.seed if args.seed is not None else DEFAULT_SEEDS["original"],
        "independent": (
            args.independent_seed
            if args.independent_seed is not None
            else DEFAULT_SEEDS["independent"]
        ),
    }
    sizes: list[tuple[str, int | None, int | None]] = []
    if args.smoke:
        sizes.append(("smoke", 500, None))
        args.queries = min(args.queries, 60)
        args.timed_queries = min(args.timed_queries, 5)
    sizes += [(f"people-{n}", n, None) for n in _sizes(args.people)]
    sizes += [(f"records-{n}", None, n) for n in _sizes(args.records)]
    if not sizes:
        parser.error("give --people and/or --records (or --smoke)")
    for label, people, records in sizes:
        for generator in generators:
            run_size(
                label if generator == "original" else f"{generator}-{label}",
                people=people,
                records=records,
                queries=args.queries,
                systems=systems,
                seed=seeds[generator],
                timed_queries=args.timed_queries,
                work=args.work,
                max_rss_gb=args.max_rss_gb,
                max_seconds=args.max_seconds,
                generator=generator,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
