from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from .actions import issue_token, revoke_token
from .models import Agency, Country
from .serializers import (
    AgencySerializer,
    CountrySerializer,
    TokenRequestSerializer,
    TokenSerializer,
)


class TokenThrottle(AnonRateThrottle):
    scope = "token"


class TokenView(APIView):
    """Exchange a username and password for an API token; DELETE revokes your token."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [TokenThrottle]

    def get_authenticators(self) -> list[Any]:
        if self.request is not None and self.request.method == "DELETE":
            from crossroads.core.authentication import LanguageTokenAuthentication

            return [LanguageTokenAuthentication()]
        return []

    def get_permissions(self) -> list[Any]:
        if self.request is not None and self.request.method == "DELETE":
            return [IsAuthenticated()]
        return [AllowAny()]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: TokenSerializer, 400: OpenApiResponse(description="Wrong credentials")},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = issue_token(request=request._request, **serializer.validated_data)
        if token is None:
            return Response(
                {"non_field_errors": [_("Unable to log in with the given username and password.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response({"token": token})

    @extend_schema(responses={204: None})
    def delete(self, request: Request) -> Response:
        revoke_token(acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CountryList(generics.ListAPIView[Country]):
    """The states, with their working languages and whether their records live here."""

    serializer_class = CountrySerializer
    queryset = Country.objects.all()


class CountryDetail(generics.RetrieveAPIView[Country]):
    serializer_class = CountrySerializer
    queryset = Country.objects.all()
    lookup_field = "code"

    def get_object(self) -> Country:
        self.kwargs["code"] = str(self.kwargs["code"]).upper()
        return super().get_object()


class AgencyList(generics.ListAPIView[Agency]):
    """Agencies with their kind, state and the pathways they receive. `?country=KG`,
    `?kind=asylum_authority`."""

    serializer_class = AgencySerializer

    def get_queryset(self) -> QuerySet[Agency]:
        queryset = Agency.objects.all().order_by("country_id", "name")
        country = self.request.query_params.get("country")
        kind = self.request.query_params.get("kind")
        if country:
            queryset = queryset.filter(country_id=country.upper())
        if kind:
            queryset = queryset.filter(kind=kind)
        return queryset


class AgencyDetail(generics.RetrieveAPIView[Agency]):
    serializer_class = AgencySerializer
    queryset = Agency.objects.all()
