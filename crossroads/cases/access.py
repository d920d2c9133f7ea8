"""Who may see and work on which case. Built on the one access gate: a case is seen by
the people of the agency that owns it, and only while the gate lets that agency see the
person (opening and transfer grant it). An agency that also sees the person (the border
service that registered them, an NGO that received another referral) does not read the
case: its decisions, reasons and documents go to those who work on it, and to a non-state
partner only with the consent or lawful basis that a transfer checks (screening.md
section 6). For them, a case of another agency answers 404, like one that does not
exist. Work on it belongs to the caseworkers and supervisors of the owning agency."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet

from crossroads.access.gate import persons_visible_to, role_allows
from crossroads.accounts.vocab import Role
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import NotFound

from .models import Case
from .workflows.base import CASEWORKER, SUPERVISOR


def visible_cases_q(user: Any) -> Q:
    if not role_allows(user, "view_person") or not user.agency_id:
        return Q(pk__in=[])
    return Q(agency_id=user.agency_id, person__in=persons_visible_to(user).values("pk"))


def cases_visible_to(user: Any) -> QuerySet[Case]:
    return Case.objects.filter(visible_cases_q(user))


def case_roles(user: Any, case: Case) -> set[str]:
    """The workflow roles `user` holds on `case`: a partner of a non-state agency is the
    caseworker of its own agency's cases; a supervisor may also do a caseworker's step."""
    if not getattr(user, "is_authenticated", False) or user.agency_id != case.agency_id:
        return set()
    roles: set[str] = set()
    if user.has_role(Role.CASEWORKER, Role.PARTNER):
        roles.add(CASEWORKER)
    if user.has_role(Role.SUPERVISOR):
        roles.update({CASEWORKER, SUPERVISOR})
    return roles


def may_work_on_cases(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.agency_id
        and user.has_role(Role.CASEWORKER, Role.SUPERVISOR, Role.PARTNER)
        and role_allows(user, "view_person")
    )


def access_case_by_id(
    user: Any, case_id: Any, *, for_update: bool = False, audit_read: bool = True, view: str = ""
) -> Case:
    """Loads and authorises in one step; "not yours" is the same 404 as "no such case"."""
    try:
        pk = uuid.UUID(str(case_id))
    except ValueError:
        raise NotFound() from None
    queryset = cases_visible_to(user).select_related("person", "agency", "assignee")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    case = queryset.filter(pk=pk).first()
    if case is None:
        record(user, AuditAction.DENIED, object_type="cases.case", object_id=str(pk))
        raise NotFound()
    if audit_read:
        detail = {"person": str(case.person_id)}
        if view:
            detail["view"] = view
        record(user, AuditAction.READ, case, detail=detail)
    return case
