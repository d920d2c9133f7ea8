"""What every API endpoint shares: pagination, and one translation of action exceptions
into status codes."""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.core.paginator import Paginator
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions as drf_exceptions
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .exceptions import Conflict, Forbidden, InvalidInput, NotFound
from .parsers import UnstorableText

# Counting 10,000 visible rows cost 56 ms of CPU at 100,000 people on SQLite, 1,000 rows 6 ms
# (docs/benchmarks.md, "Load"): the count stops at 1,000.
COUNT_CAP = 1_000


class CappedPaginator(Paginator):  # type: ignore[type-arg]
    """A paginator whose count stops at `COUNT_CAP`: counting a register of a million
    rows to print "page 1 of 20,000" would cost more than the page itself. Past the cap
    the count says so (`capped`), and pages go as far as the cap; a search or a filter
    narrows the rest."""

    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        items: Any = self.object_list
        # SELECT COUNT(*) FROM (... LIMIT cap + 1): reads at most cap + 1 rows, in no order:
        # ordered, a search for a common name sorted all its matches (ten thousand at
        # 100,000 people, 48 ms on SQLite) to count the first thousand (8 ms unordered).
        counted = (
            items.order_by()[: self.cap + 1].count() if hasattr(items, "query") else len(items)
        )
        self.capped = counted > self.cap
        return min(counted, self.cap)

    capped = False


class Pagination(PageNumberPagination):
    """`{"count", "next", "previous", "results"}` as the API spec says, and beside them
    `count_capped`: true when there are more than `count` results (the count stops at
    1,000, so that a list never counts the whole register)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    django_paginator_class = CappedPaginator

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None
        paginator = self.page.paginator
        body: dict[str, Any] = {
            "count": paginator.count,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        }
        if getattr(paginator, "capped", False):
            body["count_capped"] = True
        return Response(body)

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        answer = super().get_paginated_response_schema(schema)
        answer["properties"]["count_capped"] = {
            "type": "boolean",
            "description": "Present, and true, only when there are more results than "
            f"`count`, which stops at {COUNT_CAP:,} so that no list counts the whole register.",
            "example": True,
        }
        return answer

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
