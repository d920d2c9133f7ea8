"""Vocabularies of the register."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from crossroads.engines.screening.vocab import DocumentType


class Sex(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    OTHER = "other", _("other")
    UNKNOWN = "unknown", _("unknown")


#: The same, as the screening record writes it (screening.md: F, M, X, U). The one mapping
#: between the register's words and the engines' codes.
SEX_CODES: dict[str, str] = {Sex.FEMALE: "F", Sex.MALE: "M", Sex.OTHER: "X", Sex.UNKNOWN: "U"}


class Precision(models.TextChoices):
    DAY = "day", _("full date")
    MONTH = "month", _("year and month")
    YEAR = "year", _("year only")
    UNKNOWN = "unknown", _("unknown")


class Calendar(models.TextChoices):
    GREGORIAN = "gregorian", _("Gregorian")
    SOLAR_HIJRI = "solar_hijri", _("Solar Hijri (Afghan tazkira, Iranian documents)")


class Script(models.TextChoices):
    CYRILLIC = "Cyrl", _("Cyrillic")
    LATIN = "Latn", _("Latin")
    ARABIC = "Arab", _("Perso-Arabic")
    OTHER = "Zyyy", _("other or mixed")


class Relation(models.TextChoices):
    PARENT = "parent", _("parent")
    CHILD = "child", _("child")
    SPOUSE = "spouse", _("spouse")
    SIBLING = "sibling", _("sibling")
    OTHER = "other", _("other relative")


INVERSE_RELATION = {
    Relation.PARENT: Relation.CHILD,
    Relation.CHILD: Relation.PARENT,
    Relation.SPOUSE: Relation.SPOUSE,
    Relation.SIBLING: Relation.SIBLING,
    Relation.OTHER: Relation.OTHER,
}

DOCUMENT_TYPE_LABELS = {
    DocumentType.PASSPORT: _("passport"),
    DocumentType.NATIONAL_ID: _("national identity card"),
    DocumentType.TAZKIRA: _("tazkira"),
    DocumentType.BIRTH_CERTIFICATE: _("birth certificate"),
    DocumentType.REFUGEE_ID: _("refugee identity document"),
    DocumentType.RESIDENCE_PERMIT: _("residence permit"),
    DocumentType.WORK_PERMIT: _("work permit"),
    DocumentType.OTHER: _("other document"),
}
DOCUMENT_TYPE_CHOICES = [(t.value, DOCUMENT_TYPE_LABELS[t]) for t in DocumentType]

# Not nationalities: these mean "has none" and "not known", and must stay distinct.
STATELESS = "stateless"
UNKNOWN_NATIONALITY = "unknown"
