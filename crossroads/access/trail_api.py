from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record

from .policy import user_of
from .trail import record_type, trail_of_record
from .trail_serializers import AuditEventSerializer


class AuditTrail(GenericAPIView[Any]):
    """The trail of one record (`?record=<id>`: a person, screening, safeguard, referral,
    consent or case), newest first: who read, created, changed or exported it, when and
    from where. A person's trail takes in the records about them. Supervisors only, of an
    agency that may see the person; reading the trail is itself audited."""

    serializer_class = AuditEventSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "record", OpenApiTypes.UUID, required=True, description="The record's id"
            )
        ],
        responses={
            200: AuditEventSerializer(many=True),
            400: OpenApiResponse(description="`record` missing, or not a UUID."),
            403: OpenApiResponse(description="Only supervisors read the audit trail."),
            404: OpenApiResponse(description="No such record, or not one you may see."),
        },
    )
    def get(self, request: Request) -> Response:
        record_id = request.query_params.get("record", "")
        events = trail_of_record(user_of(request), record_id)
        page = self.paginate_queryset(events)
        record(
            request.user,
            AuditAction.READ,
            object_type=record_type(record_id),
            object_id=record_id,
            detail={"view": "audit_trail"},
        )
        return self.get_paginated_response(AuditEventSerializer(page, many=True).data)
