"""The background work of imports, on the task queue (Huey: SQLite storage under
CROSSROADS_HOME by default, Redis when CROSSROADS_TASK_QUEUE names one; immediate in
tests). `make run` starts its consumer beside the web server (crossroads/gunicorn_conf.py)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from crossroads.imports.models import ImportJob


@db_task(retries=0)  # type: ignore[untyped-decorator]
def run_import(job_id: str) -> None:
    from .actions import process_import

    try:
        process_import(job_id)
    except Exception as exc:
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJob.Status.FAILED, failure=type(exc).__name__
        )
        raise
