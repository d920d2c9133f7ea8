"""The screening API: screen a person, list and read screenings, preview a record, lift a
safeguard. Thin: serializers validate, actions write, queries read through the gate."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role
from crossroads.access.policy import Verb, role_allows, user_of
from crossroads.audit.writer import record_list
from crossroads.core.exceptions import Conflict, Forbidden

from . import actions, queries
from .serializers import (
    LiftSerializer,
    PreviewSerializer,
    SafeguardConflictSerializer,
    SafeguardSerializer,
    ScreeningCreateSerializer,
    ScreeningDetailSerializer,
    ScreeningListQuerySerializer,
    ScreeningListSerializer,
    ScreeningResultSerializer,
    ScreeningSerializer,
)

NOT_FOUND = OpenApiResponse(description="No such record, or not one you may see.")
READ_ROLES = OpenApiResponse(
    description="Officers, caseworkers and supervisors only: a screening holds health, "
    "violence and exploitation details that partners, analysts and administrators may not see."
)
WRITE_ROLES = OpenApiResponse(description="Officers, caseworkers and supervisors only.")
LIFT_ROLES = OpenApiResponse(description="Supervisors only.")
FIELD_ERRORS = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description=(
        "Field errors, keyed by the record's field path: "
        '`{"record.person.birth_date": ["…"]}`. Nothing is saved.'
    ),
)


class ScreeningListCreate(GenericAPIView[Any]):
    """Screenings of the people you may see, newest first (`?person=` for one person).
    POST screens a person: the record of screening.md section 1 in, the engine's result
    out, exactly as `crossroads screen` prints it; the safeguards it names are set on
    the person."""

    serializer_class = ScreeningListSerializer

    @extend_schema(
        parameters=[ScreeningListQuerySerializer],
        responses={
            200: ScreeningListSerializer(many=True),
            400: OpenApiResponse(description="`person` is not a UUID."),
            403: READ_ROLES,
        },
        description="Screenings of the people you may see, newest first (`?person=` for "
        "one person). The list is audited, naming the screenings shown.",
    )
    def get(self, request: Request) -> Response:
        # A screening holds health, violence and exploitation details: roles that may not
        # see those (partners) get their referrals through the referrals API instead.
        require_role(request.user, "view_sensitive")
        params = ScreeningListQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        person = params.validated_data.get("person")
        page = self.paginate_queryset(
            queries.screenings_visible_to(user_of(request), person_id=person)
        )
        record_list(request.user, "screening.screening", [s.pk for s in page or []], searched=False)
        data = ScreeningListSerializer(page, many=True).data
        return self.get_paginated_response(data)

    @extend_schema(
        request=ScreeningCreateSerializer,
        responses={201: ScreeningSerializer, 400: FIELD_ERRORS, 403: WRITE_ROLES, 404: NOT_FOUND},
        description="Screens a person you may work on: the record of screening.md section 1 "
        "in, the engine's result out, exactly as `crossroads screen` prints it; the "
        "safeguards it names are set on the person.",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "change_person")
        serializer = ScreeningCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        screening = actions.screen_person(
            acting_user=user_of(request),
            person_id=serializer.validated_data["person"],
            record_data=serializer.validated_data["record"],
        )
        return Response(ScreeningSerializer(screening).data, status=status.HTTP_201_CREATED)


class ScreeningDetail(GenericAPIView[Any]):
    """One screening: its record, its result and the pack that decided. Partners may not
    read screenings (403): they hold health, violence and exploitation details."""

    serializer_class = ScreeningDetailSerializer

    @extend_schema(responses={200: ScreeningDetailSerializer, 403: READ_ROLES, 404: NOT_FOUND})
    def get(self, request: Request, screening_id: str) -> Response:
        screening = queries.screening_detail(user_of(request), screening_id)
        return Response(ScreeningDetailSerializer(screening).data)


class ScreeningPreview(GenericAPIView[Any]):
    """Extension: the result for a record, without saving anything: what the interview
    page shows before "Save", and what an officer's own tools may ask. The engine is the
    only source of rules."""

    serializer_class = PreviewSerializer

    @extend_schema(
        request=PreviewSerializer,
        responses={200: ScreeningResultSerializer, 400: FIELD_ERRORS, 403: WRITE_ROLES},
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "change_person")
        serializer = PreviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(actions.evaluate(serializer.validated_data["record"]))


class SafeguardLift(GenericAPIView[Any]):
    """Lifts a safeguard by a recorded decision (supervisors only): the reasons and the
    decision's reference are kept with it and in the audit trail."""

    serializer_class = LiftSerializer

    @extend_schema(
        request=LiftSerializer,
        responses={
            200: SafeguardSerializer,
            400: FIELD_ERRORS,
            403: LIFT_ROLES,
            404: NOT_FOUND,
            409: OpenApiResponse(
                SafeguardConflictSerializer,
                description="The safeguard is no longer active: `current` is it as it is.",
            ),
        },
    )
    def post(self, request: Request, safeguard_id: str) -> Response:
        serializer = LiftSerializer(data=request.data)
        if not role_allows(request.user, Verb.LIFT_SAFEGUARD):
            # 403 before anything else: a role that may never lift learns nothing more.
            raise Forbidden(_("Only a supervisor may lift a safeguard."))
        serializer.is_valid(raise_exception=True)
        try:
            safeguard = actions.lift_safeguard(
                acting_user=user_of(request),
                safeguard_id=safeguard_id,
                reason=serializer.validated_data["reason"],
                decision=serializer.validated_data.get("decision", ""),
            )
        except Conflict as exc:
            current = queries.safeguard_of_person_visible_to(user_of(request), safeguard_id)
            exc.current = SafeguardSerializer(current).data
            raise
        return Response(SafeguardSerializer(safeguard).data)
