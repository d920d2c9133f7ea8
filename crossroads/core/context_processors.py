from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import translation


def crossroads(request: HttpRequest) -> dict[str, Any]:
    """What the navigation may offer: asked of the access gate, never decided in a template."""
    from crossroads.access.gate import role_allows

    user = getattr(request, "user", None)
    context: dict[str, Any] = {"LANGUAGE_BIDI": translation.get_language_bidi()}
    for verb in ("view_person", "register_person", "configure", "view_statistics", "view_audit"):
        context[f"perms_{verb}"] = user is not None and role_allows(user, verb)
    from crossroads.cases.access import may_work_on_cases

    context["perms_work_on_cases"] = user is not None and may_work_on_cases(user)
    from .drafts import draft_owner, draft_secret

    context["draft_owner"] = draft_owner(user)
    context["draft_secret"] = draft_secret(user)
    return context
