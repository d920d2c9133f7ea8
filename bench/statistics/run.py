"""Statistics benchmark (issue 14): trends, gaps and export of one state with N
registrations answer in under a second (p95), on SQLite and on PostgreSQL.

    nice -n 10 .venv/bin/python -m bench statistics --db sqlite --people 100000,1000000
    nice -n 10 .venv/bin/python -m bench statistics --db postgres --people 100000
    nice -n 10 .venv/bin/python -m bench statistics --people 100000 --compare
    .venv/bin/python -m bench statistics --smoke     # 2,000 people, SQLite; what CI runs

For each database, grows Kyrgyzstan's register to each size in turn (`grow.py`: copies of
rows the product made; a size reuses the database of the size before, `--fresh` starts
again), runs ANALYZE, then times, REPEAT times each, what an analyst asks for over the last
twelve months by month: `trends` (every trend table), `gaps` (every gap table) and the
XLSX `export` (both, written with openpyxl), each as the API calls it (audit row
included). Reports p50 and p95 in milliseconds.

`--compare` also times the counting as it was before it moved into SQL (every record read
into Python: `python_counting.py`) against the SQL counting, function for function
(`state_figures`, `state_gaps`), and checks that both give the same figures; `--smoke`
always checks. Results: `var/bench-statistics/results-<db>.json`. Never a timed assertion.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PG_URL = "postgres://crossroads:crossroads@127.0.0.1:5432/cr_stats_bench"


def _env(db: str, home: Path, pg_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CROSSROADS_ENV", None)
    env["CROSSROADS_HOME"] = str(home)
    env["CROSSROADS_DEMO_PASSWORD"] = "bench-statistics-password"
    env["DJANGO_SETTINGS_MODULE"] = "crossroads.settings"
    env["PYTHONPATH"] = str(REPO)
    if db == "postgres":
        env["DATABASE_URL"] = pg_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def _ensure_pg_database(url: str, fresh: bool) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _timed(run: Callable[[], Any], repeat: int) -> dict[str, Any]:
    run()  # the first call warms the caches; it is not counted
    times, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return {
        "p50_ms": round(1000 * statistics.median(times), 1),
        "p95_ms": round(1000 * _percentile(times, 0.95), 1),
        "max_ms": round(1000 * max(times), 1),
        # this process's CPU: all of the work on SQLite (in process), the client's only
        # on PostgreSQL; the figure that compares across loads
        "cpu_p50_ms": round(1000 * statistics.median(cpu), 1),
        "runs": repeat,
    }


def _plain(value: Any) -> Any:
    """A result of either counting as plain data, to compare them."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value if isinstance(value, int | float | type(None)) else str(value)


