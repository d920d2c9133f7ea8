"""Nothing below the ORM rewrites the trail either: on SQLite and on PostgreSQL the database
refuses every statement that would change or remove an audit row: UPDATE, DELETE, the
whole-table DELETE, TRUNCATE, INSERT OR REPLACE (whose implicit delete fires no delete
trigger), the upsert (INSERT ... ON CONFLICT DO UPDATE) and MERGE."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction

from crossroads.audit.models import AuditAction, AuditEvent
from crossroads.audit.writer import record

pytestmark = pytest.mark.django_db

COLUMNS = "(id, at, actor_username, action, object_type, object_id, ip, channel, detail)"
VALUES = "(%s, CURRENT_TIMESTAMP, 'someone else', 'read', '', '', '', '', '{}')"

SQLITE = {
    "update": "UPDATE audit_auditevent SET action = 'read' WHERE id = %s",
    "delete": "DELETE FROM audit_auditevent WHERE id = %s",
    "delete every row": "DELETE FROM audit_auditevent",
    "insert or replace": f"INSERT OR REPLACE INTO audit_auditevent {COLUMNS} VALUES {VALUES}",
    "replace": f"REPLACE INTO audit_auditevent {COLUMNS} VALUES {VALUES}",
    "upsert": f"INSERT INTO audit_auditevent {COLUMNS} VALUES {VALUES} "
    "ON CONFLICT (id) DO UPDATE SET action = excluded.action",
    "update or replace": "UPDATE OR REPLACE audit_auditevent SET id = id + 0 WHERE id = %s",
}
POSTGRES = {
    "update": "UPDATE audit_auditevent SET action = 'read' WHERE id = %s",
    "delete": "DELETE FROM audit_auditevent WHERE id = %s",
    "delete every row": "DELETE FROM audit_auditevent",
    "truncate": "TRUNCATE audit_auditevent",
    "truncate cascade": "TRUNCATE audit_auditevent CASCADE",
    "upsert": f"INSERT INTO audit_auditevent {COLUMNS} VALUES {VALUES} "
    "ON CONFLICT (id) DO UPDATE SET action = EXCLUDED.action",
    "merge": "MERGE INTO audit_auditevent AS a USING (SELECT %s::bigint AS id) AS s "
    "ON a.id = s.id WHEN MATCHED THEN UPDATE SET action = 'read'",
    "merge delete": "MERGE INTO audit_auditevent AS a USING (SELECT %s::bigint AS id) AS s "
    "ON a.id = s.id WHEN MATCHED THEN DELETE",
}


def _try(statement: str, event: AuditEvent) -> None:
    parameters = [event.pk] if "%s" in statement else []
    with (
        pytest.raises(Exception, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, parameters)


def _assert_untouched(event: AuditEvent, rows_before: int) -> None:
    again = AuditEvent.objects.get(pk=event.pk)
    assert (again.action, again.actor_username) == ("login", event.actor_username)
    assert AuditEvent.objects.count() == rows_before


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own statements")
@pytest.mark.parametrize("statement", list(SQLITE.values()), ids=list(SQLITE))
def test_sqlite_refuses_to_rewrite_the_trail(kg_border_officer: Any, statement: str) -> None:
    event = record(kg_border_officer, AuditAction.LOGIN)
    rows_before = AuditEvent.objects.count()
    _try(statement, event)
    _assert_untouched(event, rows_before)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own statements")
@pytest.mark.parametrize("statement", list(POSTGRES.values()), ids=list(POSTGRES))
def test_postgresql_refuses_to_rewrite_the_trail(kg_border_officer: Any, statement: str) -> None:
    if statement.startswith("MERGE") and connection.pg_version < 150000:
        pytest.skip("MERGE came with PostgreSQL 15")
    event = record(kg_border_officer, AuditAction.LOGIN)
    rows_before = AuditEvent.objects.count()
    _try(statement, event)
    _assert_untouched(event, rows_before)


def test_new_rows_are_still_written(kg_border_officer: Any) -> None:
    """The guard against replacing a row does not stand in the way of appending one."""
    first = record(kg_border_officer, AuditAction.LOGIN)
    second = record(kg_border_officer, AuditAction.LOGOUT)
    assert second.pk > first.pk
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO audit_auditevent {COLUMNS} VALUES {VALUES}", [second.pk + 1000]
        )
    assert AuditEvent.objects.filter(pk=second.pk + 1000).exists()
