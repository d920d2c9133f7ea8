"""gunicorn settings for `make run`: besides the web workers, the task queue's consumer
(Huey, its queue in SQLite under CROSSROADS_HOME), so that background imports run with
nothing but Python. CROSSROADS_TASK_CONSUMER=0 leaves it out, for a deployment that runs
`crossroads run_huey` itself (beside Redis, say)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

_consumer: subprocess.Popen[bytes] | None = None


def when_ready(server: Any) -> None:
    global _consumer
    if os.environ.get("CROSSROADS_TASK_CONSUMER", "1") == "0":
        return
    _consumer = subprocess.Popen(
        [sys.executable, "-m", "crossroads", "run_huey", "--workers", "1", "--quiet"]
    )
    server.log.info("task queue consumer started (pid %s)", _consumer.pid)


def on_exit(server: Any) -> None:
    if _consumer is not None and _consumer.poll() is None:
        _consumer.terminate()
        try:
            _consumer.wait(timeout=20)
        except subprocess.TimeoutExpired:
            _consumer.kill()
