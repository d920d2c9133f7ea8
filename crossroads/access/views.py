"""The policy at a page's door: `@requires(verb)` answers 403 before the view runs for a
role that may never do it (the same rule the API asks)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from .policy import require

View = TypeVar("View", bound=Callable[..., Any])


def requires(verb: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
            require(request.user, verb)
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate
