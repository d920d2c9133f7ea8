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

    class Meta:
        ordering = ["-screened_at"]

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
