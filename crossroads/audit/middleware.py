from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .context import Origin, current_origin
from .writer import refusals_survive_rollback


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        channel = "api" if request.path.startswith("/api/") else "web"
        token = current_origin.set(Origin(ip=request.META.get("REMOTE_ADDR", ""), channel=channel))
        try:
            with refusals_survive_rollback():
                return self.get_response(request)
        finally:
            current_origin.reset(token)
