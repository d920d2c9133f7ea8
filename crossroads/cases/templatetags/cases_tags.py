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
