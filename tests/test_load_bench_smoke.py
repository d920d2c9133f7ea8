"""The load benchmark's smoke run (issue 16) works end to end: a register of 2,000 people
(a sample through `register_person`, the rest in bulk), served by gunicorn, every request
of the officer's and the caseworker's day answered without a server error. No timing is
asserted: timing belongs to `bench/load/run.py`, never to tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_the_load_benchmark_runs_at_2000_people() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "load", "--smoke"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((REPO_ROOT / "var/bench-load-smoke/results-sqlite-2000.json").read_text())
    assert result["people"] == 2000
    assert result["grown"]["people"] >= 2000
    assert result["db_bytes"] > 0
    for phase in result["phases"]:
        for step, row in phase["steps"].items():
            assert row["requests"] > 0, step
            # Every answer is a success (no 4xx or 5xx) but for requests cut by the end.
            assert row["errors"] == 0, (step, row["statuses"])
    assert "-- person list, first page" in result["explain"]
