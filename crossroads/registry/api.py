from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role, role_allows
from crossroads.access.policy import user_of
from crossroads.audit.writer import record_list
from crossroads.core.exceptions import Conflict, NotFound
from crossroads.identity.queries import describe_candidates
from crossroads.identity.serializers import PersonCreatedSerializer

from . import actions, queries
from .merged import kept_record_id
from .serializers import (
    PersonConflictSerializer,
    PersonListQuerySerializer,
    PersonListSerializer,
    PersonSerializer,
)

NOT_FOUND = OpenApiResponse(description="No such person, or not one you may see.")


class PersonListCreate(GenericAPIView[Any]):
    """The register: the people you may see, newest first. `?q=` searches their names and
    aliases in any script (Cyrillic, Latin, Perso-Arabic); other filters are named after
    the fields they filter. The list is audited, naming the people shown; sensitive fields
    are omitted for roles that may not see them."""

    serializer_class = PersonSerializer

    @extend_schema(
        parameters=[PersonListQuerySerializer],
        responses={
            200: PersonListSerializer(many=True),
            400: OpenApiResponse(description="A filter or `ordering` with a value it cannot take."),
            403: OpenApiResponse(description="Analysts and administrators see no individual."),
        },
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "view_person")
        params = PersonListQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        q = params.validated_data.get("q", "")
        people = queries.with_list_details(
            queries.person_list(
                user_of(request),
                q=q,
                filters=params.filters(),
                ordering=params.validated_data["ordering"],
            )
        )
        page = self.paginate_queryset(people)
        record_list(request.user, "registry.person", [p.pk for p in page or []], searched=bool(q))
        context = {
            **self.get_serializer_context(),
            "sensitive_ok": role_allows(request.user, "view_sensitive"),
        }
        data = PersonListSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @extend_schema(
        request=PersonSerializer,
        responses={
            201: PersonCreatedSerializer,
            403: OpenApiResponse(
                description="Only officers, caseworkers and supervisors register."
            ),
        },
        description="Registers a person in your agency's state and answers with the record "
        "and the people possibly registered before (`possible_duplicates`, best first). "
        "`name_script` is detected from the names when not given; `birth_date_precision` "
        "follows the date as written (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "register_person")
        serializer = PersonSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        person = actions.register_person(
            acting_user=user_of(request), data=serializer.to_person_data()
        )
        found = person.possible_duplicates  # type: ignore[attr-defined]
        person = queries.person_detail_unaudited(user_of(request), person.pk)
        body = dict(PersonSerializer(person, context=self.get_serializer_context()).data)
        body["possible_duplicates"] = describe_candidates(user_of(request), found)
        return Response(body, status=status.HTTP_201_CREATED)


class PersonDetail(GenericAPIView[Any]):
    """One person with aliases, documents, family links and active safeguards; the read is
    audited. Sensitive fields (ethnicity, religion) are omitted for roles that may not see
    them."""

    serializer_class = PersonSerializer

    @extend_schema(
        responses={
            200: PersonSerializer,
            403: OpenApiResponse(description="Analysts and administrators see no individual."),
            307: OpenApiResponse(
                description="The record was merged into another: `Location` names the kept "
                "record (`merged_into`), which the caller may see."
            ),
            404: NOT_FOUND,
        }
    )
    def get(self, request: Request, person_id: str) -> Response:
        try:
            person = queries.person_detail(user_of(request), person_id)
        except NotFound:
            # A record merged into another: its address leads to the kept record.
            kept = kept_record_id(user_of(request), person_id)
            if kept is None:
                raise
            location = reverse("api-person", args=[kept])
            return Response(
                {"detail": _("This record was merged into another."), "merged_into": str(kept)},
                status=status.HTTP_307_TEMPORARY_REDIRECT,
                headers={"Location": location},
            )
        return Response(PersonSerializer(person, context=self.get_serializer_context()).data)

    @extend_schema(
        request=PersonSerializer,
        responses={
            200: PersonSerializer,
            400: OpenApiResponse(description="Field errors; `version` missing is one."),
            403: OpenApiResponse(description="Only officers, caseworkers and supervisors change."),
            404: NOT_FOUND,
            409: OpenApiResponse(
                PersonConflictSerializer,
                description="A stale `version`: nothing saved; `current` is the record as it is.",
            ),
        },
        description="Changes the fields given, carrying the `version` you read: a stale one "
        "is refused with 409 and the current record, never overwritten. Lists given "
        "(`aliases`, `documents`, `family_links`) replace the person's; lists left out are "
        "kept.",
    )
    def patch(self, request: Request, person_id: str) -> Response:
        require_role(request.user, "change_person")
        current = queries.person_detail_unaudited(user_of(request), person_id)
        serializer = PersonSerializer(
            current, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        try:
            person = actions.update_person(
                acting_user=user_of(request),
                person_id=person_id,
                version=serializer.validated_data.get("version"),
                data=serializer.to_person_data(),
            )
        except Conflict as exc:
            # The caller is shown the record as it is now: a read, audited as one.
            fresh = queries.person_detail(user_of(request), person_id)
            exc.current = PersonSerializer(fresh, context=self.get_serializer_context()).data
            raise
        person = queries.person_detail_unaudited(user_of(request), person.pk)
        return Response(PersonSerializer(person, context=self.get_serializer_context()).data)
