"""``python -m bench`` (``make bench``): the identity benchmark as issue 5 asks for it.

    python -m bench                       # 10k and 100k people side by side with Splink,
                                          # then 1M records with our engine alone
    python -m bench identity ARGS...      # bench.identity.run with its own arguments
    python -m bench screening ARGS...     # the screening throughput benchmark
    python -m bench load ARGS...          # the load benchmark (bench/load/, issue 16)
    python -m bench pages [--runs N]      # server time of every staff page (issue 12)
    python -m bench statistics ARGS...    # statistics at 1,000,000 (bench/statistics/, issue 14)

The full default run takes a long time on a 2-core machine; run it under ``nice`` and in
steps (``python -m bench identity --people 10000``) if needed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if argv and argv[0] == "screening":
        return subprocess.call(
            [sys.executable, str(REPO_ROOT / "bench" / "screening" / "run.py"), *argv[1:]],
            cwd=REPO_ROOT,
        )
    if argv and argv[0] == "pages":
        from bench.pages.run import main as pages

        return pages(argv[1:])
    if argv and argv[0] == "statistics":
        from bench.statistics.run import main as statistics

        return statistics(argv[1:])
    if argv and argv[0] == "load":
        from bench.load.run import main as load

        return load(argv[1:])
    from bench.identity.run import main as identity

    if argv and argv[0] == "identity":
        return identity(argv[1:])
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    code = identity(["--people", "10000,100000"])
    return code or identity(["--records", "1000000", "--systems", "engine"])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
