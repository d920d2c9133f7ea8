"""Screenings at first contact, and the safeguards they set on a person."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .vocab import SAFEGUARD_CHOICES


class Screening(models.Model):
    """One first-contact interview: the record of screening.md section 1 as entered, and
    the engine's result exactly as `crossroads screen` prints it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=24, unique=True)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="screenings"
    )
    country = models.ForeignKey("accounts.Country", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    screened_at = models.DateTimeField(_("screened at"), auto_now_add=True)
    record = models.JSONField(_("record"))
    result = models.JSONField(_("result"))
    pack_version = models.CharField(_("pack"), max_length=40)
    #: The record's permanent statistics key (docs/statistics.md, the cell-key method):
    #: 32 bits drawn from its id with the instance's statistics secret, set when it is
    #: saved (or by the first statistics read for rows written in bulk). Never shown.
    cell_key = models.BigIntegerField(null=True, blank=True, editable=False)
    #: The codes of the needs the result found, sorted, each between commas (",a,b,"),
    #: kept beside the result so that statistics group screenings by need in SQL.
    need_codes = models.CharField(max_length=400, blank=True, default="", editable=False)
    #: The kind and the name of the place the record names (`record.location`), kept for
    #: the same reason: statistics count and filter by place.
    location_kind = models.CharField(max_length=40, blank=True, default="", editable=False)
    location_name = models.CharField(max_length=200, blank=True, default="", editable=False)

    class Meta:
        ordering = ["-screened_at"]
        indexes = [
            models.Index(
                fields=[
                    "country",
                    "screened_at",
                    "need_codes",
                    "location_kind",
                    "location_name",
                    "cell_key",
                ],
                name="screening_statistics",
            ),
            models.Index(
                fields=["cell_key"],
                condition=Q(cell_key__isnull=True),
                name="screening_cell_key_missing",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class SafeguardQuerySet(models.QuerySet["PersonSafeguard"]):
    def active(self) -> SafeguardQuerySet:
        now = timezone.now()
        return self.filter(lifted_at__isnull=True).filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now)
        )


class PersonSafeguard(models.Model):
    """A safeguard standing on a person until a recorded decision of an authorised role
    lifts it (or, for a reflection period, until its days have passed)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.CASCADE, related_name="safeguards"
    )
    code = models.CharField(_("safeguard"), max_length=32, choices=SAFEGUARD_CHOICES)
    because = models.JSONField(_("because"), default=list)
    screening = models.ForeignKey(
        Screening, on_delete=models.PROTECT, null=True, blank=True, related_name="safeguards"
    )
    started_at = models.DateTimeField(_("since"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lift_reason = models.TextField(_("reasons for lifting"), blank=True)
    lift_decision = models.CharField(_("decision reference"), max_length=100, blank=True)

    objects = SafeguardQuerySet.as_manager()

    class Meta:
        ordering = ["code", "started_at"]
        indexes = [models.Index(fields=["person", "code"])]

    def __str__(self) -> str:
        return self.code

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None and (self.ends_at is None or self.ends_at > timezone.now())
