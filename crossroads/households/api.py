from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of
from crossroads.identity.queries import describe_candidates
from crossroads.registry import queries as registry_queries
from crossroads.registry.serializers import PersonSerializer

from . import actions
from .serializers import HouseholdCreatedSerializer, HouseholdSerializer


class HouseholdCreate(GenericAPIView[Any]):
    serializer_class = HouseholdSerializer

    @extend_schema(
        request=HouseholdSerializer,
        responses={
            201: HouseholdCreatedSerializer,
            400: OpenApiResponse(
                description="Field errors per member (`members[i].field`), or a household "
                "without exactly one `head`, or more than 16 people: nothing is saved."
            ),
            403: OpenApiResponse(
                description="Only officers, caseworkers and supervisors register."
            ),
        },
        description="Registers a household in one go: the person in charge (`relationship` "
        "`head`) and up to 15 members, each with the person fields of `persons/` and, where "
        "the birth date is not known, `age`. The family links to the person in charge (and "
        "between children, and between siblings) and the household are made in the same "
        "transaction: all or nothing. Answers every person created with its "
        "`relationship` and `possible_duplicates`.",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "register_person")
        serializer = HouseholdSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        household = actions.register_household(
            acting_user=user_of(request), members=serializer.to_members()
        )
        relationships = dict(household.members.values_list("person_id", "relationship"))
        members = []
        for person in household.people:  # type: ignore[attr-defined]
            found = person.possible_duplicates
            detail = registry_queries.person_detail_unaudited(user_of(request), person.pk)
            body = dict(PersonSerializer(detail, context=self.get_serializer_context()).data)
            body["relationship"] = relationships[person.pk]
            body["possible_duplicates"] = describe_candidates(user_of(request), found)
            members.append(body)
        return Response({"id": str(household.pk), "members": members}, status.HTTP_201_CREATED)
