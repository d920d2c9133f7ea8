"""The trail of one record, for supervisors of an agency that may see the person the
record is about."""

from __future__ import annotations

import uuid
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from crossroads.accounts.models import User
from crossroads.audit.models import AuditEvent
from crossroads.core.exceptions import InvalidInput, NotFound

from .gate import access_person_by_id, require_role

# Records about one person, each by the model's label and the field naming the person.
# A person's own trail takes in the trails of these; any of them has a trail of its own.
RECORDS_ABOUT_A_PERSON = (
    ("screening.Screening", "person_id"),
    ("screening.PersonSafeguard", "person_id"),
    ("referrals.Referral", "person_id"),
    ("referrals.Consent", "person_id"),
    ("cases.Case", "person_id"),
)


def _record_uuid(record_id: Any) -> uuid.UUID:
    if not record_id:
        raise InvalidInput({"record": [_("This field is required.")]})
    try:
        return uuid.UUID(str(record_id))
    except ValueError:
        raise InvalidInput({"record": [_("Give the id of a record (a UUID).")]}) from None


def _person_of(pk: uuid.UUID) -> tuple[Any, str]:
    """The person a record is about, and the record's type (`registry.person` for a
    person); NotFound when there is no such record."""
    Person = apps.get_model("registry", "Person")
    if Person.objects.filter(pk=pk).exists():
        return pk, "registry.person"
    for label, field in RECORDS_ABOUT_A_PERSON:
        model = apps.get_model(label)
        person_id = model.objects.filter(pk=pk).values_list(field, flat=True).first()
        if person_id is not None:
            return person_id, model._meta.label_lower
    raise NotFound()


def record_type(record_id: Any) -> str:
    return _person_of(_record_uuid(record_id))[1]


def trail_of_record(
    user: User, record_id: Any, *, person_only: bool = False
) -> QuerySet[AuditEvent]:
    """Who read, created, changed or exported the record, newest first. The trail of a
    person takes in their screenings, safeguards, referrals, consents and cases.

    Supervisors only (403 for any other role, before anything else); a record about a
    person the supervisor's agency may not see answers 404, like one that does not exist."""
    require_role(user, "view_audit")
    pk = _record_uuid(record_id)
    person_id, kind = _person_of(pk)
    if person_only and kind != "registry.person":
        raise NotFound()
    person = access_person_by_id(user, person_id, verb="view_audit", audit_read=False)
    ids = [str(pk)]
    if kind == "registry.person":
        for label, field in RECORDS_ABOUT_A_PERSON:
            rows = apps.get_model(label).objects.filter(**{field: person.pk})
            ids += [str(i) for i in rows.values_list("pk", flat=True)]
    return AuditEvent.objects.filter(object_id__in=ids).order_by("-at", "-id")


def trail_of_person(user: User, person_id: Any) -> QuerySet[AuditEvent]:
    """The page's trail of a person: the same trail as the API's, from a person's id."""
    try:
        return trail_of_record(user, person_id, person_only=True)
    except InvalidInput:
        raise NotFound() from None
