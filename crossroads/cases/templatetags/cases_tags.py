"""The person page's section of cases: filled here, since the person view is not ours."""

from __future__ import annotations

from typing import Any

from django import template

from crossroads.access.policy import Verb, role_allows
from crossroads.cases.queries import person_cases

register = template.Library()


@register.simple_tag(takes_context=True)
def cases_of_person(context: dict[str, Any], person: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"cases": [], "can_open": False}
    return {"cases": person_cases(user, person), "can_open": role_allows(user, Verb.WORK_ON_CASES)}


@register.filter
def transition_label(name: str) -> str:
    """A workflow step in words ("Assess the best interests"), never its name."""
    from ..display import transition_label as label

    return label(name)


@register.filter
def step_details(item: Any, case: Any) -> list[tuple[str, str]]:
    """What a step (a transition row or an approval) recorded, in words."""
    from ..display import step_details as details

    name = str(getattr(item, "name", None) or getattr(item, "transition", ""))
    return details(case.type, name, getattr(item, "data", {}) or {})


@register.filter
def case_state_label(code: str, case: Any) -> str:
    from ..display import state_label

    return state_label(case.type, code) if code else ""


@register.filter
def case_outcome(case: Any) -> str:
    from ..display import outcome_label

    return outcome_label(case.type, case.outcome) if case.outcome else ""
