"""The identity index in the database, candidate duplicates, and merges that can be undone."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IdentityKey(models.Model):
    """The identity engine's blocking keys of a person's names and aliases: the real-time
    "registered before?" index, kept up to date by the register's actions, on SQLite and
    PostgreSQL alike."""

    person = models.ForeignKey(
        "registry.Person", on_delete=models.CASCADE, related_name="identity_keys"
    )
    key = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="one_identity_key_per_person")
        ]
        # A key's block read from the index alone, in one range (no table rows).
        indexes = [models.Index(fields=["key", "person"], name="identity_key_block")]

    def __str__(self) -> str:
        return self.key


class DuplicateCandidate(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("to review")
        MERGED = "merged", _("merged")
        DISTINCT = "distinct", _("different people")

    class Source(models.TextChoices):
        REGISTRATION = "registration", _("found at registration")
        BATCH = "batch", _("found by the batch run")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person_a = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField(_("match probability"))
    explanation = models.JSONField(_("why"), default=dict)
    levels = models.JSONField(default=dict)
    cluster = models.CharField(_("cluster"), max_length=64, blank=True)
    source = models.CharField(max_length=12, choices=Source.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    found_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-probability"]
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="one_candidate_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.person_a_id} ~ {self.person_b_id} ({self.probability:.2f})"


class Merge(models.Model):
    """One merge: which rows moved from the merged record to the kept one, so that undo
    moves exactly those back. The merged record itself is never deleted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kept = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    merged = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    moved = models.JSONField(default=dict)
    added_aliases = models.JSONField(default=list)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    undo_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_id} → {self.kept_id}"


class IdentityModelVersion(models.Model):
    """One version of the identity engine's match model for a state's register: its m and u
    per comparison level (``Model.to_json``), what it was fitted on and what changed
    (``report``). Versions are kept; at most one is active per state. A new version never
    re-scores past decisions: each candidate's explanation names the version that scored it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    country = models.ForeignKey("accounts.Country", on_delete=models.PROTECT, related_name="+")
    version = models.CharField(_("model version"), max_length=64, unique=True)
    base_version = models.CharField(_("refitted from"), max_length=64)
    parameters = models.JSONField()
    report = models.JSONField(default=dict)
    active = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["country"],
                condition=models.Q(active=True),
                name="one_active_identity_model_per_state",
            )
        ]

    def __str__(self) -> str:
        return self.version
