from __future__ import annotations

from rest_framework import serializers

from crossroads.audit.models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer[AuditEvent]):
    """One row of the trail. Rows name records by id and hold no personal data; a list or
    search row names the ids it showed (`detail.ids`)."""

    class Meta:
        model = AuditEvent
        fields = [
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
