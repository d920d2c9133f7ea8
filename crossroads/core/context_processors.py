from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import translation


def crossroads(request: HttpRequest) -> dict[str, Any]:
    """The page's direction, languages and draft keys (the navigation's `perms_<verb>`
    flags come from `crossroads.access.context_processors.perms`)."""
    user = getattr(request, "user", None)
    context: dict[str, Any] = {"LANGUAGE_BIDI": translation.get_language_bidi()}
    from .drafts import draft_owner, draft_secret

    context["draft_owner"] = draft_owner(user)
    context["draft_secret"] = draft_secret(user)
    from django.conf import settings

    current = translation.get_language() or "en"
    context["other_languages"] = [
        (code, translation.get_language_info(code)["name_local"])
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return context
