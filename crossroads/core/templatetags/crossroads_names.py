"""`{{ codes|countries }}`, `{{ codes|languages }}`: names, not codes (core.names)."""

from __future__ import annotations

from typing import Any

from django import template

from crossroads.core.names import country_name, language_name

register = template.Library()


@register.filter
def countries(codes: Any) -> str:
    if isinstance(codes, str):
        codes = [codes]
    return ", ".join(country_name(str(c)) for c in codes or [])


@register.filter
def languages(codes: Any) -> str:
    if isinstance(codes, str):
        codes = [codes]
    return ", ".join(language_name(str(c)) for c in codes or [])
