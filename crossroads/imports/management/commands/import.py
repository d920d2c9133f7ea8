"""`crossroads import FILE [--dry-run] --user NAME`: a bulk import from the command line,
run here with a progress bar on stderr; bad input exits 2 with one line naming the field."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser

from crossroads.audit.context import Origin, current_origin
from crossroads.core.exceptions import Forbidden, InvalidInput


class Command(BaseCommand):
    help = "Dry-runs or imports a CSV or XLSX file of people, as registered by --user."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="register no one")
        parser.add_argument("--user", required=True, help="the supervisor importing")
        parser.add_argument("--mapping", help='JSON: {"given_name": "their column", ...}')
        parser.add_argument("--report", action="store_true", help="print every row's outcome")

    def fail(self, line: str) -> NoReturn:
        sys.stderr.write(line.replace("\n", " ") + "\n")
        sys.exit(2)

    def handle(self, *args: Any, **options: Any) -> None:
        from crossroads.accounts.models import User

        from ...actions import create_import
        from ...models import ImportRow
        from ...report import errors_for_reader

        user = User.objects.select_related("agency").filter(username=options["user"]).first()
        if user is None:
            self.fail(f"--user: no user {options['user']!r}")
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as exc:
            self.fail(f"file: {exc.strerror or exc}: {path}")
        mapping = None
        if options["mapping"]:
            try:
                mapping = json.loads(options["mapping"])
            except ValueError:
                self.fail("mapping: not a JSON object")
            if not isinstance(mapping, dict):
                self.fail("mapping: not a JSON object")
        token = current_origin.set(Origin(channel="cli"))
        try:
            job = create_import(
                acting_user=user,
                name=path.name,
                content=content,
                dry_run=options["dry_run"],
                mapping=mapping,
                run_now=True,
                on_progress=self.progress,
            )
        except InvalidInput as exc:
            name, messages = next(iter(exc.errors.items()))
            self.fail(f"{name}: {' '.join(messages)}")
        except Forbidden as exc:
            self.fail(f"--user: {exc.message}")
        finally:
            current_origin.reset(token)
        sys.stderr.write("\n")
        if options["report"]:
            for row in ImportRow.objects.filter(job=job).order_by("row"):
                line = {"row": row.row, "outcome": row.outcome}
                if row.errors:
                    line["errors"] = [
                        {"field": e["field"], "message": e["message"]}
                        for e in errors_for_reader(row.errors)
                    ]
                if row.duplicates:
                    line["duplicates"] = row.duplicates
                self.stdout.write(json.dumps(line, ensure_ascii=False))
        summary = {
            "job": str(job.pk),
            "dry_run": job.dry_run,
            "layout": job.layout,
            "encoding": job.encoding,
            "rows": job.total_rows,
            "counts": job.counts,
        }
        self.stdout.write(json.dumps(summary, ensure_ascii=False))

    def progress(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        percent = 100 * done // total if total else 100
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {percent:3d}% {done}/{total}")
        sys.stderr.flush()
