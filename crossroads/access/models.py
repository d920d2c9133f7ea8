"""Which agencies work on which person: the registering agency, and those the person was
later referred or transferred to. The access gate reads nothing else."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantReason(models.TextChoices):
    REGISTERED = "registered", _("registered the person")
    REFERRAL = "referral", _("received a referral")
    TRANSFER = "transfer", _("received a transfer")


class PersonAccess(models.Model):
    person = models.ForeignKey(
        "registry.Person", on_delete=models.CASCADE, related_name="access_grants"
    )
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="person_grants"
    )
    reason = models.CharField(_("reason"), max_length=12, choices=GrantReason.choices)
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["agency", "person"])]

    def __str__(self) -> str:
        return f"{self.agency_id} → {self.person_id} ({self.reason})"
