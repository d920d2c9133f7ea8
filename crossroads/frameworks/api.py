"""`frameworks/` and `frameworks/{country}/changes/`: reference data, not personal; every
authenticated user reads them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.core.exceptions import NotFound

from .comparison import changes, frameworks
from .serializers import ChangesParamsSerializer, ChangesSerializer, StateFrameworkSerializer


class Frameworks(GenericAPIView[Any]):
    """The ten states' legal frameworks side by side, from their packs in force today and
    the ILO data: per state `instruments` (status, date, source, whether checked),
    `procedures`, `parameters` and `gaps`. A cell not checked against its source says so
    (`checked: false`)."""

    serializer_class = StateFrameworkSerializer
    pagination_class = None

    @extend_schema(responses={200: StateFrameworkSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(StateFrameworkSerializer(frameworks(), many=True).data)


class FrameworkChanges(GenericAPIView[Any]):
    """What changed in one state's framework between the pack in force on `from` and the
    one in force on `to` (default today). 400 if no pack was in force on a day asked."""

    serializer_class = ChangesSerializer
    pagination_class = None

    @extend_schema(
        parameters=[ChangesParamsSerializer],
        responses={
            200: ChangesSerializer,
            400: OpenApiResponse(description="A bad date, or no pack in force then."),
            404: None,
        },
    )
    def get(self, request: Request, country: str) -> Response:
        from crossroads.engines.screening import default_registry

        code = country.upper()
        if code not in default_registry().countries():
            raise NotFound()
        params = ChangesParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        start = params.validated_data["from"]
        end = params.validated_data.get("to") or dt.date.today()
        if end < start:
            raise ValidationError({"to": [_("The end of the period is before its start.")]})
        try:
            before, after, found = changes(code, start, end)
        except LookupError:
            raise ValidationError(
                {"from": [_("No pack of this state was in force on that day.")]}
            ) from None
        return Response(
            ChangesSerializer(
                {
                    "country": code,
                    "before_pack": before.version,
                    "after_pack": after.version,
                    "changes": found,
                }
            ).data
        )
