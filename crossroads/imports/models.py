"""Bulk imports: the file as uploaded, the jobs that dry-run or import it, a report row per
row of the file, and the fingerprints that keep a row from being registered twice."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportFile(models.Model):
    """The bytes as uploaded, kept so that a job can run (or resume) in the background."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.ForeignKey(ImportFile, on_delete=models.PROTECT, related_name="jobs")
    country = models.ForeignKey("accounts.Country", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    dry_run = models.BooleanField(_("dry run"), default=True)
    layout = models.CharField(_("layout"), max_length=20)
    encoding = models.CharField(_("encoding"), max_length=40, blank=True)
    mapping = models.JSONField(default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict)
    failure = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def progress(self) -> float:
        if self.status == self.Status.DONE:
            return 1.0
        return round(self.processed_rows / self.total_rows, 4) if self.total_rows else 0.0


class RowOutcome(models.TextChoices):
    REGISTERED = "registered", _("registered")
    INVALID = "invalid", _("invalid")
    POSSIBLE_DUPLICATE = "possible_duplicate", _("possible duplicate")
    SKIPPED_ALREADY_IMPORTED = "skipped_already_imported", _("already imported")


class ImportRow(models.Model):
    """What became of one row of the file (its number as a spreadsheet shows it)."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    row = models.PositiveIntegerField()
    outcome = models.CharField(max_length=30, choices=RowOutcome.choices)
    errors = models.JSONField(default=list)
    duplicates = models.JSONField(default=list)
    person = models.ForeignKey(
        "registry.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["job", "row"]
        constraints = [models.UniqueConstraint(fields=["job", "row"], name="one_report_per_row")]

    def __str__(self) -> str:
        return f"{self.job_id}:{self.row}"


class ImportedRow(models.Model):
    """A row once registered, by its fingerprint (the submission's own id where the export
    has one, else its content): importing it again, from any file, skips it."""

    country = models.ForeignKey("accounts.Country", on_delete=models.PROTECT, related_name="+")
    fingerprint = models.CharField(max_length=64)
    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(ImportJob, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["country", "fingerprint"], name="one_registration_per_row"
            )
        ]

    def __str__(self) -> str:
        return self.fingerprint
