"""`{{ moment|when }}` and `{{ day|day }}`: times and dates as people read them (see
crossroads.core.clock)."""

from __future__ import annotations

from typing import Any

from django import template

from crossroads.core.clock import format_day, format_when, zone_name

register = template.Library()


@register.filter
def when(value: Any) -> str:
    return format_when(value) if value not in (None, "") else ""


@register.filter
def day(value: Any) -> str:
    return format_day(value)


@register.simple_tag
def current_zone() -> str:
    return zone_name()
