from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import caches
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from crossroads.core.authentication import LanguageTokenAuthentication

from . import queries
from .actions import issue_token, revoke_token
from .models import Agency, Country, user_of
from .serializers import (
    AgencyListQuerySerializer,
    AgencySerializer,
    CountrySerializer,
    TokenRequestSerializer,
    TokenSerializer,
)


class _AddressThrottle(SimpleRateThrottle):
    """Counted per client address, in a cache that every server process shares."""

    cache = caches["throttle"]
    num_requests: int
    duration: int

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenThrottle(_AddressThrottle):
    """Every request for a token, from one address: a whole office behind one address
    can still sign in, a flood cannot."""

    scope = "token"


class _FailureThrottle(_AddressThrottle):
    """Counts only requests that failed (`failed`), and refuses once there are too many."""

    def allow_request(self, request: Request, view: Any) -> bool:
        self.key = self.get_cache_key(request, view)
        self.now = self.timer()
        self.history = [t for t in self.cache.get(self.key, []) if t > self.now - self.duration]
        return len(self.history) < self.num_requests

    def failed(self, request: Request) -> None:
        self.allow_request(request, None)
        self.cache.set(self.key, [self.now, *self.history], self.duration)


class TokenFailureThrottle(_FailureThrottle):
    """Wrong passwords for one username from one address: guessing a password stops
    after a few tries a minute, while colleagues behind the same address sign in."""

    scope = "token_failures"

    def get_cache_key(self, request: Request, view: Any) -> str:
        data = request.data if isinstance(request.data, dict) else {}
        username = str(data.get("username", "")).strip().lower()
        digest = hashlib.sha256(username.encode("utf-8", "replace")).hexdigest()[:32]
        ident = f"{self.get_ident(request)}-{digest}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class TokenAddressFailureThrottle(_FailureThrottle):
    """Wrong passwords from one address, whatever the username: trying one password
    on many accounts stops too."""

    scope = "token_failures_address"


class TokenView(APIView):
    """`POST` exchanges a username and password for an API token (anyone may ask; wrong
    credentials answer 400). Rate-limited (429 with `Retry-After`): 120 requests a minute
    from one address, 10 wrong passwords a minute for one username from one address,
    30 wrong passwords a minute from one address.
    `DELETE` revokes the token it is called with: it stops working at once."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [TokenThrottle, TokenFailureThrottle, TokenAddressFailureThrottle]

    def get_authenticators(self) -> list[Any]:
        if self.request is not None and self.request.method == "DELETE":
            return [LanguageTokenAuthentication()]
        return []

    def get_permissions(self) -> list[Any]:
        if self.request is not None and self.request.method == "DELETE":
            return [IsAuthenticated()]
        return [AllowAny()]

    def get_throttles(self) -> list[Any]:
        if self.request is not None and self.request.method == "DELETE":
            return []
        return super().get_throttles()

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description="Wrong credentials, or a field missing."),
        },
        auth=[],
        description="Exchanges a username and password for the user's API token, to send "
        "as `Authorization: Token <key>`. Wrong credentials answer 400.",
    )
    def post(self, request: Request) -> Response:
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = issue_token(request=request._request, **serializer.validated_data)
        if token is None:
            for throttle in self.get_throttles():
                if isinstance(throttle, _FailureThrottle):
                    throttle.failed(request)
            return Response(
                {"non_field_errors": [_("Unable to log in with the given username and password.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response({"token": token})

    @extend_schema(
        request=None,
        responses={204: None},
        description="Revokes the token this request carries: it stops working at once "
        "(401 after). Ask for a new one with `POST`.",
    )
    def delete(self, request: Request) -> Response:
        revoke_token(acting_user=user_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class CountryList(generics.ListAPIView[Country]):
    """The states, with their working languages (ISO 639-3) and whether their personal
    records live on this instance (`hosted`). Any signed-in user."""

    serializer_class = CountrySerializer

    def get_queryset(self) -> QuerySet[Country]:
        return queries.country_list()


class CountryDetail(generics.RetrieveAPIView[Country]):
    """One state, by its ISO 3166-1 alpha-2 code (either case)."""

    serializer_class = CountrySerializer
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Country]:
        return queries.country_list()

    def get_object(self) -> Country:
        self.kwargs["code"] = str(self.kwargs["code"]).upper()
        return super().get_object()


class AgencyList(generics.ListAPIView[Agency]):
    """Agencies with their kind, state and the pathways they receive, by state and name.
    Any signed-in user: agencies are not personal data."""

    serializer_class = AgencySerializer

    @extend_schema(
        parameters=[AgencyListQuerySerializer],
        responses={
            200: AgencySerializer(many=True),
            400: OpenApiResponse(description="A filter with a value it cannot take."),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Agency]:
        params = AgencyListQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return queries.agency_list(**params.validated_data)


class AgencyDetail(generics.RetrieveAPIView[Agency]):
    """One agency, with its kind, state and the pathways it receives."""

    serializer_class = AgencySerializer

    def get_queryset(self) -> QuerySet[Agency]:
        return queries.agency_list()
