from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role, role_allows
from crossroads.audit.writer import record_list
from crossroads.core.exceptions import Conflict
from crossroads.identity.queries import describe_candidates
from crossroads.identity.serializers import PersonCreatedSerializer

from . import actions, queries
from .serializers import PersonListSerializer, PersonSerializer

NOT_FOUND = OpenApiResponse(description="No such person, or not one you may see.")


class PersonListCreate(GenericAPIView[Any]):
    """The register: the people you may see, newest first. `?q=` searches their names and
    aliases in any script (Cyrillic, Latin, Perso-Arabic)."""

    serializer_class = PersonSerializer

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="Name search in any script")],
        responses={200: PersonListSerializer(many=True), 403: OpenApiResponse()},
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "view_person")
        q = request.query_params.get("q", "")
        page = self.paginate_queryset(queries.person_list(request.user, q=q))
        record_list(request.user, "registry.person", [p.pk for p in page or []], searched=bool(q))
        context = {
            **self.get_serializer_context(),
            "sensitive_ok": role_allows(request.user, "view_sensitive"),
        }
        data = PersonListSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @extend_schema(
        request=PersonSerializer,
        responses={201: PersonCreatedSerializer, 400: None, 403: None},
        description="Registers a person and answers with the record and the people possibly "
        "registered before (`possible_duplicates`, best first).",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "register_person")
        serializer = PersonSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        person = actions.register_person(acting_user=request.user, data=serializer.to_person_data())
        found = person.possible_duplicates  # type: ignore[attr-defined]
        person = queries.person_detail_unaudited(request.user, person.pk)
        body = dict(PersonSerializer(person, context=self.get_serializer_context()).data)
        body["possible_duplicates"] = describe_candidates(request.user, found)
        return Response(body, status=status.HTTP_201_CREATED)


class PersonDetail(GenericAPIView[Any]):
    """One person with aliases, documents, family links and active safeguards. PATCH must
    carry the `version` you read; a stale one is refused with 409 and the current record."""

    serializer_class = PersonSerializer

    @extend_schema(responses={200: PersonSerializer, 404: NOT_FOUND})
    def get(self, request: Request, person_id: str) -> Response:
        person = queries.person_detail(request.user, person_id)
        return Response(PersonSerializer(person, context=self.get_serializer_context()).data)

    @extend_schema(
        request=PersonSerializer,
        responses={200: PersonSerializer, 400: None, 404: NOT_FOUND, 409: PersonSerializer},
    )
    def patch(self, request: Request, person_id: str) -> Response:
        require_role(request.user, "change_person")
        current = queries.person_detail_unaudited(request.user, person_id)
        serializer = PersonSerializer(
            current, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        try:
            person = actions.update_person(
                acting_user=request.user,
                person_id=person_id,
                version=serializer.validated_data.get("version"),
                data=serializer.to_person_data(),
            )
        except Conflict as exc:
            fresh = queries.person_detail_unaudited(request.user, person_id)
            exc.current = PersonSerializer(fresh, context=self.get_serializer_context()).data
            raise
        person = queries.person_detail_unaudited(request.user, person.pk)
        return Response(PersonSerializer(person, context=self.get_serializer_context()).data)
