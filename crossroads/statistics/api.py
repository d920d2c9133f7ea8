from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role

from .queries import state_statistics
from .serializers import PeriodSerializer, StatisticsSerializer


class Statistics(GenericAPIView[Any]):
    """Aggregate counts of your agency's state (analysts and supervisors): registrations
    by sex, age band, nationality and month; screenings by need found; referrals by
    pathway and status; cases by type and state. Counted over records registered,
    screened, sent or opened between `from` and `to`. Never an individual: small cells
    are hidden. Each request leaves one audit row, naming the period only."""

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
        figures = state_statistics(request.user, period=params.to_period())
        return Response(StatisticsSerializer(figures).data)
