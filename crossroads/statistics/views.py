"""The analyst's workspace: trends and gaps of one state in charts with their tables,
exports, and a printable report of a period. Thin: the gate and the counting are in
`queries.py`."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of

from .api import export_response
from .display import workspace_context
from .queries import default_range, gaps, location_label, locations_of, period_label, trends
from .serializers import ExportParamsSerializer, TrendParamsSerializer


def _params(request: HttpRequest) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    params = TrendParamsSerializer(data=request.GET)
    if params.is_valid():
        return params.validated_data, {}
    return None, dict(params.errors)


def _figures(
    request: HttpRequest, *, report: bool, more_errors: dict[str, Any] | None = None
) -> HttpResponse:
    user = user_of(request)
    require_role(user, "view_statistics")
    data, errors = _params(request)
    errors.update(more_errors or {})
    start, end = default_range()
    context: dict[str, Any] = {
        "errors": errors,
        "query": request.GET.urlencode(),
        "report": report,
        "values": {
            "from": request.GET.get("from", f"{start:%Y-%m}"),
            "to": request.GET.get("to", f"{end:%Y-%m}"),
            "by": request.GET.get("by", "month"),
            "location": request.GET.get("location", ""),
        },
    }
    trend = gap = None
    if data is not None:
        trend = trends(
            user, grain=data["by"], start=data["start"], end=data["end"], location=data["location"]
        )
        gap = gaps(user, start=data["start"], end=data["end"], location=data["location"])
        context["figures"] = trend
        context["first"] = period_label(trend.periods[0])
        context["last"] = period_label(trend.periods[-1])
    country = user.home_country_id
    context["locations"] = [(v, location_label(v)) for v in locations_of(country)]
    context.update(workspace_context(trend, gap))
    status = 400 if errors else 200
    return render(request, "statistics/workspace.html", context, status=status)


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    return _figures(request, report=False)


@login_required
def report(request: HttpRequest) -> HttpResponse:
    """The same figures laid out for print: no filters, every table, charts beside."""
    return _figures(request, report=True)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require_role(user, "view_statistics")
    params = ExportParamsSerializer(data=request.GET)
    if not params.is_valid():
        return _figures(request, report=False, more_errors=dict(params.errors))
    return export_response(user, params.validated_data)
