"""Reads of cases, each starting from the access gate, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from crossroads.registry.queries import household_of

from .access import access_case_by_id, case_roles, cases_visible_to
from .models import Approval, Case, Task
from .workflows import WORKFLOWS
from .workflows.base import Transition


def case_list(
    user: Any,
    *,
    type: str = "",
    state: str = "",
    person: str = "",
    assignee_me: bool = False,
) -> QuerySet[Case]:
    queryset = cases_visible_to(user).select_related("person", "agency", "assignee")
    if type:
        queryset = queryset.filter(type=type)
    if state:
        queryset = queryset.filter(state=state)
    if person:
        queryset = queryset.filter(person_id=person)
    if assignee_me:
        queryset = queryset.filter(assignee_id=user.pk)
    return queryset.order_by("-opened_at", "-id")


def case_detail(user: Any, case_id: Any, *, audited: bool = True) -> Case:
    case = access_case_by_id(user, case_id, audit_read=audited)
    return (
        Case.objects.filter(pk=case.pk)
        .select_related("person", "agency", "assignee", "opened_from", "opened_by")
        .prefetch_related(
            "history__by",
            "history__approved_by",
            "notes__by",
            "documents__uploaded_by",
            "services__by",
            Prefetch("tasks", queryset=Task.objects.select_related("created_by", "done_by")),
            Prefetch(
                "approvals",
                queryset=Approval.objects.select_related("requested_by", "decided_by"),
            ),
        )
        .get()
    )


def pending_approval(case: Case) -> Approval | None:
    return next((a for a in case.approvals.all() if a.status == Approval.Status.PENDING), None)


def allowed_transitions(user: Any, case: Case) -> list[Transition]:
    """The transitions this user may try now: the workflow's from this state, for the
    user's roles. Safeguards and the type's rules are checked when one is made."""
    roles = case_roles(user, case)
    pending = Approval.objects.filter(case=case, status=Approval.Status.PENDING).first()
    if pending is not None:
        # Only the supervisor's answer to the waiting decision (or the approval queue).
        waiting = WORKFLOWS[case.type].transition(pending.transition)
        return [waiting] if waiting is not None and "supervisor" in roles else []
    return [
        t
        for t in WORKFLOWS[case.type].transitions
        if t.allowed_from(case.state) and roles & t.roles
    ]


@dataclass
class QueueItem:
    case: Case
    due: dt.datetime | None
    overdue: bool
    what: str


def work_queue(user: Any) -> list[QueueItem]:
    """The open cases of the user's agency that are the user's (or nobody's), overdue
    first, then by the nearest deadline of the case or of an open task."""
    from django.db.models import Q

    cases = list(
        cases_visible_to(user)
        .filter(agency_id=user.agency_id)
        .exclude(state="closed")
        .filter(Q(assignee_id=user.pk) | Q(assignee__isnull=True))
        .select_related("person", "assignee")
        .prefetch_related(Prefetch("tasks", queryset=Task.objects.filter(done=False)))[:500]
    )
    now = timezone.now()
    items = []
    for case in cases:
        dues: list[tuple[dt.datetime, str]] = []
        if case.next_deadline:
            name = min(case.deadlines, key=lambda k: case.deadlines[k]) if case.deadlines else ""
            dues.append((case.next_deadline, name))
        for task in case.tasks.all():
            if task.due:
                at = dt.datetime.combine(task.due, dt.time(23, 59, 59), tzinfo=dt.UTC)
                dues.append((at, task.title))
        due, what = min(dues, key=lambda d: d[0]) if dues else (None, "")
        items.append(QueueItem(case, due, bool(due and due < now), what))
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    items.sort(key=lambda i: (not i.overdue, i.due or far, i.case.opened_at))
    return items


def approval_queue(user: Any) -> QuerySet[Approval]:
    return (
        Approval.objects.filter(
            status=Approval.Status.PENDING,
            case__in=cases_visible_to(user).filter(agency_id=user.agency_id).values("pk"),
        )
        .select_related("case", "case__person", "requested_by")
        .order_by("requested_at")
    )


def household_cases(user: Any, case: Case) -> list[Case]:
    members = household_of(user, case.person)
    return list(
        cases_visible_to(user)
        .filter(person__in=[m.pk for m in members])
        .select_related("person", "agency")
        .order_by("person_id", "-opened_at")
    )


def person_cases(user: Any, person: Any) -> list[Case]:
    return list(
        cases_visible_to(user)
        .filter(person=person)
        .select_related("agency", "assignee")
        .order_by("-opened_at")
    )


def timeline(case: Case) -> list[dict[str, Any]]:
    """Everything that happened to the case, in time order."""
    items: list[dict[str, Any]] = []
    for row in case.history.all():
        items.append({"kind": "transition", "at": row.at, "item": row})
    for note in case.notes.all():
        items.append({"kind": "note", "at": note.at, "item": note})
    for task in case.tasks.all():
        items.append({"kind": "task", "at": task.created_at, "item": task})
    for document in case.documents.all():
        items.append({"kind": "document", "at": document.uploaded_at, "item": document})
    for service in case.services.all():
        items.append({"kind": "service", "at": service.at, "item": service})
    for approval in case.approvals.all():
        items.append({"kind": "approval", "at": approval.requested_at, "item": approval})
    items.sort(key=lambda i: i["at"])
    return items
