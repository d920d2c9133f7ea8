"""Planner statistics for SQLite, which gathers none by itself.

Without `sqlite_stat1` SQLite guesses how selective each index is, and at a hundred
thousand people it guesses wrong (a name key lookup becomes a scan). Each new connection
checks, in one cheap query, that statistics exist and that the register has not grown
fourfold since they were taken; if it has, it runs `ANALYZE` with a sample limit, which
takes milliseconds at a million rows. PostgreSQL's autovacuum does this on its own.
"""

from __future__ import annotations

from typing import Any

# Rows sampled per index by ANALYZE: enough for the planner's averages, bounded in time.
ANALYSIS_LIMIT = 2000
GROWTH = 4


def _stale(cursor: Any) -> bool:
    cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
    if cursor.fetchone() is None:
        return True
    cursor.execute(
        "SELECT stat FROM sqlite_stat1 WHERE tbl = 'registry_person' AND idx IS NULL "
        "OR tbl = 'registry_person' AND idx LIKE 'sqlite_autoindex%' LIMIT 1"
    )
    row = cursor.fetchone()
    try:
        cursor.execute("SELECT max(rowid) FROM registry_person")
    except Exception:  # not migrated yet
        return False
    rows = (cursor.fetchone() or [0])[0] or 0
    if row is None:
        return rows > 0
    counted = int(str(row[0]).split()[0] or 0)
    return rows > GROWTH * max(counted, 250)


def analyze_if_stale(connection: Any) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if _stale(cursor):
            analyze(cursor)


def analyze(cursor: Any) -> None:
    cursor.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
    cursor.execute("ANALYZE")


def on_connection_created(sender: Any, connection: Any, **kwargs: Any) -> None:
    analyze_if_stale(connection)
