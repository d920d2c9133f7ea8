"""What every API endpoint shares: pagination, and one translation of action exceptions
into status codes."""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions as drf_exceptions
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .exceptions import Conflict, Forbidden, InvalidInput, NotFound
from .parsers import UnstorableText


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """`page` counts from 1 (0 or less is refused, as a page past the last is: 404);
        `page_size` from 1 to 200 (a larger one is cut to 200)."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, NotFound | Http404):
        return Response({"detail": _("Not found.")}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, Forbidden):
        return Response({"detail": exc.message}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, Conflict):
        body: dict[str, Any] = {"detail": exc.message}
        if exc.current is not None:
            body["current"] = exc.current
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, InvalidInput):
        return Response(exc.errors, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"detail": _("The request is too large.")},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, drf_exceptions.Throttled):
        wait = max(1, math.ceil(getattr(exc, "wait", None) or 1))
        return Response(
            {
                "detail": ngettext(
                    "Too many requests. Try again in %(seconds)d second.",
                    "Too many requests. Try again in %(seconds)d seconds.",
                    wait,
                )
                % {"seconds": wait}
            },
            status=status.HTTP_429_TOO_MANY_REQUESTS,
            headers={"Retry-After": str(wait)},
        )
    if isinstance(exc, UnstorableText):
        return Response({"non_field_errors": [str(exc.detail)]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, drf_exceptions.ParseError):
        return Response(
            {"non_field_errors": [_("The request body is not valid JSON.")]},
            status=status.HTTP_400_BAD_REQUEST,
        )
    return drf_exception_handler(exc, context)
