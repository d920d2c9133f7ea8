"""Form fields that take countries and languages by name, in the officer's language
("Афганистан, Таджикистан"; "дари, пушту"), codes still understood, and show stored codes
back as names. The page suggests the names from a list the browser keeps (core/views.py
`name_lists`, static crossroads/names.js); without it the field still reads what is typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .names import country_name, find_country, find_language, language_name, split_names


class NamesInput(forms.TextInput):
    """Shows a list of codes as names; suggests names from the list of `kind`."""

    def __init__(self, kind: str, show: Callable[[str], str], attrs: dict[str, Any] | None = None):
        super().__init__({"autocomplete": "off", "data-names": kind, **(attrs or {})})
        self.show = show

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, list | tuple):
            return ", ".join(self.show(str(v)) for v in value)
        if isinstance(value, str) and value and "," not in value and len(value) <= 3:
            return self.show(value)
        shown: str | None = super().format_value(value)
        return shown


class _NamesField(forms.CharField):
    kind = ""
    unknown_message: Any = ""

    def __init__(self, *, multiple: bool = True, allow_status: bool = True, **kwargs: Any):
        self.multiple = multiple
        self.allow_status = allow_status
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault("required", False)
        attrs = {"data-multiple": "1"} if multiple else {}
        kwargs.setdefault("widget", NamesInput(self.kind, self.show, attrs))
        super().__init__(**kwargs)

    def show(self, code: str) -> str:
        raise NotImplementedError

    def find(self, text: str) -> str | None:
        raise NotImplementedError

    def to_python(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return list(value)
        text = super().to_python(value)
        codes, unknown = split_names(text or "", self.find)
        if unknown:
            raise ValidationError(gettext(self.unknown_message) % {"value": unknown[0]})
        if not self.allow_status and any(c in ("stateless", "unknown") for c in codes):
            raise ValidationError(gettext("Name a country here."))
        if not self.multiple and len(codes) > 1:
            raise ValidationError(gettext("Name one only."))
        return codes if self.multiple else (codes[0] if codes else "")


class CountriesField(_NamesField):
    kind = "countries"
    unknown_message = _("“%(value)s” is not a country known here: choose one from the list.")

    def show(self, code: str) -> str:
        return country_name(code)

    def find(self, text: str) -> str | None:
        return find_country(text)


class LanguagesField(_NamesField):
    kind = "languages"
    unknown_message = _("“%(value)s” is not a language known here: choose one from the list.")

    def show(self, code: str) -> str:
        return language_name(code)

    def find(self, text: str) -> str | None:
        return find_language(text)
