"""Request middleware: the user's own language, and no 500 for input the server refuses."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .exceptions import Forbidden


class UserLanguageMiddleware:
    """A signed-in user's own setting wins over the browser's Accept-Language; their pages
    are never stored by the browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user is not None else ""
        if user is not None and user.is_authenticated and language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        zone = getattr(user, "time_zone", "") if user is not None else ""
        if user is not None and user.is_authenticated and zone:
            # One clock: the pages show times in the user's state, with the zone named.
            timezone.activate(ZoneInfo(zone))
        else:
            timezone.deactivate()
        response = self.get_response(request)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            # A page of one account is never kept for the next on a shared computer:
            # neither in the cache nor in the back/forward history after logging out.
            patch_cache_control(response, no_store=True, private=True)
        return response


class BadInputMiddleware:
    """Input the server refuses is answered with a message, not a server error: oversized
    bodies (413), and query parameters holding a NUL character, which no database
    stores or searches (400)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            message = _("The request holds a NUL character, which no text may hold.")
            if request.path.startswith("/api/"):
                return JsonResponse({"non_field_errors": [message]}, status=400)
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Forbidden):
            response = render(request, "403.html", {"message": exception.message}, status=403)
            return response
        if isinstance(exception, RequestDataTooBig):
            message = _("The request is too large.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return None