def worker(args: argparse.Namespace) -> int:
    """Inside Django, on one database: grow, analyse, time; one JSON line per size."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    for size in args.people:
        if args.grow_only:
            from bench.statistics.grow import grow

            grow(size, say=lambda line: print(line, file=sys.stderr, flush=True))
            continue
        print(json.dumps(_measure(size, args)), flush=True)
    return 0


def _measure(size: int, args: argparse.Namespace) -> dict[str, Any]:
    from django.db import connection

    from bench.statistics import python_counting as before
    from bench.statistics.grow import grow
    from crossroads.accounts.models import User
    from crossroads.registry.models import Person
    from crossroads.screening.models import Screening
    from crossroads.statistics import queries as after
    from crossroads.statistics.api import export_response
    from crossroads.statistics.periods import series

    began = time.perf_counter()
    grown = grow(size, say=lambda line: print(line, file=sys.stderr, flush=True))
    grow_seconds = time.perf_counter() - began
    with connection.cursor() as cursor:
        # as autovacuum would have done by then: statistics, and on PostgreSQL the
        # visibility map that lets a covering index answer alone
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    analyst = User.objects.get(username="kg-analyst")
    start, end = after.default_range()
    periods = series("month", start, end)
    export = {"format": "xlsx", "by": "month", "start": start, "end": end, "location": ""}
    row: dict[str, Any] = {
        "db": connection.vendor,
        "people": size,
        "registrations": Person.objects.filter(country_id="KG").count(),
        "screenings": Screening.objects.filter(country_id="KG").count(),
        "grown": grown,
        "grow_seconds": round(grow_seconds, 1),
        "months": len(periods),
        "load": os.getloadavg(),
        "trends": _timed(
            lambda: after.trends(analyst, grain="month", start=start, end=end), args.repeat
        ),
        "gaps": _timed(lambda: after.gaps(analyst, start=start, end=end), args.repeat),
        "export_xlsx": _timed(lambda: export_response(analyst, export), args.repeat),
    }
    if args.compare or args.check:
        row["same_as_python_counting"] = {
            "trends": _plain(after.state_figures("KG", periods))
            == _plain(before.state_figures("KG", periods)),
            "gaps": _plain(after.state_gaps("KG", periods))
            == _plain(before.state_gaps("KG", periods)),
            "home": _plain(after.state_statistics(analyst))
            == _plain(before.state_statistics(analyst)),
        }
    if args.compare:
        row["compare"] = {
            "state_figures_python": _timed(
                lambda: before.state_figures("KG", periods), args.repeat
            ),
            "state_figures_sql": _timed(lambda: after.state_figures("KG", periods), args.repeat),
            "state_gaps_python": _timed(lambda: before.state_gaps("KG", periods), args.repeat),
            "state_gaps_sql": _timed(lambda: after.state_gaps("KG", periods), args.repeat),
        }
    row["load_after"] = os.getloadavg()
    return row


def _report(row: dict[str, Any]) -> str:
    parts = [f"{row['db']:<10} {row['people']:>9,} people"]
    for name in ("trends", "gaps", "export_xlsx"):
        timing = row[name]
        parts.append(
            f"{name} p50 {timing['p50_ms']:>7.0f} ms p95 {timing['p95_ms']:>7.0f} ms"
            f" cpu {timing.get('cpu_p50_ms', 0):>6.0f} ms"
        )
    line = " | ".join(parts)
    for name, timing in row.get("compare", {}).items():
        line += (
            f"\n    {name:<22} p50 {timing['p50_ms']:>8.0f} ms p95 {timing['p95_ms']:>8.0f} ms"
            f" cpu {timing.get('cpu_p50_ms', 0):>7.0f} ms"
        )
    if "same_as_python_counting" in row:
        line += f"\n    same figures as the Python counting: {row['same_as_python_counting']}"
    return line


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="sqlite", help="sqlite,postgres")
    parser.add_argument("--people", default="100000", help="sizes, e.g. 100000,1000000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--check", action="store_true", help="check figures against Python")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--grow-only", action="store_true", help="grow, time nothing")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", PG_URL))
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        args.db, args.people, args.repeat, args.check, args.fresh = "sqlite", "2000", 2, True, True
    sizes = sorted(int(p) for p in str(args.people).split(","))
    if not all(1_000 <= s <= 2_000_000 for s in sizes):
        parser.error("--people between 1,000 and 2,000,000")
    if args.worker:
        args.people = sizes
        return worker(args)
    home = REPO / "var" / ("bench-statistics-smoke" if args.smoke else "bench-statistics")
    code = 0
    for db in args.db.split(","):
        if db not in ("sqlite", "postgres"):
            parser.error(f"unknown database {db}")
        db_home = home / db
        if args.fresh and db == "sqlite":
            for old in db_home.glob("*.sqlite3*"):
                old.unlink()
        db_home.mkdir(parents=True, exist_ok=True)
        if db == "postgres":
            _ensure_pg_database(args.pg_url, args.fresh)
        command = [sys.executable, "-m", "bench.statistics.run", "--worker"]
        command += ["--people", ",".join(map(str, sizes)), "--repeat", str(args.repeat)]
        command += ["--compare"] if args.compare else []
        command += ["--check"] if args.check else []
        command += ["--grow-only"] if args.grow_only else []
        done = subprocess.run(
            command,
            cwd=REPO,
            env=_env(db, db_home, args.pg_url),
            stdout=subprocess.PIPE,
            text=True,
        )
        rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        (home / f"results-{db}.json").write_text(json.dumps(rows, indent=1))
        for row in rows:
            print(_report(row), flush=True)
            if not all(row.get("same_as_python_counting", {}).values()):
                print("    FIGURES DIFFER from the Python counting", flush=True)
                code = 1
        code = code or done.returncode
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
