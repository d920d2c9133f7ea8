"""The navigation's flags: asked of the access policy for every verb (`perms_<verb>`),
never decided in a template."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .policy import Verb, role_allows


def perms(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {f"perms_{verb.value}": user is not None and role_allows(user, verb) for verb in Verb}
