"""API authentication that then speaks the user's own language."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.request import Request


def _activate_user_language(result: Any) -> Any:
    if result is not None:
        language = getattr(result[0], "language", "")
        if language:
            translation.activate(language)
    return result


class LanguageTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`; error messages then follow the user's own setting."""

    def authenticate(self, request: Request) -> Any:
        return _activate_user_language(super().authenticate(request))


class LanguageSessionAuthentication(SessionAuthentication):
    """The pages' own calls, with CSRF, in the user's language."""

    def authenticate(self, request: Request) -> Any:
        return _activate_user_language(super().authenticate(request))
