"""Publications: a state's protected tables of one closed period, published to the region.

A publication holds aggregate tables only (codes and protected counts; never a person,
an id or an unprotected count), written by `actions.publish_statistics` on this instance
or by `actions.import_bundle` from a signed bundle of another instance."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TrustedInstance(models.Model):
    """Another Crossroads instance whose bundles are accepted, and the states it may
    publish for. Its id is the fingerprint of its Ed25519 public key."""

    id = models.CharField(_("fingerprint"), max_length=64, primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    public_key = models.CharField(_("public key (base64)"), max_length=64, unique=True)
    countries = models.JSONField(_("states it publishes for"), default=list)
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trusted instance")
        verbose_name_plural = _("trusted instances")

    def __str__(self) -> str:
        return self.name


class Publication(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    country = models.ForeignKey(
        "accounts.Country", verbose_name=_("state"), on_delete=models.PROTECT, related_name="+"
    )
    #: `2026-11` (a month) or `2026-Q3` (a quarter)
    period = models.CharField(_("period"), max_length=8)
    starts = models.DateField(_("first day"))
    ends = models.DateField(_("last day"))
    #: protected tables, language-neutral: [{"name", "unit", "columns", "rows", "total"}]
    tables = models.JSONField(_("tables"), default=list)
    method = models.JSONField(_("method"), default=dict)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"))
    #: "" for this instance's own; the fingerprint of the instance a bundle came from
    source = models.CharField(_("source instance"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts", "country_id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "period"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_standing_publication_per_state_and_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.period}"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None
