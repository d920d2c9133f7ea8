"""The screening benchmark's smoke run works: 200 generated records, every one screened.

No timing is asserted (timing belongs to bench/screening/run.py, never to tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_smoke_screens_every_generated_record(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "bench/screening/run.py", "--smoke", "--data", str(tmp_path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    records = (tmp_path / "records-200-seed1.jsonl").read_text(encoding="utf-8").splitlines()
    results = (tmp_path / "results-200.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) == len(results) == 200
    for line in results:
        result = json.loads(line)
        assert "error" not in result, line
        assert result["schema"] == "crossroads.screening-result/1"


def test_generator_is_seeded(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO_ROOT / "bench" / "screening"))
    try:
        from generate import generate
    finally:
        sys.path.pop(0)
    first = generate(50, tmp_path / "a.jsonl", seed=3).read_text(encoding="utf-8")
    second = generate(50, tmp_path / "b.jsonl", seed=3).read_text(encoding="utf-8")
    assert first == second
    assert len(first.splitlines()) == 50
