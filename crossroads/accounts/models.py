"""States, agencies and the people who work in them."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .vocab import AGENCY_KIND_CHOICES


class Country(models.Model):
    """A state whose records may live on this instance (ISO 3166-1 alpha-2)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    name_ru = models.CharField(_("name in Russian"), max_length=100, blank=True)
    working_languages = models.JSONField(_("working languages (ISO 639-3)"), default=list)
    hosted = models.BooleanField(
        _("records live on this instance"),
        default=True,
        help_text=_("Personal records of this state are kept here."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Agency(models.Model):
    """A body that meets people: a state service, a UNHCR or IOM country office, an NGO.

    An international organisation's headquarters has no country; it sees no person,
    since personal records never leave the state that registered them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=AGENCY_KIND_CHOICES)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
    )
    receives_pathways = models.JSONField(_("pathways it receives"), default=list, blank=True)
    # A foreign state's mission (embassy, consulate) hosted here: while non-refoulement
    # stands, nothing about a person goes to the mission of their country of origin.
    represents_state = models.CharField(
        _("represents the state"),
        max_length=2,
        blank=True,
        help_text=_("For a foreign embassy or consulate: the state it represents."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["country_id", "name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="agency_name_unique_in_state")
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """One person at work: belongs to one agency, holds one or more roles."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    roles = models.JSONField(_("roles"), default=list, blank=True)
    # Blank: no setting of their own, so the browser's Accept-Language decides (api.md).
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("en", "English"), ("ru", "Русский")],
        blank=True,
        default="",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def has_role(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    @property
    def country_id(self) -> str | None:
        return self.agency.country_id if self.agency_id and self.agency else None
