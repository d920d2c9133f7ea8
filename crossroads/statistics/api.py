from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of
from crossroads.accounts.models import User

from .exports import as_csv, as_xlsx
from .queries import export_figures, gaps, state_statistics, trends
from .serializers import (
    ExportParamsSerializer,
    FiguresSerializer,
    PeriodSerializer,
    StatisticsSerializer,
    TrendParamsSerializer,
)


class Statistics(GenericAPIView[Any]):
    """Aggregate counts of your agency's state (analysts and supervisors): registrations
    by sex, age band, nationality and month; screenings by need found; referrals by
    pathway and status; cases by type and state. Counted over records registered,
    screened, sent or opened between `from` and `to`. Never an individual: every count is
    protected by the cell-key method (docs/statistics.md). Each request leaves one audit
    row, naming the period only."""

    serializer_class = StatisticsSerializer
    pagination_class = None

    @extend_schema(
        parameters=[PeriodSerializer],
        responses={
            200: StatisticsSerializer,
            400: OpenApiResponse(description="`from` or `to` not a date, or `to` before `from`."),
            403: OpenApiResponse(description="Only analysts and supervisors read statistics."),
        },
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "view_statistics")
        params = PeriodSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        figures = state_statistics(user_of(request), period=params.to_period())
        return Response(StatisticsSerializer(figures).data)


class Trends(GenericAPIView[Any]):
    """Trend tables of your agency's state (analysts and supervisors), by month, quarter
    or year, over whole periods: registrations by nationality, sex and age band;
    screenings by need; referrals by pathway and by receiving agency, with the median
    time to answer and the share answered late; cases by type and state, time from
    opening to decision, durable solutions by progress. Every count is protected by the
    cell-key method (docs/statistics.md). One audit row per request."""

    serializer_class = FiguresSerializer
    pagination_class = None

    @extend_schema(
        parameters=[TrendParamsSerializer],
        responses={
            200: FiguresSerializer,
            400: OpenApiResponse(description="An unknown period or `by`, or `to` before `from`."),
            403: OpenApiResponse(description="Only analysts and supervisors read statistics."),
        },
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "view_statistics")
        params = TrendParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        figures = trends(
            user_of(request),
            grain=params.validated_data["by"],
            start=params.validated_data["start"],
            end=params.validated_data["end"],
            location=params.validated_data["location"],
        )
        return Response(FiguresSerializer(figures).data)


class Gaps(GenericAPIView[Any]):
    """Gaps in practice of your agency's state over whole months (analysts and
    supervisors): referrals answered late or overdue by pathway and receiving agency;
    protection needs found with no accepted referral; children without a best-interests
    assessment within the deadline; protection cases without a durable solution after 6
    and 12 months; needs found per 100 screenings by place. Protected; one audit row."""

    serializer_class = FiguresSerializer
    pagination_class = None

    @extend_schema(
        parameters=[TrendParamsSerializer],
        responses={
            200: FiguresSerializer,
            400: OpenApiResponse(description="An unknown period, or `to` before `from`."),
            403: OpenApiResponse(description="Only analysts and supervisors read statistics."),
        },
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "view_statistics")
        params = TrendParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        figures = gaps(
            user_of(request),
            start=params.validated_data["start"],
            end=params.validated_data["end"],
            location=params.validated_data["location"],
        )
        return Response(FiguresSerializer(figures).data)


class _Settings:
    """DRF's settings, except that `?format=` is this resource's own parameter (the file
    format), not DRF's choice of renderer."""

    URL_FORMAT_OVERRIDE = None

    def __getattr__(self, name: str) -> Any:
        return getattr(api_settings, name)


class _FormatIsOurs(DefaultContentNegotiation):
    settings = _Settings()  # type: ignore[assignment]


class Export(GenericAPIView[Any]):
    """Every trend and gap table as a file: `?format=csv` (one long table, UTF-8) or
    `?format=xlsx` (one sheet per table), with the parameters of `statistics/trends/`.
    Protected figures only; text a spreadsheet would read as a formula is neutralised.
    Audited as an export."""

    pagination_class = None
    content_negotiation_class = _FormatIsOurs

    @extend_schema(
        parameters=[ExportParamsSerializer],
        responses={
            (200, "text/csv"): OpenApiResponse(description="The CSV file."),
            (
                200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ): OpenApiResponse(description="The XLSX file."),
            400: OpenApiResponse(description="A format not offered, or a bad period."),
            403: OpenApiResponse(description="Only analysts and supervisors export statistics."),
        },
    )
    def get(self, request: Request) -> HttpResponse:
        require_role(request.user, "view_statistics")
        params = ExportParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        return export_response(user_of(request), params.validated_data)


def export_response(user: User, data: dict[str, Any]) -> HttpResponse:
    """The file of an export, audited (shared by the API and the workspace page)."""
    figures = export_figures(user, data)
    fmt = data["format"]
    content = as_csv(figures) if fmt == "csv" else as_xlsx(figures)
    types = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    first = figures[0]
    name = f"statistics-{first.country}-{first.periods[0].code}-{first.periods[-1].code}.{fmt}"
    response = HttpResponse(content, content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
