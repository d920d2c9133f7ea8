"""The trail of one record, for supervisors of an agency that may see the record."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from crossroads.access.gate import access_person_by_id

from .models import AuditEvent


def trail_of_person(user: Any, person_id: Any) -> QuerySet[AuditEvent]:
    person = access_person_by_id(user, person_id, verb="view_audit", audit_read=False)
    return AuditEvent.objects.filter(object_id=str(person.pk)).select_related("actor")
