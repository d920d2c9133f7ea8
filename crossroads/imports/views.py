"""Pages of bulk import: upload, map the columns where the layout is not known, read the
dry run's report, then import; a progress bar while a job runs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of
from crossroads.core.exceptions import InvalidInput

from . import actions
from .forms import MappingForm, UploadForm
from .models import ImportJob, ImportRow, RowOutcome
from .reading import ImportFileError, detect_layout, read_table
from .report import errors_for_reader


@login_required
def import_list(request: HttpRequest) -> HttpResponse:
    require_role(request.user, "import_persons")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            stored = actions.store_upload(
                acting_user=user_of(request), name=upload.name or "", content=upload.read()
            )
        except InvalidInput as exc:
            for messages in exc.errors.values():
                for message in messages:
                    form.add_error("file", message)
        else:
            return redirect("imports:mapping", file_id=stored.pk)
    user = user_of(request)
    jobs = ImportJob.objects.filter(agency_id=user.home_agency_id).select_related("file")[:50]
    return render(request, "imports/import_list.html", {"form": form, "jobs": jobs})


@login_required
def import_mapping(request: HttpRequest, file_id: str) -> HttpResponse:
    """The columns as we read them; a known layout comes mapped already, so that checking
    it is one click."""
    stored = actions.access_upload_by_id(user_of(request), file_id)
    content = bytes(stored.content)
    try:
        table = read_table(content, stored.name)
    except ImportFileError:
        return redirect("imports:import_list")
    detect_layout(table)
    form = MappingForm(request.POST or None, columns=table.columns, initial_mapping=table.mapping)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            job = actions.create_import(
                acting_user=user_of(request), stored=stored, dry_run=True, mapping=form.mapping()
            )
        except InvalidInput as exc:
            error = " ".join(m for messages in exc.errors.values() for m in messages)
        else:
            return redirect("imports:import_detail", job_id=job.pk)
    sample = table.rows[:3]
    return render(
        request,
        "imports/import_mapping.html",
        {"stored": stored, "table": table, "form": form, "error": error, "sample": sample},
    )


@login_required
def import_detail(request: HttpRequest, job_id: str) -> HttpResponse:
    job = actions.access_import_by_id(user_of(request), job_id)
    outcome = request.GET.get("outcome", "")
    rows = ImportRow.objects.filter(job=job).order_by("row")
    if outcome in RowOutcome.values:
        rows = rows.filter(outcome=outcome)
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    for row in page:
        row.reader_errors = errors_for_reader(row.errors)  # type: ignore[attr-defined]
    counts = [(value, label, job.counts.get(value, 0)) for value, label in RowOutcome.choices]
    return render(
        request,
        "imports/import_detail.html",
        {
            "job": job,
            "page": page,
            "counts": counts,
            "outcome": outcome,
            "finished": job.status in {ImportJob.Status.DONE, ImportJob.Status.FAILED},
        },
    )


@login_required
@require_POST
def import_run(request: HttpRequest, job_id: str) -> HttpResponse:
    """After a dry run: the same file and mapping, for real."""
    dry = actions.access_import_by_id(user_of(request), job_id)
    job = actions.create_import(
        acting_user=user_of(request), stored=dry.file, dry_run=False, mapping=dry.mapping
    )
    return redirect("imports:import_detail", job_id=job.pk)


@login_required
@require_POST
def import_resume(request: HttpRequest, job_id: str) -> HttpResponse:
    job = actions.resume_import(acting_user=user_of(request), job_id=job_id)
    return redirect("imports:import_detail", job_id=job.pk)
