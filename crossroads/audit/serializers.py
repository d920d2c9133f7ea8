from __future__ import annotations

from rest_framework import serializers

from .models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer[AuditEvent]):
    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "actor_username",
            "agency_id",
            "action",
            "object_type",
            "object_id",
            "ip",
            "channel",
            "detail",
        ]
