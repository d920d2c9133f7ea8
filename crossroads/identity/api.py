from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.api import PolicyPermission
from crossroads.access.gate import require_role
from crossroads.access.policy import Verb, user_of
from crossroads.audit.writer import record_list
from crossroads.registry.serializers import PersonSerializer

from . import actions, queries
from .matching import draft_records
from .serializers import (
    CheckResultSerializer,
    DuplicateCandidateSerializer,
    MergeRequestSerializer,
    MergeSerializer,
    ReasonSerializer,
)


class PersonCheck(GenericAPIView[Any]):
    """A draft person in (the fields of `persons/`, nothing saved); the people of this
    state possibly registered before out, ranked, with probability and why."""

    permission_classes = [PolicyPermission]
    required_verb = Verb.REGISTER_PERSON
    serializer_class = PersonSerializer

    @extend_schema(
        request=PersonSerializer,
        responses={
            200: CheckResultSerializer,
            403: OpenApiResponse(description="Only officers, caseworkers and supervisors check."),
        },
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "register_person")
        serializer = PersonSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.to_person_data()
        candidates = queries.possibly_registered_before(
            user_of(request), draft_records(data.values, data.aliases)
        )
        return Response({"candidates": candidates})


class DuplicateList(GenericAPIView[Any]):
    """The review queue (supervisors): candidate pairs found at registration or by the
    batch run, both records of which the supervisor may see, most probable first."""

    permission_classes = [PolicyPermission]
    required_verb = Verb.REVIEW_DUPLICATES
    serializer_class = DuplicateCandidateSerializer

    @extend_schema(
        responses={
            200: DuplicateCandidateSerializer(many=True),
            403: OpenApiResponse(description="Supervisors only."),
        }
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(queries.review_queue(user_of(request)))
        shown = [c.person_a_id for c in page or []] + [c.person_b_id for c in page or []]
        record_list(request.user, "registry.person", shown, searched=False)
        return self.get_paginated_response(DuplicateCandidateSerializer(page, many=True).data)


class DuplicateDistinct(GenericAPIView[Any]):
    """Records that a candidate pair are two different people (with the reason)."""

    permission_classes = [PolicyPermission]
    required_verb = Verb.REVIEW_DUPLICATES
    serializer_class = ReasonSerializer

    @extend_schema(
        request=ReasonSerializer,
        responses={
            200: DuplicateCandidateSerializer,
            403: OpenApiResponse(description="Supervisors only."),
            404: OpenApiResponse(description="No such open pair, or not one you may see."),
        },
    )
    def post(self, request: Request, candidate_id: str) -> Response:
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        candidate = actions.mark_distinct(
            acting_user=user_of(request),
            candidate_id=candidate_id,
            reason=serializer.validated_data["reason"],
        )
        return Response(DuplicateCandidateSerializer(candidate).data)


class MergeCreate(GenericAPIView[Any]):
    """Merges two records with a reason: every row of the merged record moves to the kept
    one, nothing is lost, and the merge can be undone."""

    permission_classes = [PolicyPermission]
    required_verb = Verb.MERGE_PERSONS
    serializer_class = MergeRequestSerializer

    @extend_schema(
        request=MergeRequestSerializer,
        responses={
            201: MergeSerializer,
            403: OpenApiResponse(description="Supervisors only."),
            404: OpenApiResponse(description="No such person, or not one you may see."),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = MergeRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        merge = actions.merge_persons(
            acting_user=user_of(request),
            kept_id=data["kept"],
            merged_id=data["merged"],
            reason=data["reason"],
        )
        return Response(MergeSerializer(merge).data, status=status.HTTP_201_CREATED)


class MergeUndo(GenericAPIView[Any]):
    """Undoes a merge: the moved rows go back and the merged record returns."""

    permission_classes = [PolicyPermission]
    required_verb = Verb.MERGE_PERSONS
    serializer_class = ReasonSerializer

    @extend_schema(
        request=ReasonSerializer,
        responses={
            200: MergeSerializer,
            403: OpenApiResponse(description="Supervisors only."),
            404: OpenApiResponse(description="No such merge, or not one you may see."),
            409: OpenApiResponse(description="This merge has been undone already."),
        },
    )
    def post(self, request: Request, merge_id: str) -> Response:
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        merge = actions.undo_merge(
            acting_user=user_of(request),
            merge_id=merge_id,
            reason=serializer.validated_data["reason"],
        )
        return Response(MergeSerializer(merge).data)
