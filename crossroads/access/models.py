"""Which agencies work on which person: the registering agency, and those the person was
later referred or transferred to. The access gate reads nothing else."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantReason(models.TextChoices):
    REGISTERED = "registered", _("registered the person")
    REFERRAL = "referral", _("received a referral")
    TRANSFER = "transfer", _("received a transfer")
    REQUEST = "request", _("was granted access on request")


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
        indexes = [
            # The gate's probe for one person (a correlated EXISTS per row read), and the
            # agency's live grants when a list starts from them; revoked rows stay out.
            models.Index(
                fields=["person", "agency", "reason"],
                condition=models.Q(revoked_at__isnull=True),
                name="access_live_grant",
            ),
            models.Index(
                fields=["agency", "reason", "person"],
                condition=models.Q(revoked_at__isnull=True),
                name="access_agency_live_grant",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} → {self.person_id} ({self.reason})"


class AccessRequest(models.Model):
    """An agency asks the agency that registered a person for access (it found a likely
    earlier registration it may not see). The registering agency's supervisor grants or
    refuses; an unanswered request expires."""

    class Status(models.TextChoices):
        ASKED = "asked", _("waiting for an answer")
        GRANTED = "granted", _("granted")
        REFUSED = "refused", _("refused")
        EXPIRED = "expired", _("expired")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.CASCADE, related_name="access_requests"
    )
    from_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="access_requests_sent"
    )
    to_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="access_requests_received"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.ASKED
    )
    requested_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    refuse_reason = models.TextField(_("reason for refusing"), blank=True)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [
            models.Index(fields=["to_agency", "status"]),
            models.Index(fields=["from_agency", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.from_agency_id} → {self.to_agency_id} ({self.status})"
