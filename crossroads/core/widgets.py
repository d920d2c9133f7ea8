"""One way to type a day on every page: YYYY-MM-DD, as the birth dates are typed. A browser's
own date picker shows the browser's locale (mm/dd/yyyy on an English laptop), not the
page's language, and would mix two formats on one form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class DayInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        base = {
            "inputmode": "numeric",
            "placeholder": _("YYYY-MM-DD"),
            "autocomplete": "off",
            "size": 10,
            "maxlength": 10,
        }
        super().__init__(attrs={**base, **(attrs or {})}, format="%Y-%m-%d")
