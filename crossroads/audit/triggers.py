"""Database triggers that make the audit table append-only below the ORM.

PostgreSQL: row triggers refuse UPDATE and DELETE (which also covers an upsert's
ON CONFLICT DO UPDATE and MERGE), a statement trigger refuses TRUNCATE. SQLite: triggers
refuse UPDATE and DELETE (a DELETE of every row included: a table with a delete trigger
is never truncated wholesale), and one refuses an INSERT of an id that exists, which is
how INSERT OR REPLACE would otherwise rewrite a row. Tested statement by statement in
audit/tests/test_audit_trail_cannot_be_rewritten.py."""

from __future__ import annotations

from typing import Any

POSTGRES_INSTALL = """
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_no_update ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_no_delete ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_no_truncate ON audit_auditevent;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
"""
POSTGRES_REMOVE = """
DROP TRIGGER IF EXISTS audit_no_update ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_no_delete ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_no_truncate ON audit_auditevent;
"""
SQLITE_INSTALL = [
    "DROP TRIGGER IF EXISTS audit_no_update;",
    "DROP TRIGGER IF EXISTS audit_no_delete;",
    "DROP TRIGGER IF EXISTS audit_no_replace;",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;""",
    # INSERT OR REPLACE (and REPLACE) removes the row it replaces without firing a delete
    # trigger unless PRAGMA recursive_triggers is on, which a connection can turn off:
    # refuse, before the insert, any row whose id is already taken.
    """CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit_auditevent
       WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_auditevent WHERE id = NEW.id)
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;""",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_no_update;",
    "DROP TRIGGER IF EXISTS audit_no_delete;",
    "DROP TRIGGER IF EXISTS audit_no_replace;",
]


def _run(connection: Any, postgres: str, sqlite: list[str]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(postgres)
        elif connection.vendor == "sqlite":
            for statement in sqlite:
                cursor.execute(statement)


def install(connection: Any) -> None:
    _run(connection, POSTGRES_INSTALL, SQLITE_INSTALL)


def remove(connection: Any) -> None:
    _run(connection, POSTGRES_REMOVE, SQLITE_REMOVE)
