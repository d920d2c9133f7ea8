"""`flush` that respects the append-only audit trail.

Emptying the database would erase history, so the triggers refuse it. Only the test suite
(settings.AUDIT_FLUSH_ALLOWED) may lift them for the length of a flush, to reset the
database between browser tests."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from crossroads.audit import triggers


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        if not getattr(settings, "AUDIT_FLUSH_ALLOWED", False):
            raise CommandError("The audit trail is append-only; flush is refused.")
        connection = connections[options["database"]]
        triggers.remove(connection)
        try:
            super().handle(**options)
        finally:
            triggers.install(connection)
