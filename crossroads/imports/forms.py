from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .reading import FIELDS

FIELD_LABELS = {
    "given_name": _("Given name"),
    "family_name": _("Family name"),
    "patronymic": _("Patronymic or father's name"),
    "sex": _("Sex"),
    "birth_date": _("Birth date"),
    "age": _("Age"),
    "nationality": _("Nationality"),
    "languages": _("Languages"),
    "country": _("State of registration"),
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV or XLSX: a KoboToolbox or ODK export, or any table with a header row."),
    )


class MappingForm(forms.Form):
    """Which of the file's columns holds each of our fields."""

    def __init__(
        self, *args: Any, columns: list[str], initial_mapping: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *[(c, c) for c in columns if c]]
        for name in FIELDS:
            self.fields[name] = forms.ChoiceField(
                label=FIELD_LABELS[name],
                choices=choices,
                required=False,
                initial=initial_mapping.get(name, ""),
            )

    def mapping(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if v}
