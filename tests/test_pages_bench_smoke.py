"""The pages benchmark's smoke run (issue 12) works end to end: the demo seeded, every
staff page of each Kyrgyz demo user and the officer's actions measured once, no page
answering an error. No timing is asserted: the figures belong to docs/benchmarks.md."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_the_pages_benchmark_runs_on_the_demo(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "pages", "--smoke", "--home", str(tmp_path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| kg-")]
    assert len(rows) > 50
    assert any("send a screening's referrals" in row for row in rows)
    assert "pages that answered an error: 0" in done.stdout
