"""Emergency mode: an influx declared by a supervisor for a location and a period, the
short screening used at first contact while it runs, and the queue of people waiting
for their full screening."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from crossroads.screening.forms import LOCATION_CHOICES


class Influx(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    country = models.ForeignKey(
        "accounts.Country", verbose_name=_("state"), on_delete=models.PROTECT, related_name="+"
    )
    location = models.CharField(_("location"), max_length=200)
    location_kind = models.CharField(
        _("kind of place"), max_length=12, choices=LOCATION_CHOICES, default="border"
    )
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"))
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts", "location"]
        verbose_name = _("influx")
        verbose_name_plural = _("influxes")
        indexes = [models.Index(fields=["country", "starts", "ends"])]

    def __str__(self) -> str:
        return f"{self.location} {self.starts}–{self.ends}"


class ShortScreening(models.Model):
    """A person screened with the short questions during an influx. The screening itself
    (record and engine result) is an ordinary `Screening`; the full screening is due by
    `full_due` and is done when the person has a later screening."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    influx = models.ForeignKey(Influx, on_delete=models.PROTECT, related_name="short_screenings")
    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="+")
    screening = models.OneToOneField(
        "screening.Screening", on_delete=models.PROTECT, related_name="short_screening"
    )
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    screened_at = models.DateTimeField(auto_now_add=True)
    full_due = models.DateTimeField(_("full screening due"))
    priority = models.CharField(_("priority"), max_length=10, blank=True)
    # The answers, kept as columns so that an influx's figures are counted by the database.
    fear_of_return = models.CharField(max_length=10)
    child_alone = models.BooleanField(default=False)
    medical_urgent = models.BooleanField(default=False)
    trafficking_signs = models.BooleanField(default=False)

    class Meta:
        ordering = ["full_due"]
        indexes = [models.Index(fields=["influx", "full_due"])]

    def __str__(self) -> str:
        return str(self.id)
