"""Referrals to the agency that receives each pathway, and the consent or lawful basis
that sharing with a non-state partner needs (screening.md section 6)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crossroads.screening.vocab import PATHWAY_CHOICES, PRIORITY_CHOICES


class Basis(models.TextChoices):
    CONSENT = "consent", _("the person's consent")
    CHILD_BEST_INTERESTS = "child_best_interests", _("the child's best interests")
    VITAL_INTERESTS = "vital_interests", _("vital interests (medical emergency)")


class GivenBy(models.TextChoices):
    PERSON = "person", _("the person")
    PARENT = "parent", _("a parent")
    GUARDIAN = "guardian", _("a guardian")
    AUTHORITY = "authority", _("an authority (lawful basis)")


class Consent(models.Model):
    """Consent (or a recorded lawful basis) to share with one non-state agency, for the
    pathways named, until withdrawn."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="consents")
    to_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="consents_received"
    )
    purposes = models.JSONField(_("for what (pathways)"), default=list)
    basis = models.CharField(
        _("basis"), max_length=24, choices=Basis.choices, default=Basis.CONSENT
    )
    given_by = models.CharField(_("given by"), max_length=10, choices=GivenBy.choices)
    given_by_name = models.CharField(_("name of who gave it"), max_length=200, blank=True)
    given_on = models.DateField(_("date"))
    shares_sensitive = models.BooleanField(
        _("includes health, violence and exploitation details"), default=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return f"{self.basis} → {self.to_agency_id}"

    @property
    def purpose_labels(self) -> list[str]:
        labels = dict(PATHWAY_CHOICES)
        return [str(labels.get(p, p)) for p in self.purposes]

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def covers(self, pathway: str) -> bool:
        return self.withdrawn_at is None and pathway in self.purposes


class Referral(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("sent")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=24, unique=True)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="referrals"
    )
    screening = models.ForeignKey(
        "screening.Screening",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    pathway = models.CharField(_("pathway"), max_length=32, choices=PATHWAY_CHOICES)
    needs = models.JSONField(_("needs"), default=list)
    safeguards = models.JSONField(_("safeguards when sent"), default=list)
    priority = models.CharField(_("priority"), max_length=10, choices=PRIORITY_CHOICES)
    deadline_at = models.DateTimeField(_("answer due by"))
    from_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="referrals_sent"
    )
    to_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="referrals_received"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SENT
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    version = models.PositiveIntegerField(default=1)
    #: The record's permanent statistics key (docs/statistics.md, the cell-key method):
    #: 32 bits drawn from its id with the instance's statistics secret, set when it is
    #: saved (or by the first statistics read for rows written in bulk). Never shown.
    cell_key = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["deadline_at"]
        indexes = [
            models.Index(fields=["to_agency", "status", "deadline_at"]),
            models.Index(fields=["from_agency", "status"]),
            # Statistics group referrals by period from this index alone.
            models.Index(
                fields=[
                    "sent_at",
                    "person",
                    "pathway",
                    "to_agency",
                    "answered_at",
                    "deadline_at",
                    "cell_key",
                ],
                name="referral_statistics_cover",
            ),
            models.Index(fields=["screening", "status"], name="referral_by_screening"),
            models.Index(
                fields=["cell_key"],
                condition=models.Q(cell_key__isnull=True),
                name="referral_cell_key_missing",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_overdue(self) -> bool:
        """Still unanswered when its deadline has passed: flagged to supervisors."""
        return self.status == self.Status.SENT and self.deadline_at < timezone.now()
