"""Screening throughput benchmark (contract section 8: thousands of records a second, one core).

Generates N records (bench/screening/generate.py, seeded), then times
  1. end to end: `python -m crossroads.engines.screening --jsonl FILE`, start-up included;
  2. in-process: `crossroads.engines.screening.cli.main(["--jsonl", FILE])`, output to a file;
and reports records per second with the machine it ran on. Every output line must be a
screening result (no error line) and the exit code 0, or the run fails.

    python bench/screening/run.py                 # 20,000 records, best of 3
    python bench/screening/run.py --smoke         # 200 records, checks only, no timing claims
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def machine_info() -> dict[str, Any]:
    cpu_model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout
        nproc_value: Any = int(nproc.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        nproc_value = os.cpu_count()
    return {
        "nproc": nproc_value,
        "cpu_model": cpu_model,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "date_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
    }


def check_output(results_path: Path, count: int) -> None:
    """Every input line produced a screening result, in order, and none is an error."""
    lines = results_path.read_text(encoding="utf-8").splitlines()
    if len(lines) != count:
        raise SystemExit(f"expected {count} result lines, got {len(lines)}")
    for number, line in enumerate(lines, 1):
        result = json.loads(line)
        if "error" in result or result.get("schema") != "crossroads.screening-result/1":
            raise SystemExit(f"line {number} is not a screening result: {line[:300]}")


Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_end_to_end(records: Path, results: Path) -> Timing:
    cpu_before = _children_cpu()
    started = time.perf_counter()
    with results.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, "-m", "crossroads.engines.screening", "--jsonl", str(records)],
            cwd=REPO_ROOT,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    elapsed = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before
    if done.returncode != 0:
        raise SystemExit(f"exit code {done.returncode}: {done.stderr[-2000:]}")
    return elapsed, cpu


def run_in_process(records: Path, results: Path) -> Timing:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from crossroads.engines.screening.cli import main

    with results.open("w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        cpu_started = time.process_time()
        started = time.perf_counter()
        code: int | str | None
        try:
            code = main(["--jsonl", str(records)])
        except SystemExit as exit_:
            code = exit_.code
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    if code not in (0, None):
        raise SystemExit(f"in-process exit code {code}")
    return elapsed, cpu


def _figures(count: int, timing: Timing) -> dict[str, float]:
    wall, cpu = timing
    return {
        "wall_seconds": round(wall, 3),
        "records_per_second": round(count / wall),
        "cpu_seconds": round(cpu, 3),
        "records_per_cpu_second": round(count / cpu) if cpu else 0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screening throughput benchmark")
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is kept")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--smoke", action="store_true", help="200 records, one run, checks only: no timing claims"
    )
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument(
        "--all-cores",
        action="store_true",
        help="do not pin the benchmark (and the command it starts) to one CPU",
    )
    args = parser.parse_args(argv)
    pinned = None
    if not args.all_cores and hasattr(os, "sched_setaffinity"):
        pinned = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {pinned})  # inherited by the subprocess: one core
    count = 200 if args.smoke else args.records
    repeat = 1 if args.smoke else args.repeat

    records = generate(count, args.data / f"records-{count}-seed{args.seed}.jsonl", args.seed)
    results = args.data / f"results-{count}.jsonl"

    end_to_end = min(run_end_to_end(records, results) for _ in range(repeat))
    check_output(results, count)
    in_process = min(run_in_process(records, results) for _ in range(repeat))
    check_output(results, count)

    info = machine_info()
    if args.smoke:
        print(f"smoke: {count} records screened, every line a result, exit code 0")
        return 0
    report = {
        "records": count,
        "repeat": repeat,
        "end_to_end": _figures(count, end_to_end),
        "in_process": _figures(count, in_process),
        "pinned_to_cpu": pinned,
        "load_average_1min": os.getloadavg()[0],
        "machine": info,
    }
    print(f"screening benchmark, {count} records, best of {repeat} (by wall time)")
    for label, (wall, cpu) in (
        ("end to end (python -m ..., start-up included)", end_to_end),
        ("in-process (cli.main --jsonl)", in_process),
    ):
        print(
            f"  {label}: wall {wall:.3f} s = {count / wall:,.0f} records/s; "
            f"CPU {cpu:.3f} s = {count / cpu:,.0f} records/CPU-s"
        )
    print(
        f"  machine: nproc {info['nproc']}, {info['cpu_model']}, "
        f"{info['implementation']} {info['python']}, {info['platform']}"
    )
    print(
        f"  pinned to one CPU: {pinned if pinned is not None else 'no'}; "
        f"1-min load average {report['load_average_1min']:.2f} (wall time suffers when the "
        "machine is shared; CPU time much less)"
    )
    print(f"  date: {info['date_utc']}")
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
