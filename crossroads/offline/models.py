"""Records made offline and received by `sync/`, each once by its client id; and the
conflicts between an offline change and a change made meanwhile on the server, kept with
both values until a person resolves them field by field (never the last write winning)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncKind(models.TextChoices):
    PERSON = "person", _("person")
    HOUSEHOLD = "household", _("household")
    SCREENING = "screening", _("screening")


class SyncOutcome(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    ALREADY_RECEIVED = "already_received", _("already received")
    POSSIBLE_DUPLICATE = "possible_duplicate", _("possibly registered before")
    CONFLICT = "conflict", _("conflict")
    INVALID = "invalid", _("invalid")


class SyncItem(models.Model):
    """One item received; its client id is never received twice."""

    client_id = models.UUIDField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=SyncKind.choices)
    made_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=20, choices=SyncOutcome.choices)
    record_type = models.CharField(max_length=40)
    record_id = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["received_at"]

    def __str__(self) -> str:
        return str(self.client_id)


class SyncConflict(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        RESOLVED = "resolved", _("resolved")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.OneToOneField(SyncItem, on_delete=models.PROTECT, related_name="conflict")
    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="+")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    base_version = models.PositiveIntegerField()
    server_version = models.PositiveIntegerField()
    # field -> {"offline": value made offline, "server": value on the server then}
    fields = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    resolution = models.JSONField(default=dict, blank=True)  # field -> "offline" | "server"
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.id)
