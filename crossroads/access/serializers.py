from __future__ import annotations

from typing import Any

from rest_framework import serializers

from .models import AccessRequest


class AccessRequestSerializer(serializers.ModelSerializer[AccessRequest]):
    """An access request. It names the person by id only: the asker may not see them."""

    person = serializers.UUIDField(source="person_id")
    reason = serializers.CharField(max_length=2000)
    from_agency = serializers.UUIDField(source="from_agency_id", read_only=True)
    from_agency_name = serializers.CharField(source="from_agency.name", read_only=True)
    to_agency = serializers.UUIDField(source="to_agency_id", read_only=True)
    to_agency_name = serializers.CharField(source="to_agency.name", read_only=True)
    requested_by = serializers.CharField(source="requested_by.username", read_only=True)
    answered_by = serializers.SerializerMethodField()

    class Meta:
        model = AccessRequest
        fields = [
            "id",
            "person",
            "reason",
            "status",
            "from_agency",
            "from_agency_name",
            "to_agency",
            "to_agency_name",
            "requested_by",
            "requested_at",
            "expires_at",
            "answered_by",
            "answered_at",
            "refuse_reason",
        ]
        read_only_fields = [
            "id",
            "status",
            "requested_at",
            "expires_at",
            "answered_at",
            "refuse_reason",
        ]

    def get_answered_by(self, obj: AccessRequest) -> str | None:
        return obj.answered_by.username if obj.answered_by_id and obj.answered_by else None


class RefuseSerializer(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=2000)
