"""Exceptions that actions raise and that pages and the API translate the same way."""

from __future__ import annotations

from typing import Any

from django.http import Http404


class NotFound(Http404):
    """The record does not exist, or the user may not see it: the two look the same."""


class Forbidden(Exception):
    """The user's role may not do this kind of thing at all (403)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Conflict(Exception):
    """A stale version or a step that is not allowed now (409), with the reason."""

    def __init__(self, message: str, *, current: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.current = current


class InvalidInput(Exception):
    """Input that fails a rule checked inside an action; field -> messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(str(errors))
        self.errors = errors
