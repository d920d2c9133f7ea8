"""A household registered in one go: the person in charge and the members, each a person
of the register, with their relationship to the person in charge."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Relationship(models.TextChoices):
    """A member's relationship to the person in charge (api.md Version 2, `households/`)."""

    HEAD = "head", _("person in charge")
    SPOUSE = "spouse", _("spouse")
    CHILD = "child", _("child")
    PARENT = "parent", _("parent")
    SIBLING = "sibling", _("sibling")
    OTHER = "other", _("other relative")


class Household(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    country = models.ForeignKey(
        "accounts.Country", verbose_name=_("state"), on_delete=models.PROTECT, related_name="+"
    )
    registering_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("registering agency"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["-registered_at"]
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return str(self.id)


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    person = models.OneToOneField(
        "registry.Person", on_delete=models.CASCADE, related_name="household_membership"
    )
    relationship = models.CharField(_("relationship"), max_length=10, choices=Relationship.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["household", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=models.Q(relationship="head"),
                name="one_head_per_household",
            )
        ]

    def __str__(self) -> str:
        return f"{self.household_id} {self.relationship}"
