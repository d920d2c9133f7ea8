"""Many officers register at the same moment (issue 16: 50 clients registering through the
API answered some 500s, "database is locked", on SQLite).

On SQLite a write transaction holds the database's one write lock until it commits, and
the others wait for it at most the busy timeout. Registration used to run its check
("possibly registered before": reading the index, scoring candidates, most of its work)
inside its write transaction, so the lock was held for the whole check and registrations
queued behind each other until some waited out the timeout. The test makes the check slow
(0.5 s) and the timeout short (2 s) so that eight registrations at once reproduce in a
few seconds what fifty clients did on a loaded server (four seconds of checks in a row
before the fix, past the timeout; milliseconds of writes in a row after it); the check
now runs before the write transaction, which only writes."""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import Any

import pytest

CLIENTS = 8
SLOW_CHECK = 0.5  # seconds: the check of a large register on a loaded server, scaled down
BUSY_TIMEOUT = 2  # seconds: SQLite's busy timeout for the registering connections


@pytest.fixture
def token(kg_border_officer: Any) -> str:
    from rest_framework.authtoken.models import Token

    return Token.objects.get_or_create(user=kg_border_officer)[0].key


@pytest.fixture
def file_database(tmp_path: Any, token: str) -> Any:
    """On SQLite, the registering threads use a file database (the test database is in
    memory, where connections share one cache and never wait): a copy of the test
    database, opened as the server opens its own (WAL, immediate transactions), with a
    short busy timeout (the officer and their token copied with it). On PostgreSQL, the
    test database itself."""
    from django.db import connection, connections

    if connection.vendor != "sqlite":
        yield None
        return
    path = tmp_path / "register.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    original = connections.settings["default"]
    copy = {**original, "NAME": str(path), "TEST": {**original.get("TEST", {}), "NAME": None}}
    copy["OPTIONS"] = {**original.get("OPTIONS", {}), "timeout": BUSY_TIMEOUT}
    connections.settings["default"] = copy
    try:
        yield path
    finally:
        connections.settings["default"] = original


@pytest.mark.django_db(transaction=True)
def test_registrations_at_the_same_moment_all_succeed_and_find_each_other(
    token, file_database, monkeypatch
):
    from django.db import connections
    from rest_framework.test import APIClient

    from crossroads.identity import actions as identity_actions

    real_check = identity_actions.find_candidates

    def slow_check(*args: Any, **kwargs: Any) -> Any:
        time.sleep(SLOW_CHECK)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(identity_actions, "find_candidates", slow_check)
    barrier = threading.Barrier(CLIENTS)
    answers: list[tuple[int, int]] = []
    failures: list[str] = []

    def officer() -> None:
        client = APIClient(raise_request_exception=False)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        try:
            barrier.wait()
            response = client.post(
                "/api/v1/persons/",
                {
                    "given_name": "Farhod",
                    "family_name": "Rahimov",
                    "birth_date": "1991-04-12",
                    "sex": "male",
                    "nationalities": ["TJ"],
                },
                format="json",
            )
            found = (
                response.json().get("possible_duplicates", [])
                if response.status_code == 201
                else []
            )
            answers.append((response.status_code, len(found)))
        except Exception as exc:  # pragma: no cover - what the defect looked like
            failures.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=officer) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failures
    assert sorted(status for status, _ in answers) == [201] * CLIENTS
    if file_database is not None:
        # Writes take turns on SQLite: each registration finds every one that committed
        # before it, those committed during its own check included.
        assert sorted(found for _, found in answers) == list(range(CLIENTS))
