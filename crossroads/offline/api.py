from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of
from crossroads.audit.writer import record_list

from . import actions, queries
from .models import SyncConflict
from .serializers import KindSerializers, SyncAnswerSerializer, SyncBatchSerializer


class SyncBatch(GenericAPIView[Any]):
    serializer_class = SyncBatchSerializer

    @extend_schema(
        responses={
            200: inline_serializer(
                "SyncAccount",
                {"username": serializers.CharField(), "country": serializers.CharField()},
            )
        },
        description="What a device needs to work offline for this account: its state.",
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "register_person")
        user = user_of(request)
        return Response({"username": user.username, "country": user.home_country_id})

    @extend_schema(
        request=SyncBatchSerializer,
        responses={
            200: inline_serializer("SyncAnswers", {"items": SyncAnswerSerializer(many=True)}),
            400: OpenApiResponse(description="The batch itself is malformed or over 500 items."),
            403: OpenApiResponse(description="Only officers, caseworkers and supervisors sync."),
        },
        description="Records made offline, each with the device's `client_id`: answered one "
        "by one, in the order sent: `created`; `updated` (a change applied on the version it "
        "was made on); `already_received` (a replay: the same record's `id`, nothing "
        "created); `possible_duplicate` (created, with the people possibly registered "
        "before); `conflict` (someone changed the person meanwhile: both values kept for a "
        "person to resolve at `sync/conflicts/`, nothing overwritten); `invalid` (field "
        "errors; nothing saved, send it again corrected). Persons and households are "
        "handled before screenings, so a screening may name a person of the same batch by "
        "`person_client_id`.",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "register_person")
        batch = SyncBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        answers = actions.receive_batch(
            acting_user=user_of(request),
            items=batch.validated_data["items"],
            serializers=KindSerializers(dict(self.get_serializer_context())),
        )
        return Response({"items": [a.as_dict() for a in answers]}, status=status.HTTP_200_OK)


class SyncConflictSerializer(serializers.ModelSerializer[SyncConflict]):
    person = serializers.UUIDField(source="person_id")
    person_reference = serializers.CharField(source="person.reference")
    client_id = serializers.UUIDField(source="item_id")

    class Meta:
        model = SyncConflict
        fields = [
            "id",
            "client_id",
            "person",
            "person_reference",
            "base_version",
            "server_version",
            "fields",
            "status",
            "resolution",
            "created_at",
            "resolved_at",
        ]


class ConflictList(GenericAPIView[Any]):
    serializer_class = SyncConflictSerializer

    @extend_schema(
        description="Open conflicts on people you may change, oldest first.",
        responses={200: SyncConflictSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "change_person")
        user = user_of(request)
        conflicts = (
            queries.open_conflicts_visible_to(user).select_related("person").order_by("created_at")
        )
        page = self.paginate_queryset(conflicts)
        record_list(user, "registry.person", [c.person_id for c in page or []], searched=False)
        return self.get_paginated_response(SyncConflictSerializer(page, many=True).data)


class ConflictResolve(GenericAPIView[Any]):
    serializer_class = SyncConflictSerializer

    @extend_schema(
        request=inline_serializer(
            "ConflictChoices", {"choices": serializers.DictField(child=serializers.CharField())}
        ),
        responses={
            200: SyncConflictSerializer,
            400: OpenApiResponse(description="A field without a choice of `offline` or `server`."),
            404: OpenApiResponse(description="No such conflict that you may resolve."),
            409: OpenApiResponse(description="Resolved already."),
        },
        description='Resolves a conflict field by field: `{"choices": {"family_name": '
        '"offline", "birth_date": "server"}}`. The offline values chosen are written '
        "as a change of the person (audited); the server's stay.",
    )
    def post(self, request: Request, conflict_id: str) -> Response:
        require_role(request.user, "change_person")
        choices = request.data.get("choices") if isinstance(request.data, dict) else None
        conflict = actions.resolve_conflict(
            acting_user=user_of(request),
            conflict_id=conflict_id,
            choices=choices if isinstance(choices, dict) else {},
            serializers=KindSerializers(dict(self.get_serializer_context())),
        )
        return Response(SyncConflictSerializer(conflict).data)
