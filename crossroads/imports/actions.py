"""Bulk import: a supervisor uploads a file; a job dry-runs or imports it in the
background, one row at a time, each row registered whole (through `register_person`) or
reported. Resumable (a row already reported is not done again) and idempotent (a row
once registered, from any file, is skipped by its fingerprint)."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.access.gate import require_role
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, InvalidInput, NotFound
from crossroads.identity.matching import draft_records, find_candidates
from crossroads.registry.actions import PersonData, register_person

from .models import ImportedRow, ImportFile, ImportJob, ImportRow, RowOutcome
from .reading import (
    ImportFileError,
    Table,
    apply_mapping,
    check_mapping,
    detect_layout,
    read_table,
    sha256,
)
from .report import errors_in_every_language
from .rows import evaluate_row

# A row this likely to be someone registered before is reported, not registered: a person
# decides (the officer's page asks from 0.3; a file has no one to ask, so only strong ones).
DUPLICATE_FROM = 0.5
PROGRESS_EVERY = 25


def read_job_table(content: bytes, name: str, mapping: dict[str, str] | None) -> Table:
    table = read_table(content, name)
    detect_layout(table)
    if mapping:
        apply_mapping(table, mapping)
    check_mapping(table)
    return table


def store_upload(*, acting_user: User, name: str, content: bytes) -> ImportFile:
    """Keeps an uploaded file for the mapping step of the page (a layout we do not know),
    after checking it is a CSV or XLSX we can read."""
    require_role(acting_user, "import_persons")
    require_role(acting_user, "register_person")
    try:
        read_table(content, name)
    except ImportFileError as exc:
        raise InvalidInput({exc.field: [exc.message]}) from None
    with transaction.atomic():
        stored = ImportFile.objects.create(
            name=name[:200], sha256=sha256(content), content=content, uploaded_by=acting_user
        )
        record(acting_user, AuditAction.CREATE, stored, detail={"bytes": len(content)})
    return stored


def access_upload_by_id(user: User, file_id: Any) -> ImportFile:
    require_role(user, "import_persons")
    try:
        pk = uuid.UUID(str(file_id))
    except ValueError:
        raise NotFound() from None
    stored = ImportFile.objects.filter(pk=pk, uploaded_by=user).first()
    if stored is None:
        raise NotFound()
    return stored


def create_import(
    *,
    acting_user: User,
    dry_run: bool,
    name: str = "",
    content: bytes = b"",
    stored: ImportFile | None = None,
    mapping: dict[str, str] | None = None,
    run_now: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> ImportJob:
    """Checks the file can be read, stores it and queues a job (or runs it here, for the
    command line). A file that cannot be read raises InvalidInput naming `file` or
    `mapping`; nothing is stored."""
    require_role(acting_user, "import_persons")
    require_role(acting_user, "register_person")
    if stored is not None:
        name, content = stored.name, bytes(stored.content)
    try:
        table = read_job_table(content, name, mapping)
    except ImportFileError as exc:
        raise InvalidInput({exc.field: [exc.message]}) from None
    with transaction.atomic():
        if stored is None:
            stored = ImportFile.objects.create(
                name=name[:200], sha256=sha256(content), content=content, uploaded_by=acting_user
            )
        job = ImportJob.objects.create(
            file=stored,
            country_id=acting_user.home_country_id,
            agency=acting_user.home_agency,
            created_by=acting_user,
            dry_run=dry_run,
            layout=table.layout,
            encoding=table.encoding,
            mapping=table.mapping,
            total_rows=len(table.rows),
        )
        record(
            acting_user,
            AuditAction.CREATE,
            job,
            detail={"rows": len(table.rows), "dry_run": dry_run, "layout": table.layout},
        )
    if run_now:
        process_import(job.pk, on_progress=on_progress)
        job.refresh_from_db()
    else:
        from .tasks import run_import

        run_import(str(job.pk))
    return job


def access_import_by_id(user: User, job_id: Any) -> ImportJob:
    """A job of the user's own agency; any other is 404, like one that does not exist."""
    require_role(user, "import_persons")
    try:
        pk = uuid.UUID(str(job_id))
    except ValueError:
        raise NotFound() from None
    job = ImportJob.objects.filter(pk=pk, agency_id=user.home_agency_id).first()
    if job is None:
        raise NotFound()
    return job


