"""The engine's scenario suite run by the engine's own code inside Pyodide (WebAssembly),
as the offline app runs it in a browser: the same code, not a second copy.

Needs Node and `npm ci` (Pyodide and js-yaml from the npm registry; `make pyodide`).
Skipped where they are missing, except in CI (CROSSROADS_REQUIRE_PYODIDE=1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "pyodide" / "run_scenarios.mjs"


def test_every_screening_scenario_passes_under_pyodide() -> None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide" / "pyodide.js").exists():
        if os.environ.get("CROSSROADS_REQUIRE_PYODIDE"):
            pytest.fail("Pyodide is required here: run `make pyodide` (npm ci)")
        pytest.skip("Pyodide is not installed; `make pyodide` installs it")
    result = subprocess.run(
        [node, str(RUNNER)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHON": sys.executable},
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " 0 failed" in result.stdout.splitlines()[-1]
    passed = int(result.stdout.splitlines()[-1].split(":")[1].split()[0])
    assert passed >= 100, result.stdout[-500:]
