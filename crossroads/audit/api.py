from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.core.exceptions import InvalidInput

from .models import AuditAction
from .queries import trail_of_person
from .serializers import AuditEventSerializer
from .writer import record


class AuditTrail(GenericAPIView[Any]):
    """The trail of one record (`?record=<person id>`), for supervisors of an agency that
    may see it. Reading the trail is itself audited."""

    serializer_class = AuditEventSerializer

    @extend_schema(
        parameters=[OpenApiParameter("record", str, required=True)],
        responses={200: AuditEventSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        record_id = request.query_params.get("record", "")
        if not record_id:
            raise InvalidInput({"record": [_("This field is required.")]})
        events = trail_of_person(request.user, record_id)
        page = self.paginate_queryset(events)
        record(
            request.user,
            AuditAction.READ,
            object_type="registry.person",
            object_id=record_id,
            detail={"view": "audit_trail"},
        )
        return self.get_paginated_response(AuditEventSerializer(page, many=True).data)
