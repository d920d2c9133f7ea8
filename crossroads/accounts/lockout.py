"""Login throttling on every door: the login page, the administration's login and the API
token endpoint all authenticate through Django's `authenticate()`, which django-axes
watches. Failed attempts are counted by username from one address, by address whatever
the username, and by username from anywhere, each with its own limit; once one is reached
the door stays shut for the lock-out window, even for the right password.

The limits are kept apart so that an office behind one address is not shut out by one
colleague's typos, nor a person's account by someone guessing from elsewhere at the
rate of a typo: 10 failures of one username from one address, 30 from one address, 30
for one username from anywhere, within the lock-out window."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from axes.backends import AxesBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext


def client_address(request: HttpRequest) -> str:
    """The address the limits count, the same as the API's rate limits count: behind
    CROSSROADS_NUM_PROXIES trusted proxies, the one they saw; otherwise the connecting
    address, which a client cannot forge."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = int(str(settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0))
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if proxies > 0 and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return remote


class LockedDoorBackend(AxesBackend):  # type: ignore[misc]
    """Axes' backend, which refuses any login while a door is locked, marking the request
    it refused unchecked (so that its answer says the door is locked, not that the
    password was wrong)."""

    def authenticate(
        self,
        request: Any,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        try:
            return super().authenticate(request, username, password, **kwargs)
        except AxesBackendPermissionDenied:
            request.login_refused_while_locked = True
            raise


class LoginLockoutHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """Axes' database handler (the count holds across every server process), with a
    limit of its own for each thing counted."""

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        """Axes compares one number with one limit (AXES_FAILURE_LIMIT): each count (in the
        order of AXES_LOCKOUT_PARAMETERS) is scaled so that reaching its own limit reaches it."""
        limits = [limit for _parameter, limit in settings.LOGIN_FAILURE_LIMITS]
        counts = [
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        return max(
            (
                count * settings.AXES_FAILURE_LIMIT // limit
                for count, limit in zip(counts, limits, strict=True)
            ),
            default=0,
        )


def _seconds_left(request: Any, credentials: dict[str, Any] | None) -> int:
    latest = None
    for attempts in LoginLockoutHandler().get_user_attempts(request, credentials):
        at = attempts.aggregate(at=Max("attempt_time"))["at"]
        if at is not None and (latest is None or at > latest):
            latest = at
    window: timedelta = settings.AXES_COOLOFF_TIME
    if latest is None:
        return math.ceil(window.total_seconds())
    left: timedelta = latest + window - timezone.now()
    return max(1, math.ceil(left.total_seconds()))


def lockout_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        # Translators: Machine translation: needs native review
        "Too many failed attempts to log in. Logging in is locked for this account or "
        "address; try again in %(minutes)d minute.",
        "Too many failed attempts to log in. Logging in is locked for this account or "
        "address; try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(
    request: Any, original_response: HttpResponse | None, credentials: dict[str, Any] | None
) -> HttpResponse:
    """What a locked door answers (axes' AXES_LOCKOUT_CALLABLE): 429 with Retry-After,
    JSON under /api/ as every API error, the login page with the message elsewhere.

    The attempt that reaches a limit was itself checked and is answered as any wrong
    password; the ones after it, the right password included, are refused unchecked."""
    if original_response is not None and not getattr(request, "login_refused_while_locked", False):
        return original_response
    seconds = _seconds_left(request, credentials)
    message = lockout_message(seconds)
    headers = {"Retry-After": str(seconds)}
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, "accounts/locked_out.html", {"message": message}, status=429)
    for name, value in headers.items():
        response[name] = value
    return response
