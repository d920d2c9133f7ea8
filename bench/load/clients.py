"""A bounded load script: N client threads, each with its own keep-alive connection to
127.0.0.1, doing one kind of request (or the day's mix) for a fixed number of seconds.
Latency is measured end to end at the client; nothing leaves this machine."""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Step = Callable[["Client", random.Random], tuple[str, str, Any]]


class Client:
    def __init__(self, port: int, user: dict[str, Any], extra: dict[str, Any]) -> None:
        self.port = port
        self.user = user
        self.extra = extra
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        headers = {"Accept-Language": "en"}
        if path.startswith("/api/"):
            headers["Authorization"] = f"Token {self.user['token']}"
        else:
            headers["Cookie"] = f"sessionid={self.user['session']}"
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=payload, headers=headers)
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


@dataclass
class Result:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, dict[int, int]] = field(default_factory=dict)

    def add(self, name: str, seconds: float, status: int, ok: bool) -> None:
        self.latencies.setdefault(name, []).append(seconds)
        per = self.statuses.setdefault(name, {})
        per[status] = per.get(status, 0) + 1
        if not ok:
            self.errors[name] = self.errors.get(name, 0) + 1


def drive(
    *,
    port: int,
    users: list[dict[str, Any]],
    extra: dict[str, Any],
    steps: list[tuple[str, Step]],
    clients: int,
    seconds: float,
    seed: int = 1,
) -> tuple[Result, float]:
    """Runs `clients` threads for `seconds`; each repeats `steps` in turn. Returns the
    result and the wall time of the run."""
    result = Result()
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        client = Client(port, users[number % len(users)], extra)
        while time.perf_counter() < stop_at:
            for name, step in steps:
                method, path, body = step(client, rng)
                started = time.perf_counter()
                try:
                    status, _content = client.request(method, path, body)
                except Exception:
                    status = 0
                took = time.perf_counter() - started
                with lock:
                    result.add(name, took, status, 200 <= status < 300)
                if time.perf_counter() >= stop_at:
                    break

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 180)
    return result, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]
