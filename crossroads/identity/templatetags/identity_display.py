"""Identity explanations in words (crossroads.identity.display)."""

from __future__ import annotations

from typing import Any

from django import template

from ..display import agreement_lines, explanation_lines

register = template.Library()


@register.filter
def explained(explanation: dict[str, Any]) -> list[tuple[str, str]]:
    return explanation_lines(explanation)


@register.filter
def agreement_explained(agreement: dict[str, Any]) -> list[tuple[str, str]]:
    return agreement_lines(agreement)


@register.filter
def country_names(codes: Any) -> str:
    """Nationality codes as country names in the reader's language."""
    from ..display import _country

    return ", ".join(_country(str(c)) for c in codes or [])
