"""States, agencies and the people who work in them."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from crossroads.core.exceptions import Forbidden

from .vocab import AGENCY_KIND_CHOICES

# Each state's clock, where its row names none (IANA zones; Kazakhstan keeps one zone
# since 1 March 2024).
STATE_TIME_ZONES = {
    "AF": "Asia/Kabul",
    "AZ": "Asia/Baku",
    "CN": "Asia/Shanghai",
    "IR": "Asia/Tehran",
    "KG": "Asia/Bishkek",
    "KZ": "Asia/Almaty",
    "PK": "Asia/Karachi",
    "TJ": "Asia/Dushanbe",
    "TM": "Asia/Ashgabat",
    "TR": "Europe/Istanbul",
}


# Django's language codes and the ISO 639-3 codes of agencies' working languages.
LANGUAGE_CODES_3 = {"en": "eng", "ru": "rus", "fa": "fas", "ky": "kir", "kk": "kaz", "tg": "tgk"}


class Country(models.Model):
    """A state whose records may live on this instance (ISO 3166-1 alpha-2)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    name_ru = models.CharField(_("name in Russian"), max_length=100, blank=True)
    working_languages = models.JSONField(_("working languages (ISO 639-3)"), default=list)
    # The state's clock: every time shown to its staff and its people is in this zone.
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("An IANA zone, e.g. Asia/Bishkek. Blank: the zone known for the state."),
    )
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

    @property
    def display_name(self) -> str:
        """The state's name in the reader's language."""
        from django.utils import translation
        from django.utils.translation import gettext

        language = translation.get_language() or "en"
        if language.startswith("ru") and self.name_ru:
            return self.name_ru
        return gettext(self.name)

    @property
    def zone(self) -> str:
        """The state's IANA time zone."""
        return self.time_zone or STATE_TIME_ZONES.get(self.code, "UTC")


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
    # Where a person referred here goes, printed on the slip; never left empty there.
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    languages_spoken = models.JSONField(_("languages spoken (ISO 639-3)"), default=list, blank=True)
    # The name, address and opening hours in the state's working languages and in Russian,
    # by ISO 639-3 code: {"rus": {"name": "…", "address": "…", "opening_hours": "…"}}.
    translations = models.JSONField(
        _("name and contact details in other languages"),
        default=dict,
        blank=True,
        help_text=_(
            'By language code (ISO 639-3): {"rus": {"name": "…", "address": "…", '
            '"opening_hours": "…"}}'
        ),
    )

    class Meta:
        ordering = ["country_id", "name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="agency_name_unique_in_state")
        ]

    def __str__(self) -> str:
        return self.name

    def in_language(self, language: str) -> dict[str, str]:
        """Name and contact details in a language (ISO 639-3, or a Django code such as
        "ru"), falling back to the English ones."""
        names = self.translations if isinstance(self.translations, dict) else {}
        code = LANGUAGE_CODES_3.get(language, language)
        # Persian pages read Dari names too, and Dari sheets Persian ones (one written
        # language, the agencies of the region give whichever they have).
        fallback = {"fas": "prs", "prs": "fas"}.get(code, "")
        own = names.get(code) or names.get(fallback) or {}
        return {
            "name": own.get("name") or self.name,
            "address": own.get("address") or self.address,
            "opening_hours": own.get("opening_hours") or self.opening_hours,
        }

    @property
    def display_name(self) -> str:
        """The name in the reader's language, where the agency gave one."""
        from django.utils import translation

        return self.in_language(translation.get_language() or "en")["name"]


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
        choices=[("en", "English"), ("ru", "Русский"), ("fa", "فارسی")],
        blank=True,
        default="",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def has_role(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    @property
    def time_zone(self) -> str:
        """The zone the user's pages show times in: their state's."""
        agency = self.agency if self.agency_id else None
        if agency is None or agency.country_id is None:
            return "UTC"
        # The state's row, when already loaded, may name another zone; no query is spent
        # on every request for it.
        country = agency._state.fields_cache.get("country")
        if country is not None:
            return str(country.zone)
        return STATE_TIME_ZONES.get(agency.country_id, "UTC")

    @property
    def home_agency(self) -> Agency:
        """The agency the user works for. Work on people, cases and a state's figures needs
        one; an account without one is refused (403), never an error."""
        agency = self.agency if self.agency_id else None
        if agency is None:
            raise Forbidden(gettext("Your account belongs to no agency."))
        return agency

    @property
    def home_agency_id(self) -> uuid.UUID:
        """The agency's id, read without loading the agency."""
        if self.agency_id is None:
            raise Forbidden(gettext("Your account belongs to no agency."))
        return self.agency_id

    @property
    def home_country_id(self) -> str:
        """The state whose register the user works in."""
        country = self.home_agency.country_id
        if country is None:
            raise Forbidden(gettext("Your agency belongs to no state."))
        return country

    @property
    def country_id(self) -> str | None:
        return self.agency.country_id if self.agency_id and self.agency else None


def user_of(request: Any) -> User:
    """The account behind a page or API request, as the policy's type. Every door asks for
    a logged-in account first (`login_required`, `PolicyPermission`); anything else is
    refused here too, never passed on as an anonymous user."""
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        raise Forbidden(gettext("Log in first."))
    return user
