"""The person page's screening section: screenings and active safeguards, read through
the access gate (`queries`), with the "Lift" form for supervisors."""

from __future__ import annotations

from typing import Any

from django import template

from crossroads.access.gate import can, role_allows
from crossroads.access.policy import Verb

from .. import queries
from ..vocab import NEED_LABELS

register = template.Library()


@register.inclusion_tag("screening/_person_screenings.html", takes_context=True)
def screening_section(context: template.Context, person: Any) -> dict[str, Any]:
    user = context["request"].user
    screenings = queries.screenings_of_person(user, person)
    for screening in screenings:
        screening.need_labels = [  # type: ignore[attr-defined]
            NEED_LABELS.get(n["code"], n["code"]) for n in screening.result.get("needs", [])
        ]
    may_change = can(user, "change_person", person)
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "person": person,
        "screenings": screenings,
        "show_screenings": role_allows(user, "view_sensitive"),
        "safeguards": queries.active_safeguards_of_person(user, person),
        "may_screen": may_change,
        "may_lift": may_change and role_allows(user, Verb.LIFT_SAFEGUARD),
    }


@register.filter
def because_sentences(because: Any) -> list[str]:
    """The engine's ``because`` facts as sentences in the reader's language."""
    from ..reasons import sentences

    return sentences(because or [])


@register.filter
def warning_sentence(text: str) -> str:
    from ..reasons import warning_sentence as to_sentence

    return to_sentence(text)


@register.filter
def pack_text(text: str) -> str:
    """A text of a screening pack (officer guidance, its source) in the reader's language."""
    from ..pack_texts import translated

    return translated(text)