def resume_import(*, acting_user: User, job_id: Any) -> ImportJob:
    """Queues again a job that stopped (its process ended, or it failed): it goes on from
    the first row not yet reported."""
    job = access_import_by_id(acting_user, job_id)
    if job.status == ImportJob.Status.DONE:
        raise Conflict(_("This import is finished."))
    with transaction.atomic():
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.QUEUED, failure="")
        record(acting_user, AuditAction.UPDATE, job, detail={"resumed": True})
    from .tasks import run_import

    run_import(str(job.pk))
    job.refresh_from_db()
    return job


def _duplicates(country: str, values: dict[str, Any]) -> list[dict[str, Any]]:
    found = find_candidates(country, draft_records(values, None), top=3)
    return [
        {"reference": f.person.reference, "probability": round(f.match.probability, 4)}
        for f in found
        if f.match.is_match or f.match.probability >= DUPLICATE_FROM
    ]


def process_import(job_id: Any, on_progress: Callable[[int, int], None] | None = None) -> None:
    """The job's work (the task queue calls it): every row not yet reported, in order."""
    job = ImportJob.objects.select_related("file", "created_by__agency").get(pk=job_id)
    if job.status == ImportJob.Status.DONE:
        return
    user = job.created_by
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING, started_at=job.started_at or timezone.now()
    )
    try:
        table = read_job_table(bytes(job.file.content), job.file.name, job.mapping)
    except ImportFileError as exc:
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.FAILED, failure=exc.message
        )
        return
    reported = list(ImportRow.objects.filter(job=job).values_list("row", "outcome"))
    done = {row for row, _outcome in reported}
    counts = Counter(outcome for _row, outcome in reported)
    seen: set[str] = set()
    processed = len(done)
    for index in range(len(table.rows)):
        row_number = index + 2  # as a spreadsheet numbers it, under its header row
        if row_number in done:
            continue
        outcome = _process_row(job, user, table, index, row_number, seen)
        counts[outcome] += 1
        processed += 1
        if processed % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job.pk).update(
                processed_rows=processed, counts=dict(counts)
            )
            if on_progress is not None:
                on_progress(processed, len(table.rows))
    with transaction.atomic():
        ImportJob.objects.filter(pk=job.pk).update(
            processed_rows=processed,
            counts=dict(counts),
            status=ImportJob.Status.DONE,
            finished_at=timezone.now(),
        )
        record(user, AuditAction.UPDATE, job, detail={"finished": True, "counts": dict(counts)})
    if on_progress is not None:
        on_progress(processed, len(table.rows))


def _process_row(
    job: ImportJob, user: User, table: Table, index: int, row_number: int, seen: set[str]
) -> str:
    result = evaluate_row(table, index, job.country_id)
    report: dict[str, Any] = {"job": job, "row": row_number}
    if result.errors:
        errors = errors_in_every_language(table, index, job.country_id, result.errors)
        ImportRow.objects.create(**report, outcome=RowOutcome.INVALID, errors=errors)
        return RowOutcome.INVALID
    already = (
        result.fingerprint in seen
        or ImportedRow.objects.filter(
            country_id=job.country_id, fingerprint=result.fingerprint
        ).exists()
    )
    seen.add(result.fingerprint)
    if already:
        ImportRow.objects.create(**report, outcome=RowOutcome.SKIPPED_ALREADY_IMPORTED)
        return RowOutcome.SKIPPED_ALREADY_IMPORTED
    duplicates = _duplicates(job.country_id, result.values)
    if duplicates:
        ImportRow.objects.create(
            **report, outcome=RowOutcome.POSSIBLE_DUPLICATE, duplicates=duplicates
        )
        return RowOutcome.POSSIBLE_DUPLICATE
    if job.dry_run:
        ImportRow.objects.create(**report, outcome=RowOutcome.REGISTERED)
        return RowOutcome.REGISTERED
    try:
        # The row whole, or not at all: the person, their fingerprint and the report row.
        with transaction.atomic():
            person = register_person(acting_user=user, data=PersonData(values=result.values))
            ImportedRow.objects.create(
                country_id=job.country_id, fingerprint=result.fingerprint, person=person, job=job
            )
            ImportRow.objects.create(**report, outcome=RowOutcome.REGISTERED, person=person)
    except IntegrityError:
        # Another job registered the same row meanwhile: this one skips it.
        ImportRow.objects.create(**report, outcome=RowOutcome.SKIPPED_ALREADY_IMPORTED)
        return RowOutcome.SKIPPED_ALREADY_IMPORTED
    except InvalidInput as exc:
        errors = [{"field": k, "message": " ".join(v)} for k, v in exc.errors.items()]
        ImportRow.objects.create(**report, outcome=RowOutcome.INVALID, errors=errors)
        return RowOutcome.INVALID
    return RowOutcome.REGISTERED
