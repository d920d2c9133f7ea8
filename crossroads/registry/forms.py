"""Page forms for the register: validation only, through the same rules as the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from crossroads.core.name_fields import CountriesField, LanguagesField
from crossroads.core.widgets import DayInput

from . import validation
from .actions import PersonData
from .vocab import DOCUMENT_TYPE_CHOICES, Calendar, Sex

TEXT = {"dir": "auto", "autocomplete": "off"}


class PersonForm(forms.Form):
    given_name = forms.CharField(
        label=_("Given name"), max_length=200, required=False, widget=forms.TextInput(attrs=TEXT)
    )
    family_name = forms.CharField(
        label=_("Family name"), max_length=200, required=False, widget=forms.TextInput(attrs=TEXT)
    )
    patronymic = forms.CharField(
        label=_("Patronymic or father's name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    birth_date = forms.CharField(
        label=_("Birth date"),
        max_length=10,
        required=False,
        help_text=_("YYYY-MM-DD, YYYY-MM or YYYY; leave empty if unknown."),
    )
    birth_date_calendar = forms.ChoiceField(
        label=_("Calendar"), choices=Calendar.choices, initial=Calendar.GREGORIAN
    )
    birth_date_estimated = forms.BooleanField(label=_("Birth date is estimated"), required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.UNKNOWN)
    nationalities = CountriesField(
        label=_("Nationalities"),
        help_text=_("Countries by name, separated by commas; or “stateless” or “not known”."),
    )
    languages = LanguagesField(
        label=_("Languages"), help_text=_("Languages by name, separated by commas.")
    )
    ethnicity = forms.CharField(label=_("Ethnicity"), max_length=100, required=False)
    religion = forms.CharField(label=_("Religion"), max_length=100, required=False)
    alias_given_name = forms.CharField(
        label=_("Other given name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    alias_family_name = forms.CharField(
        label=_("Other family name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    document_type = forms.ChoiceField(
        label=_("Document"), choices=[("", "—"), *DOCUMENT_TYPE_CHOICES], required=False
    )
    document_number = forms.CharField(label=_("Document number"), max_length=64, required=False)
    document_issuing_state = CountriesField(
        label=_("Issued by (country)"), multiple=False, allow_status=False
    )
    document_expiry = forms.DateField(label=_("Expiry"), required=False, widget=DayInput())
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, show_sensitive: bool = True, editing: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not show_sensitive:
            del self.fields["ethnicity"]
            del self.fields["religion"]
        if editing:
            for name in [n for n in self.fields if n.startswith(("alias_", "document_"))]:
                del self.fields[name]

    def clean_nationalities(self) -> list[str]:
        return validation.validate_nationalities(self.cleaned_data["nationalities"])

    def clean_languages(self) -> list[str]:
        return validation.validate_languages(self.cleaned_data["languages"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in (
            "given_name",
            "family_name",
            "patronymic",
            "alias_given_name",
            "alias_family_name",
        ):
            if name in data:
                data[name] = validation.nfc(data[name])
        if not (data.get("given_name") or data.get("family_name")):
            self.add_error("given_name", _("Give at least a given name or a family name."))
        if "birth_date" in data:
            try:
                text, precision, approximate = validation.parse_birth_date(
                    data["birth_date"], data.get("birth_date_calendar") or Calendar.GREGORIAN
                )
            except ValidationError as exc:
                self.add_error("birth_date", exc)
            else:
                data["birth_date"] = text
                data["birth_date_precision"] = precision
                if approximate:
                    data["birth_date_estimated"] = True
        return data

    def to_person_data(self) -> PersonData:
        data = dict(self.cleaned_data)
        values: dict[str, Any] = {
            k: data[k]
            for k in (
                "given_name",
                "family_name",
                "patronymic",
                "birth_date",
                "birth_date_precision",
                "birth_date_estimated",
                "sex",
                "nationalities",
                "languages",
                "ethnicity",
                "religion",
            )
            if k in data
        }
        aliases = None
        documents = None
        if "alias_given_name" in self.fields:
            aliases = []
            if data.get("alias_given_name") or data.get("alias_family_name"):
                aliases.append(
                    {
                        "given_name": data.get("alias_given_name", ""),
                        "family_name": data.get("alias_family_name", ""),
                    }
                )
            documents = []
            if data.get("document_type"):
                documents.append(
                    {
                        "type": data["document_type"],
                        "number": data.get("document_number", ""),
                        "issuing_state": data.get("document_issuing_state", ""),
                        "expiry": data.get("document_expiry"),
                    }
                )
        return PersonData(values=values, aliases=aliases, documents=documents)
