"""The referrals and consents API (api.md): thin views over `queries` and `actions`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.api import PolicyPermission
from crossroads.access.gate import require_role
from crossroads.access.policy import Verb, user_of
from crossroads.core.exceptions import Conflict, NotFound

from . import actions, queries
from .serializers import (
    AnswerSerializer,
    ConsentConflictSerializer,
    ConsentListQuerySerializer,
    ConsentSerializer,
    DeclinedSerializer,
    DeclineSerializer,
    ReferralConflictSerializer,
    ReferralListQuerySerializer,
    ReferralSerializer,
    SendReferralSerializer,
)

NOT_FOUND = OpenApiResponse(
    description="No such referral, or not one your agency sent or received."
)
CONSENT_NOT_FOUND = OpenApiResponse(description="No such consent, or not one you may see.")
READ_ROLES = OpenApiResponse(
    description="Officers, caseworkers, supervisors and partners only: analysts and "
    "administrators see no individual."
)
WRITE_ROLES = OpenApiResponse(description="Officers, caseworkers and supervisors only.")
ANSWER_ROLES = OpenApiResponse(
    description="Caseworkers, supervisors and partners of the receiving agency answer."
)
BAD_INPUT = OpenApiResponse(description="Field errors: {field: [messages]}.")
CONFLICT = OpenApiResponse(description="Refused now, with the reason in `detail`.")
ANSWER_CONFLICT = OpenApiResponse(
    ReferralConflictSerializer,
    description="Answered already, or a stale `version`: the reason in `detail`, the "
    "referral as it is now in `current`.",
)


@contextmanager
def _current_referral_on_conflict(view: GenericAPIView[Any], referral_id: str) -> Iterator[None]:
    """A refused answer carries the referral as it is now (api.md: 409 with the current
    record), read and audited as any read of it."""
    try:
        yield
    except Conflict as exc:
        try:
            referral = queries.referral_detail(user_of(view.request), referral_id)
        except NotFound:
            raise exc from None  # declined by this agency, which no longer sees it
        exc.current = ReferralSerializer(referral, context=view.get_serializer_context()).data
        raise


class ReferralListCreate(GenericAPIView[Any]):
    """Referrals sent to your agency (`box=in`) or by it (`box=out`), the most urgent and
    overdue first. POST sends one: consent (or a lawful basis) is required for a partner,
    and the safeguards standing on the person are checked."""

    serializer_class = ReferralSerializer

    @extend_schema(
        parameters=[ReferralListQuerySerializer],
        responses={200: ReferralSerializer(many=True), 400: BAD_INPUT, 403: READ_ROLES},
        description="Referrals sent to your agency (`box=in`) or by it (`box=out`), both "
        "when `box` is absent, the most urgent and overdue first; each with only the "
        "fields its receiver may see. The list is audited, naming the referrals shown.",
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "view_person")
        params = ReferralListQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        page = self.paginate_queryset(
            queries.referral_list(
                user_of(request),
                box=params.validated_data.get("box", ""),
                status=params.validated_data.get("status", ""),
                overdue=params.validated_data.get("overdue", False),
            )
        )
        rows = page or []
        queries.audit_referral_list(user_of(request), rows)
        context = {**self.get_serializer_context(), "detail": False}
        data = ReferralSerializer(rows, many=True, context=context).data  # type: ignore[arg-type]
        return self.get_paginated_response(data)

    @extend_schema(
        request=SendReferralSerializer,
        responses={
            201: ReferralSerializer,
            400: BAD_INPUT,
            403: WRITE_ROLES,
            404: OpenApiResponse(description="No such person, or not one you may see."),
            409: OpenApiResponse(
                description="Refused, with the reason: a safeguard standing on the person "
                "forbids it, or a partner has no consent (nor lawful basis) for this pathway."
            ),
        },
        description="Sends a referral of a person you may see to an agency of their state "
        "(the one the state's pack names for the pathway when `to_agency` is absent). The "
        "receiver then sees the person.",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "change_person")
        serializer = SendReferralSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        referral = actions.send_referral(
            acting_user=user_of(request),
            person_id=data["person"],
            pathway=data["pathway"],
            priority=data["priority"],
            needs=data.get("needs") or [],
            to_agency_id=data.get("to_agency"),
            screening_id=data.get("screening"),
            note=data.get("note", ""),
        )
        referral = queries.referral_detail_unaudited(user_of(request), referral.pk)
        body = ReferralSerializer(referral, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


class ReferralDetail(GenericAPIView[Any]):
    """One referral, seen by its sender and its receiver only, with only the fields its
    receiver may see."""

    serializer_class = ReferralSerializer

    @extend_schema(responses={200: ReferralSerializer, 403: READ_ROLES, 404: NOT_FOUND})
    def get(self, request: Request, referral_id: str) -> Response:
        referral = queries.referral_detail(user_of(request), referral_id)
        return Response(ReferralSerializer(referral, context=self.get_serializer_context()).data)


class ReferralAccept(GenericAPIView[Any]):
    """The receiving agency accepts the referral. 409 if it has been answered already."""

    permission_classes = [PolicyPermission]
    required_verb = Verb.ANSWER_REFERRAL
    serializer_class = AnswerSerializer

    @extend_schema(
        request=AnswerSerializer,
        responses={
            200: ReferralSerializer,
            403: ANSWER_ROLES,
            404: NOT_FOUND,
            409: ANSWER_CONFLICT,
        },
    )
    def post(self, request: Request, referral_id: str) -> Response:
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with _current_referral_on_conflict(self, referral_id):
            referral = actions.accept_referral(
                acting_user=user_of(request),
                referral_id=referral_id,
                version=serializer.validated_data.get("version"),
            )
        referral = queries.referral_detail_unaudited(user_of(request), referral.pk)
        return Response(ReferralSerializer(referral, context=self.get_serializer_context()).data)


class ReferralDecline(GenericAPIView[Any]):
    """The receiving agency declines the referral, giving its reason. 409 if it has been
    answered already."""

    permission_classes = [PolicyPermission]
    required_verb = Verb.ANSWER_REFERRAL
    serializer_class = DeclineSerializer

    @extend_schema(
        request=DeclineSerializer,
        responses={
            200: DeclinedSerializer,
            400: BAD_INPUT,
            403: ANSWER_ROLES,
            404: NOT_FOUND,
            409: ANSWER_CONFLICT,
        },
    )
    def post(self, request: Request, referral_id: str) -> Response:
        serializer = DeclineSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with _current_referral_on_conflict(self, referral_id):
            referral = actions.decline_referral(
                acting_user=user_of(request),
                referral_id=referral_id,
                reason=serializer.validated_data["reason"],
                version=serializer.validated_data.get("version"),
            )
        # The declining agency no longer sees the person: the answer carries the referral's
        # own fields only.
        return Response(DeclinedSerializer(referral).data)


class ConsentListCreate(GenericAPIView[Any]):
    """Consents and lawful bases to share with a partner (UNHCR, IOM, an NGO): to whom,
    for which pathways, given by whom and when, and whether withdrawn."""

    serializer_class = ConsentSerializer

    @extend_schema(
        parameters=[ConsentListQuerySerializer],
        responses={
            200: ConsentSerializer(many=True),
            400: OpenApiResponse(description="`person` is not a UUID."),
            403: READ_ROLES,
            404: OpenApiResponse(description="`person`: no such person, or not one you may see."),
        },
    )
    def get(self, request: Request) -> Response:
        params = ConsentListQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        page = self.paginate_queryset(
            queries.consent_list(user_of(request), person_id=params.validated_data.get("person"))
        )
        rows = page or []
        queries.audit_consent_list(user_of(request), rows)
        return self.get_paginated_response(
            ConsentSerializer(rows, many=True, context=self.get_serializer_context()).data
        )

    @extend_schema(
        request=ConsentSerializer,
        responses={
            201: ConsentSerializer,
            400: BAD_INPUT,
            403: OpenApiResponse(
                description="Officers, caseworkers and supervisors only; the basis "
                "`child_best_interests` by the child-protection authority only."
            ),
            404: OpenApiResponse(description="No such person, or not one you may see."),
        },
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "change_person")
        serializer = ConsentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        consent = actions.record_consent(
            acting_user=user_of(request),
            person_id=data["person_id"],
            to_agency_id=data["to_agency_id"],
            purposes=data["purposes"],
            given_by=data["given_by"],
            given_on=data["given_on"],
            basis=data["basis"],
            given_by_name=data.get("given_by_name", ""),
            shares_sensitive=data.get("shares_sensitive", False),
        )
        consent = queries.consent_detail_unaudited(user_of(request), consent.pk)
        body = ConsentSerializer(consent, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


class ConsentDetail(GenericAPIView[Any]):
    """One consent or lawful basis."""

    serializer_class = ConsentSerializer

    @extend_schema(responses={200: ConsentSerializer, 403: READ_ROLES, 404: CONSENT_NOT_FOUND})
    def get(self, request: Request, consent_id: str) -> Response:
        consent = queries.consent_detail(user_of(request), consent_id)
        return Response(ConsentSerializer(consent, context=self.get_serializer_context()).data)


class ConsentWithdraw(GenericAPIView[Any]):
    """The person withdraws their consent: no referral can be sent on it any more.
    409 if it was withdrawn already."""

    serializer_class = ConsentSerializer

    @extend_schema(
        request=None,
        responses={
            200: ConsentSerializer,
            403: WRITE_ROLES,
            404: CONSENT_NOT_FOUND,
            409: OpenApiResponse(
                ConsentConflictSerializer,
                description="Withdrawn already: `current` is the consent as it is.",
            ),
        },
    )
    def post(self, request: Request, consent_id: str) -> Response:
        try:
            consent = actions.withdraw_consent(acting_user=user_of(request), consent_id=consent_id)
        except Conflict as exc:
            current = queries.consent_detail(user_of(request), consent_id)
            exc.current = ConsentSerializer(current, context=self.get_serializer_context()).data
            raise
        consent = queries.consent_detail_unaudited(user_of(request), consent.pk)
        return Response(ConsentSerializer(consent, context=self.get_serializer_context()).data)
