"""Rough throughput of ``crossroads screen --jsonl`` (a benchmark, not a test).

    python -m crossroads.engines.screening.tests.bench_throughput [N]

Generates N varied records on demand (nothing is written to the repository), runs the
command line on them in a subprocess, and prints records per second including start-up.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STATES = ["AF", "AZ", "CN", "IR", "KG", "KZ", "PK", "TJ", "TM", "TR"]
TEXTS = [None, "", "I came for work", "Я боюсь возвращаться, меня убьют", "می‌ترسم برگردم"]


def make_record(rng: random.Random) -> dict[str, Any]:
    return {
        "country": rng.choice(STATES),
        "date": "2026-11-20",
        "location": {"kind": rng.choice(["border", "airport", "inland", "detention"])},
        "person": {
            "birth_date": rng.choice([None, "2010-05", "1990", "2001-02-28"]),
            "age_claimed": rng.randint(8, 60),
            "nationalities": rng.choice([["AF"], ["stateless"], [], ["TJ"]]),
            "years_in_country": rng.randint(0, 10),
            "stay": rng.choice(["regular", "irregular", "expired", "unknown"]),
            "documents": [{"type": "passport", "held_by": rng.choice(["self", "employer"])}],
        },
        "travel": {
            "accompanied_by": rng.choice(["parent", "relative", "none"]),
            "separated_from_family": rng.random() < 0.3,
            "entry": rng.choice(["regular", "irregular"]),
            "facilitated_by": rng.choice(["none", "smuggler", "recruiter"]),
            "moved_or_recruited_by_another": rng.random() < 0.3,
        },
        "statements": {
            "fear_of_return": rng.random() < 0.2,
            "wants_to_return": rng.random() < 0.2,
            "purpose": rng.choice(["work", "family", "transit"]),
            "free_text": rng.choice(TEXTS),
        },
        "indicators": {
            "forced_labour": rng.sample(
                ["deception", "withholding_of_wages", "isolation"], rng.randint(0, 2)
            ),
            "medical_urgent": rng.random() < 0.1,
            "gbv_survivor": rng.random() < 0.1,
        },
    }


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for _ in range(count):
                handle.write(json.dumps(make_record(rng), ensure_ascii=False) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "crossroads.engines.screening", "--jsonl", str(path)],
            stdout=subprocess.PIPE,
            check=False,
        )
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stdout.count(b"\n")
    # CPU time is the fairer figure on a shared machine; both include start-up.
    print(
        f"{lines} results (exit {done.returncode}): {elapsed:.2f} s wall, {cpu:.2f} s CPU; "
        f"{lines / elapsed:,.0f} records/s wall, {lines / cpu:,.0f} records/s per CPU second"
    )


if __name__ == "__main__":
    main()
