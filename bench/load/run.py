"""The load benchmark (issue 16): a state's register grown to 100,000 and 1,000,000
people, served by gunicorn as `make run` serves it (2 workers x 4 threads), on SQLite and
on PostgreSQL, driven by 20 concurrent clients through the officer's and the caseworker's
day; registration alone with 50 clients.

    python -m bench load --db sqlite,postgres --people 100000,1000000
    python -m bench load --smoke            # 2,000 people, SQLite, a few seconds a phase

Each size reuses the database of the size before and grows it. Reports p50, p95, p99,
requests per second, server CPU-ms per request (the gunicorn processes' user + system
time over the phase, divided by its requests; PostgreSQL's own processes are not counted)
and the database size, to `var/bench-load/results-<db>-<people>.json` and a Markdown
table on stdout; `EXPLAIN ANALYZE` (PostgreSQL) or `EXPLAIN QUERY PLAN` (SQLite) of the
main queries beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from .clients import drive, percentile
from .scenario import DAY, ONLY, READS, STEPS

REPO = Path(__file__).resolve().parents[2]
PG_DEFAULT = "postgres://crossroads:crossroads@127.0.0.1:5432/cr_perf_load"


def _env(db: str, home: Path, pg_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CROSSROADS_ENV", None)
    env["CROSSROADS_HOME"] = str(home)
    env["CROSSROADS_DEMO_PASSWORD"] = "bench-load-password"
    env["DJANGO_SETTINGS_MODULE"] = "crossroads.settings"
    env["PYTHONPATH"] = str(REPO)
    if db == "postgres":
        env["DATABASE_URL"] = pg_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def _ensure_pg_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _cpu_seconds(pid: int) -> float:
    """User + system time of a process and its children (gunicorn's workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                pids.append(int(entry.name))
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _db_size(db: str, home: Path, pg_url: str) -> int:
    if db == "sqlite":
        return sum(p.stat().st_size for p in home.glob("crossroads.sqlite3*"))
    import psycopg

    with psycopg.connect(pg_url) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        return int(row[0]) if row else 0


def _serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    """gunicorn as `make run` serves; its error log (tracebacks of 500s) goes to `log`."""
    server = subprocess.Popen(
        [
            # gunicorn of the Python that runs the benchmark (the project's .venv).
            str(Path(sys.executable).parent / "gunicorn"),
            "crossroads.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "300",
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab"),
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=10).read()
            return server
        except urllib.error.HTTPError as exc:
            server.terminate()
            raise SystemExit(f"gunicorn answers /login/ with {exc.code}") from None
        except Exception:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def _phase(
    name: str,
    steps: list[str],
    *,
    port: int,
    pid: int,
    users: list[dict[str, Any]],
    extra: dict[str, Any],
    clients: int,
    seconds: float,
) -> dict[str, Any]:
    cpu_before = _cpu_seconds(pid)
    result, wall = drive(
        port=port,
        users=users,
        extra=extra,
        steps=[(s, STEPS[s]) for s in steps],
        clients=clients,
        seconds=seconds,
    )
    cpu = _cpu_seconds(pid) - cpu_before
    requests = sum(len(v) for v in result.latencies.values())
    rows = {}
    for step, values in result.latencies.items():
        rows[step] = {
            "requests": len(values),
            "errors": result.errors.get(step, 0),
            "statuses": {str(k): v for k, v in result.statuses[step].items()},
            "p50_ms": round(percentile(values, 50) * 1000, 1),
            "p95_ms": round(percentile(values, 95) * 1000, 1),
            "p99_ms": round(percentile(values, 99) * 1000, 1),
        }
    return {
        "phase": name,
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": requests,
        "rps": round(requests / wall, 1) if wall else 0,
        "cpu_ms_per_request": round(cpu * 1000 / requests, 1) if requests else None,
        "steps": rows,
    }


def _wanted(args: argparse.Namespace, phase: str) -> bool:
    """`--phases` names the phases to run: request names (as in the tables), "day",
    "reads" (every read alone) or "registration"; all of them by default."""
    if not args.phases:
        return True
    chosen = {p.strip() for p in args.phases.split(",")}
    if phase in chosen:
        return True
    if phase == "api: registration" and "registration" in chosen:
        return True
    return phase in READS and "reads" in chosen


def run_one(args: argparse.Namespace, db: str, people: int) -> dict[str, Any]:
    home = Path(args.home) / db
    home.mkdir(parents=True, exist_ok=True)
    env = _env(db, home, args.pg_url)
    if db == "postgres":
        _ensure_pg_database(args.pg_url)
    fixtures = home / f"fixtures-{people}.json"
    print(f"[{db} {people:,}] growing the register", file=sys.stderr, flush=True)
    started = time.time()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.load.prepare",
            "--people",
            str(people),
            "--sample",
            str(args.sample),
            "--out",
            str(fixtures),
        ],
        env=env,
        cwd=REPO,
        check=True,
    )
    grow_wall = time.time() - started
    data = json.loads(fixtures.read_text())
    users = [data["users"]["kg-officer"], data["users"]["kg-caseworker"]]
    extra = {"unhcr": data["unhcr"]}
    explain = subprocess.run(
        [sys.executable, "-m", "bench.load.explain"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    server = _serve(env, args.port, home / "server.log")
    phases = []
    try:
        load = os.getloadavg()
        # Warm the server's connections and caches, unmeasured.
        drive(
            port=args.port,
            users=users,
            extra=extra,
            steps=[(s, STEPS[s]) for s in READS],
            clients=4,
            seconds=min(5, args.seconds),
        )
        for step in READS:
            if not _wanted(args, step):
                continue
            print(f"[{db} {people:,}] {step}", file=sys.stderr, flush=True)
            phases.append(
                _phase(
                    step,
                    [step],
                    port=args.port,
                    pid=server.pid,
                    users=[data["users"][ONLY[step]]] if step in ONLY else users,
                    extra=extra,
                    clients=args.clients,
                    seconds=args.seconds,
                )
            )
        if _wanted(args, "day"):
            print(f"[{db} {people:,}] the day's mix", file=sys.stderr, flush=True)
            phases.append(
                _phase(
                    "day",
                    DAY,
                    port=args.port,
                    pid=server.pid,
                    users=users,
                    extra=extra,
                    clients=args.clients,
                    seconds=args.seconds * 2,
                )
            )
        if _wanted(args, "api: registration"):
            print(
                f"[{db} {people:,}] registration, {args.register_clients} clients",
                file=sys.stderr,
                flush=True,
            )
            phases.append(
                _phase(
                    "api: registration",
                    ["api: registration"],
                    port=args.port,
                    pid=server.pid,
                    users=users[:1],
                    extra=extra,
                    clients=args.register_clients,
                    seconds=args.seconds,
                )
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
    return {
        "db": db,
        "people": people,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average_at_start": [round(x, 1) for x in load],
        "nproc": os.cpu_count(),
        "grown": data["grown"],
        "grow_wall_seconds": round(grow_wall, 1),
        "db_bytes": _db_size(db, home, args.pg_url),
        "phases": phases,
        "explain": explain.stdout + explain.stderr[-2000:],
    }


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"**{result['db']}, {result['people']:,} people** ({result['date']}, load average "
        f"{result['load_average_at_start']} at start, "
        f"database {result['db_bytes'] / 2**20:,.0f} MiB)",
        "",
        "| request | clients | p50 ms | p95 ms | p99 ms | req/s | CPU-ms/req | errors |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for phase in result["phases"]:
        if phase["phase"] == "day":
            continue
        (step,) = phase["steps"].values()
        lines.append(
            f"| {phase['phase']} | {phase['clients']} | {step['p50_ms']} | {step['p95_ms']} | "
            f"{step['p99_ms']} | {phase['rps']} | {phase['cpu_ms_per_request']} | "
            f"{step['errors']} |"
        )
    day = next((p for p in result["phases"] if p["phase"] == "day"), None)
    if day:
        lines += [
            "",
            f"The day's mix ({day['clients']} clients, {day['rps']} req/s, "
            f"{day['cpu_ms_per_request']} CPU-ms/req):",
            "",
            "| request | p50 ms | p95 ms | p99 ms | errors |",
            "| --- | --- | --- | --- | --- |",
        ]
        for step, row in day["steps"].items():
            lines.append(
                f"| {step} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | "
                f"{row['errors']} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--people", default="100000,1000000")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--register-clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", PG_DEFAULT))
    parser.add_argument("--home", default=str(REPO / "var" / "bench-load"))
    parser.add_argument(
        "--phases",
        default="",
        help='comma-separated: "reads", "day", "registration" or request names; all by default',
    )
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    parser.add_argument("--smoke", action="store_true", help="2,000 people, SQLite, short")
    args = parser.parse_args(argv)
    if not args.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]
    if args.smoke:
        args.db, args.people, args.seconds, args.sample = "sqlite", "2000", 1, 20
        args.clients, args.register_clients = 4, 4
        args.home = str(REPO / "var" / "bench-load-smoke")
    for db in args.db.split(","):
        if args.fresh or args.smoke:
            shutil.rmtree(Path(args.home) / db, ignore_errors=True)
            if db == "postgres":
                import psycopg

                base, name = args.pg_url.rsplit("/", 1)
                with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        for people in sorted(int(p) for p in args.people.split(",")):
            result = run_one(args, db, people)
            out = Path(args.home) / f"results-{db}-{people}.json"
            out.write_text(json.dumps(result, indent=1))
            print(markdown(result), flush=True)
            print(flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
