"""The statistics benchmark's smoke run (issue 14) works end to end: Kyrgyzstan grown to
2,000 registrations (copies of rows the product made), trends, gaps and the XLSX export
timed as an analyst asks for them, and the figures the SQL counting gives checked against
the counting record by record in Python that it replaced. No timing is asserted: timing
belongs to `bench/statistics/run.py`, never to tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_the_statistics_benchmark_runs_at_2000_registrations() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "statistics", "--smoke"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    [row] = json.loads((REPO_ROOT / "var/bench-statistics-smoke/results-sqlite.json").read_text())
    assert row["registrations"] == 2000
    assert row["grown"]["screenings"] > 0 and row["grown"]["referrals"] > 0
    assert row["grown"]["cases"] > 0
    assert row["same_as_python_counting"] == {"trends": True, "gaps": True, "home": True}
    for name in ("trends", "gaps", "export_xlsx"):
        assert row[name]["runs"] == 2
