"""The policy at the API's door (`PolicyPermission`), and the access-request resources."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.audit.writer import record_list

from . import actions
from .policy import Verb, require, user_of
from .serializers import AccessRequestSerializer, RefuseSerializer


class PolicyPermission(BasePermission):
    """Asks the policy for the view's `required_verb` (none: any signed-in user)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False  # 401
        verb = getattr(view, "required_verb", None)
        if verb:
            require(request.user, verb)
        return True


class AccessRequestListCreate(GenericAPIView[Any]):
    """The caller's agency's requests for access to a person registered by another agency
    of the state, and, for its supervisors, those addressed to it."""

    serializer_class = AccessRequestSerializer
    permission_classes = [PolicyPermission]
    required_verb = Verb.REQUEST_ACCESS

    @extend_schema(
        responses={
            200: AccessRequestSerializer(many=True),
            403: OpenApiResponse(description="Officers, caseworkers and supervisors only."),
        }
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(actions.access_requests_visible_to(user_of(request)))
        record_list(
            request.user, "access.accessrequest", [r.pk for r in page or []], searched=False
        )
        return self.get_paginated_response(AccessRequestSerializer(page, many=True).data)

    @extend_schema(
        request=AccessRequestSerializer,
        responses={
            201: AccessRequestSerializer,
            400: OpenApiResponse(description="No reason given."),
            403: OpenApiResponse(description="Officers, caseworkers and supervisors only."),
            404: OpenApiResponse(description="No such person in your state."),
            409: OpenApiResponse(description="Already visible, or already asked."),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = AccessRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = actions.request_access(
            acting_user=user_of(request),
            person_id=serializer.validated_data["person_id"],
            reason=serializer.validated_data["reason"],
        )
        return Response(AccessRequestSerializer(created).data, status=status.HTTP_201_CREATED)


class AccessRequestGrant(GenericAPIView[Any]):
    """A supervisor of the registering agency opens the record to the asking agency."""

    serializer_class = AccessRequestSerializer
    permission_classes = [PolicyPermission]
    required_verb = Verb.ANSWER_ACCESS_REQUEST

    @extend_schema(
        request=None,
        responses={
            200: AccessRequestSerializer,
            403: OpenApiResponse(description="Supervisors only."),
            404: OpenApiResponse(description="No such request to your agency."),
            409: OpenApiResponse(description="Already answered, or expired."),
        },
    )
    def post(self, request: Request, request_id: str) -> Response:
        answered = actions.grant_access_request(acting_user=user_of(request), request_id=request_id)
        return Response(AccessRequestSerializer(answered).data)


class AccessRequestRefuse(GenericAPIView[Any]):
    """A supervisor of the registering agency refuses, with the reason."""

    serializer_class = RefuseSerializer
    permission_classes = [PolicyPermission]
    required_verb = Verb.ANSWER_ACCESS_REQUEST

    @extend_schema(
        request=RefuseSerializer,
        responses={
            200: AccessRequestSerializer,
            400: OpenApiResponse(description="No reason given."),
            403: OpenApiResponse(description="Supervisors only."),
            404: OpenApiResponse(description="No such request to your agency."),
            409: OpenApiResponse(description="Already answered, or expired."),
        },
    )
    def post(self, request: Request, request_id: str) -> Response:
        serializer = RefuseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answered = actions.refuse_access_request(
            acting_user=user_of(request),
            request_id=request_id,
            reason=serializer.validated_data["reason"],
        )
        return Response(AccessRequestSerializer(answered).data)
