"""The screening benchmark's smoke run works: 200 generated records, every one screened.

Each result is also checked against the section 5 principles that one result can show.

No timing is asserted (timing belongs to bench/screening/run.py, never to tests).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parent.parent


def _import_loader() -> ModuleType:
    """The scenario loader, for its check of the section 5 principles."""
    name = "crossroads_screening_scenarios_loader"
    if name in sys.modules:
        return sys.modules[name]
    path = REPO_ROOT / "tests" / "scenarios" / "screening" / "loader.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


check_principles = _import_loader().check_principles


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
    for number, line in enumerate(results, 1):
        result = json.loads(line)
        assert "error" not in result, line
        assert result["schema"] == "crossroads.screening-result/1"
        check_principles(result, f"generated record {number}")


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
