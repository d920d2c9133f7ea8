"""The register of people: names as written, in any script; dates with their precision;
documents; family links that form households."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .vocab import DOCUMENT_TYPE_CHOICES, Precision, Relation, Script, Sex


class Person(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=24, unique=True)
    # The state the record belongs to; it never leaves it (screening spec section 6).
    country = models.ForeignKey(
        "accounts.Country", verbose_name=_("state"), on_delete=models.PROTECT, related_name="+"
    )
    given_name = models.CharField(_("given name"), max_length=200, blank=True)
    family_name = models.CharField(_("family name"), max_length=200, blank=True)
    patronymic = models.CharField(_("patronymic or father's name"), max_length=200, blank=True)
    name_script = models.CharField(_("script"), max_length=4, choices=Script.choices)
    birth_date = models.CharField(_("birth date"), max_length=10, blank=True)
    birth_date_precision = models.CharField(
        _("birth date precision"),
        max_length=8,
        choices=Precision.choices,
        default=Precision.UNKNOWN,
    )
    birth_date_estimated = models.BooleanField(_("birth date estimated"), default=False)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, default=Sex.UNKNOWN)
    nationalities = models.JSONField(_("nationalities"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    # Sensitive: omitted for roles that do not need them, in pages, API, search and export.
    ethnicity = models.CharField(_("ethnicity"), max_length=100, blank=True)
    religion = models.CharField(_("religion"), max_length=100, blank=True)
    registering_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("registering agency"),
        on_delete=models.PROTECT,
        related_name="registered_persons",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    # Set when a supervisor merged this record into another: it then leaves every list and
    # search, and its rows live on the kept record until the merge is undone.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_records",
    )
    #: The record's permanent statistics key (docs/statistics.md, the cell-key method):
    #: 32 bits drawn from its id with the instance's statistics secret, set when it is
    #: saved (or by the first statistics read for rows written in bulk). Never shown.
    cell_key = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-registered_at"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # Every ordering the register offers, within a state, on an index: a list page reads
        # its fifty rows in order instead of sorting the state's register.
        indexes = [
            models.Index(fields=["country", "-registered_at"]),
            models.Index(fields=["country", "family_name"], name="person_by_family_name"),
            models.Index(fields=["country", "given_name"], name="person_by_given_name"),
            models.Index(fields=["country", "birth_date"], name="person_by_birth_date"),
            models.Index(fields=["registering_agency", "-registered_at"], name="person_by_agency"),
            # Statistics count a state's registrations by period from this index alone
            # (every column they read is in it: no visit to the table).
            models.Index(
                fields=[
                    "country",
                    "merged_into",
                    "registered_at",
                    "sex",
                    "birth_date",
                    "nationalities",
                    "cell_key",
                ],
                name="person_statistics_cover",
            ),
            models.Index(
                fields=["cell_key"],
                condition=models.Q(cell_key__isnull=True),
                name="person_cell_key_missing",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.patronymic, self.family_name) if p)


class PersonName(models.Model):
    """Other names and earlier spellings: aliases, each with its own script."""

    class Kind(models.TextChoices):
        ALIAS = "alias", _("other name")
        EARLIER_SPELLING = "earlier_spelling", _("earlier spelling")
        DOCUMENT = "document", _("as on a document")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ALIAS)
    given_name = models.CharField(_("given name"), max_length=200, blank=True)
    family_name = models.CharField(_("family name"), max_length=200, blank=True)
    patronymic = models.CharField(_("patronymic or father's name"), max_length=200, blank=True)
    name_script = models.CharField(_("script"), max_length=4, choices=Script.choices)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return " ".join(p for p in (self.given_name, self.patronymic, self.family_name) if p)


class IdentityDocument(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    type = models.CharField(_("type"), max_length=20, choices=DOCUMENT_TYPE_CHOICES)
    number = models.CharField(_("number"), max_length=64, blank=True)
    issuing_state = models.CharField(_("issuing state"), max_length=2, blank=True)
    expiry = models.DateField(_("expiry"), null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.type} {self.issuing_state}"


class FamilyLink(models.Model):
    """`person`'s `relation` is `relative`: "A's parent is B". Stored in both directions."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="family_links")
    relative = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "relative"], name="one_link_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("relative")), name="no_link_to_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.relation} {self.relative_id}"


class NameKey(models.Model):
    """Search keys of a person's names and aliases in one comparable form, so that a
    search typed in any script finds names written in any other. Rebuilt by the actions
    that register and change a person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="one_name_key_per_person")
        ]
        # A key's block read from the index alone, in one range (no table rows).
        indexes = [models.Index(fields=["key", "person"], name="name_key_block")]

    def __str__(self) -> str:
        return self.key
