from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.policy import user_of
from crossroads.registry.queries import person_detail_unaudited
from crossroads.registry.serializers import PersonSerializer

from .exports import export_person


class PersonExport(GenericAPIView[Any]):
    """The full record of a person, for a named recipient agency of the same state.
    Audited as an export; refused (409, naming the safeguard) while non-refoulement stands
    if the recipient represents the person's country of origin, and refused for a non-state
    recipient without consent."""

    serializer_class = PersonSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "recipient", str, required=True, description="The receiving agency's id"
            )
        ],
        responses={
            200: PersonSerializer,
            400: OpenApiResponse(description="`recipient` missing or not an agency of the state."),
            403: OpenApiResponse(description="Only officers, caseworkers and supervisors export."),
            404: OpenApiResponse(description="No such person, or not one you may see."),
            409: OpenApiResponse(
                description="Refused: a safeguard, or no consent, with the reason."
            ),
        },
    )
    def get(self, request: Request, person_id: str) -> Response:
        person, _recipient, sensitive = export_person(
            acting_user=user_of(request),
            person_id=person_id,
            recipient_id=request.query_params.get("recipient"),
        )
        context = {**self.get_serializer_context(), "sensitive_ok": sensitive}
        data = PersonSerializer(
            person_detail_unaudited(user_of(request), person.pk), context=context
        ).data
        return Response(data)
