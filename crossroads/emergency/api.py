from __future__ import annotations

from typing import Any

from django.http import QueryDict
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role, role_allows
from crossroads.access.policy import user_of

from . import actions, queries
from .forms import ShortScreeningForm
from .serializers import (
    InfluxFiguresSerializer,
    InfluxSerializer,
    ShortScreeningInputSerializer,
    ShortScreeningSerializer,
)


class InfluxListCreate(GenericAPIView[Any]):
    """Declared emergencies of the caller's state, latest first."""

    serializer_class = InfluxSerializer

    @extend_schema(responses={200: InfluxSerializer(many=True)})
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(queries.influxes_of(user_of(request)))
        return self.get_paginated_response(InfluxSerializer(page, many=True).data)

    @extend_schema(
        request=InfluxSerializer,
        responses={
            201: InfluxSerializer,
            400: OpenApiResponse(description="Field errors: `location`, `starts`, `ends`."),
            403: OpenApiResponse(description="Only supervisors declare an influx."),
        },
        description="A supervisor declares an influx at a `location` of their state from "
        "`starts` to `ends` (dates, at most a year). While it runs, first contact there may "
        "use the short screening (`short-screenings/`).",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "declare_influx")
        serializer = InfluxSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        influx = actions.declare_influx(acting_user=user_of(request), **serializer.validated_data)
        return Response(InfluxSerializer(influx).data, status=status.HTTP_201_CREATED)


class InfluxDetail(GenericAPIView[Any]):
    serializer_class = InfluxSerializer

    @extend_schema(
        responses={
            200: inline_serializer(
                "InfluxWithFigures",
                {"influx": InfluxSerializer(), "figures": InfluxFiguresSerializer(required=False)},
            ),
            403: OpenApiResponse(description="Figures are for supervisors."),
            404: OpenApiResponse(description="No such influx in your state."),
        },
        description="One influx and its figures: people short-screened, by the questions "
        "answered and by priority, fully screened since, waiting, and overdue.",
    )
    def get(self, request: Request, influx_id: str) -> Response:
        influx = actions.access_influx_by_id(user_of(request), influx_id)
        body: dict[str, Any] = {"influx": InfluxSerializer(influx).data}
        if role_allows(request.user, "oversee_screenings"):  # the figures are for supervisors
            body["figures"] = queries.influx_figures(user_of(request), influx)
        return Response(body)


def _form_data(data: Any) -> QueryDict:
    """The JSON body as the form reads it (lists as repeated keys, booleans as 'on')."""
    form_data = QueryDict(mutable=True)
    if not isinstance(data, dict):
        return form_data
    for key, value in data.items():
        if isinstance(value, list):
            form_data.setlist(key, [str(v) for v in value])
        elif value is True:
            form_data[key] = "on"
        elif value not in (None, False):
            form_data[key] = str(value)
    return form_data


class ShortScreeningCreate(GenericAPIView[Any]):
    serializer_class = ShortScreeningSerializer

    @extend_schema(
        request=ShortScreeningInputSerializer,
        responses={
            201: ShortScreeningSerializer,
            400: OpenApiResponse(
                description="Field errors: `fear_of_return` must be answered (yes, no, "
                "declined); `influx` not running today; an unknown indicator."
            ),
            404: OpenApiResponse(description="No such person or influx that you may see."),
        },
        description="Screens a person with the short questions of a running influx: the "
        "engine decides as for any screening, safeguards are set, and the person enters the "
        "queue for the full screening, due within the pack's deadline for the most urgent "
        "referral found.",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "change_person")
        body = request.data if isinstance(request.data, dict) else {}
        serializer = ShortScreeningInputSerializer(data=body)
        serializer.is_valid(raise_exception=True)
        form = ShortScreeningForm(_form_data(body))
        short = actions.short_screen(
            acting_user=user_of(request),
            person_id=serializer.validated_data["person"],
            influx_id=serializer.validated_data["influx"],
            form=form,
        )
        return Response(ShortScreeningSerializer(short).data, status=status.HTTP_201_CREATED)


class FullScreeningQueue(GenericAPIView[Any]):
    serializer_class = ShortScreeningSerializer

    @extend_schema(
        responses={
            200: ShortScreeningSerializer(many=True),
            403: OpenApiResponse(description="Supervisors only."),
        },
        description="People short-screened during an influx and not yet fully screened, "
        "soonest due first; `overdue` when the pack's deadline has passed.",
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(queries.full_screening_queue(user_of(request)))
        return self.get_paginated_response(ShortScreeningSerializer(page, many=True).data)
