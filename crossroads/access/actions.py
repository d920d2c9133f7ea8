"""Access requests: an agency that found a likely earlier registration it may not see asks
the registering agency to open the record to it. Every step is audited; the answer
belongs to a supervisor of the registering agency."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, InvalidInput

from .gate import can, grant_access
from .models import AccessRequest, GrantReason
from .policy import Verb, parse_id, refuse, require, role_allows

# An unanswered request lapses: the asker must ask again, with a current reason.
REQUEST_LIFETIME = dt.timedelta(days=14)


def _expire_lapsed(queryset: QuerySet[AccessRequest]) -> None:
    queryset.filter(status=AccessRequest.Status.ASKED, expires_at__lt=timezone.now()).update(
        status=AccessRequest.Status.EXPIRED
    )


def access_requests_visible_to(user: User) -> QuerySet[AccessRequest]:
    """The user's agency's own requests, and for a supervisor those addressed to it."""
    require(user, Verb.REQUEST_ACCESS)
    mine = Q(from_agency_id=user.home_agency_id)
    if role_allows(user, Verb.ANSWER_ACCESS_REQUEST):
        mine |= Q(to_agency_id=user.home_agency_id)
    queryset = AccessRequest.objects.filter(mine, person__country_id=user.home_country_id)
    _expire_lapsed(queryset)
    return queryset.select_related(
        "from_agency", "to_agency", "requested_by", "answered_by", "person"
    ).order_by("-requested_at")


def request_access(*, acting_user: User, person_id: Any, reason: str) -> AccessRequest:
    """Asks the agency that registered the person. A person of another state, or one
    merged away, does not exist for the asker (404); one the asker already sees needs no
    request (409)."""
    from crossroads.registry.models import Person

    require(acting_user, Verb.REQUEST_ACCESS)
    if not (reason or "").strip():
        raise InvalidInput({"reason": [_("Say why your agency needs this record.")]})
    pk = parse_id(person_id)
    with transaction.atomic():
        person = (
            Person.objects.filter(
                pk=pk, country_id=acting_user.home_country_id, merged_into__isnull=True
            )
            .select_related("registering_agency")
            .first()
        )
        if person is None:
            refuse(acting_user, "registry.person", pk)
        if can(acting_user, Verb.VIEW_PERSON, person):
            raise Conflict(_("Your agency already has access to this record."))
        if AccessRequest.objects.filter(
            person=person,
            from_agency_id=acting_user.home_agency_id,
            status=AccessRequest.Status.ASKED,
            expires_at__gte=timezone.now(),
        ).exists():
            raise Conflict(_("Your agency has already asked for this record."))
        request = AccessRequest.objects.create(
            person=person,
            from_agency_id=acting_user.home_agency_id,
            to_agency_id=person.registering_agency_id,
            requested_by=acting_user,
            reason=reason.strip(),
            expires_at=timezone.now() + REQUEST_LIFETIME,
        )
        record(
            acting_user,
            AuditAction.CREATE,
            request,
            detail={"person": str(person.pk), "to_agency": str(request.to_agency_id)},
        )
    return request


def _request_to_answer(acting_user: User, request_id: Any) -> AccessRequest:
    require(acting_user, Verb.ANSWER_ACCESS_REQUEST)
    pk = parse_id(request_id)
    request = (
        AccessRequest.objects.select_for_update(of=("self",))
        .select_related("person", "from_agency", "to_agency", "requested_by")
        .filter(pk=pk, to_agency_id=acting_user.home_agency_id)
        .first()
    )
    if request is None:
        refuse(acting_user, "access.accessrequest", pk)
    if request.status != AccessRequest.Status.ASKED:
        raise Conflict(_("This request has already been answered or has expired."))
    return request


def grant_access_request(*, acting_user: User, request_id: Any) -> AccessRequest:
    """The registering agency's supervisor opens the record to the asking agency."""
    _expire_lapsed(AccessRequest.objects.filter(pk=parse_id(request_id)))
    with transaction.atomic():
        request = _request_to_answer(acting_user, request_id)
        grant_access(
            request.person, request.from_agency, GrantReason.REQUEST, granted_by=acting_user
        )
        request.status = AccessRequest.Status.GRANTED
        request.answered_by = acting_user
        request.answered_at = timezone.now()
        request.save()
        record(
            acting_user,
            AuditAction.UPDATE,
            request,
            detail={"status": "granted", "person": str(request.person_id)},
        )
    return request


def refuse_access_request(*, acting_user: User, request_id: Any, reason: str) -> AccessRequest:
    if not (reason or "").strip():
        raise InvalidInput({"reason": [_("Give the reason for refusing.")]})
    _expire_lapsed(AccessRequest.objects.filter(pk=parse_id(request_id)))
    with transaction.atomic():
        request = _request_to_answer(acting_user, request_id)
        request.status = AccessRequest.Status.REFUSED
        request.answered_by = acting_user
        request.answered_at = timezone.now()
        request.refuse_reason = reason.strip()
        request.save()
        record(
            acting_user,
            AuditAction.UPDATE,
            request,
            detail={"status": "refused", "person": str(request.person_id)},
        )
    return request
