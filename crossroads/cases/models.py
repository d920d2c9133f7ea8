"""Cases and everything done on them. The states and transitions of each type are the
workflow modules' (`workflows/`); the rules are checked by `actions.transition_case`."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .workflows import CASE_TYPE_CHOICES, workflow_for
from .workflows.base import DURABLE_SOLUTIONS, SOLUTION_STATUSES


class Case(models.Model):
    class Variant(models.TextChoices):
        NATIONAL = "national", _("national procedure")
        UNHCR_MANDATE = "unhcr_mandate", _("UNHCR mandate procedure")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=24, unique=True)
    type = models.CharField(_("type"), max_length=32, choices=CASE_TYPE_CHOICES)
    variant = models.CharField(_("variant"), max_length=16, choices=Variant.choices, blank=True)
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="cases")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="cases")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
    )
    state = models.CharField(_("state"), max_length=32, default="open")
    closed_from = models.CharField(max_length=32, blank=True)
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_from = models.ForeignKey(
        "referrals.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    #: name -> ISO date or date-time the step is due by
    deadlines = models.JSONField(_("deadlines"), default=dict, blank=True)
    #: deadlines that passed before their step was made: the step was still made (a late
    #: best-interests assessment is never refused) and stays flagged here for supervisors;
    #: items {"deadline", "due", "step", "done_at"}
    missed_deadlines = models.JSONField(_("missed deadlines"), default=list, blank=True)
    next_deadline = models.DateTimeField(null=True, blank=True)
    durable_solution = models.CharField(
        _("durable solution"), max_length=32, choices=DURABLE_SOLUTIONS, blank=True
    )
    durable_solution_status = models.CharField(
        _("progress"), max_length=16, choices=SOLUTION_STATUSES, blank=True
    )
    #: the outcome of the latest decision (`decide`, `decide_appeal`)
    outcome = models.CharField(_("outcome"), max_length=32, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    plan = models.TextField(_("case plan"), blank=True)
    version = models.PositiveIntegerField(default=1)
    #: The record's permanent statistics key (docs/statistics.md, the cell-key method):
    #: 32 bits drawn from its id with the instance's statistics secret, set when it is
    #: saved (or by the first statistics read for rows written in bulk). Never shown.
    cell_key = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["agency", "state"]),
            models.Index(fields=["assignee", "state"]),
            models.Index(fields=["person"]),
            models.Index(fields=["opened_at", "person"], name="case_statistics"),
            models.Index(
                fields=["cell_key"],
                condition=models.Q(cell_key__isnull=True),
                name="case_cell_key_missing",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def workflow(self) -> Any:
        return workflow_for(self.type)

    @property
    def state_label(self) -> str:
        return str(self.workflow.state_label(self.state))

    @property
    def is_closed(self) -> bool:
        return self.state == "closed"


class CaseTransition(models.Model):
    """History: one row per transition made, never changed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="history")
    name = models.CharField(_("transition"), max_length=40)
    from_state = models.CharField(_("from"), max_length=32)
    to_state = models.CharField(_("to"), max_length=32)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reasons = models.TextField(_("reasons"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.from_state} → {self.to_state}"


class Approval(models.Model):
    """A decision that waits in the supervisor's queue; the state changes only when it is
    approved, or it is sent back with reasons."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        SENT_BACK = "sent_back", _("sent back")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="approvals")
    transition = models.CharField(_("transition"), max_length=40)
    data = models.JSONField(_("data"), default=dict)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reasons = models.TextField(_("reasons"), blank=True)

    class Meta:
        ordering = ["requested_at"]

    def __str__(self) -> str:
        return f"{self.transition} ({self.status})"


class Task(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    due = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done", "due", "created_at"]

    def __str__(self) -> str:
        return self.title


class Note(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return self.text[:40]


def document_path(instance: CaseDocument, filename: str) -> str:
    """A random name, never the uploaded one: the file name may itself be personal data."""
    extension = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(
        instance.content_type, "bin"
    )
    return f"cases/{secrets.token_hex(16)}.{extension}"


class CaseDocument(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=document_path, max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.title


class ServiceDelivered(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="services")
    service = models.CharField(_("service"), max_length=200)
    provider = models.CharField(_("provided by"), max_length=200, blank=True)
    delivered_on = models.DateField(_("delivered on"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["delivered_on", "at"]

    def __str__(self) -> str:
        return self.service
