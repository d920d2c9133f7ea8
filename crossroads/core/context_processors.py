from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import translation


def crossroads(request: HttpRequest) -> dict[str, Any]:
    """What the navigation may offer: asked of the access policy for every verb
    (`perms_<verb>`), never decided in a template."""
    from crossroads.access.policy import Verb, role_allows

    user = getattr(request, "user", None)
    context: dict[str, Any] = {"LANGUAGE_BIDI": translation.get_language_bidi()}
    for verb in Verb:
        context[f"perms_{verb.value}"] = user is not None and role_allows(user, verb)
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
