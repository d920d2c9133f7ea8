"""Reads of cases, each starting from the access gate, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse
from django.utils import timezone

from crossroads.access.loaders import access_case_by_id, cases_visible_to
from crossroads.access.policy import (
    Verb,
    decides_for_agency,
    may_take_step,
    role_allows,
    sees_whole_work_queue,
)
from crossroads.accounts.models import User
from crossroads.core.exceptions import Conflict, NotFound
from crossroads.registry.queries import household_of

from .models import Approval, Case, Task
from .rules import caseworkers_of, check_preconditions, transfer_agencies, type_for_pathway
from .workflows import WORKFLOWS
from .workflows.base import Transition


def case_list(
    user: User,
    *,
    type: str = "",
    state: str = "",
    person: str = "",
    assignee_me: bool = False,
    assignee: str = "",
) -> QuerySet[Case]:
    """The cases the user may see, filtered by the fields given; `assignee` is a username
    (the field as the API shows it), `assignee_me` the user's own."""
    queryset = cases_visible_to(user).select_related("person", "agency", "assignee")
    if type:
        queryset = queryset.filter(type=type)
    if state:
        queryset = queryset.filter(state=state)
    if person:
        queryset = queryset.filter(person_id=person)
    if assignee_me:
        queryset = queryset.filter(assignee_id=user.pk)
    if assignee:
        queryset = queryset.filter(assignee__username=assignee)
    return queryset.order_by("-opened_at", "-id")


def case_detail(user: User, case_id: Any, *, audited: bool = True, view: str = "") -> Case:
    """One case with all it shows; the read leaves one audit row (naming the part read:
    history, tasks, documents…) unless the caller has just written it."""
    case = access_case_by_id(user, case_id, audit_read=audited, view=view)
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


def case_document_download(user: User, case_id: Any, document_id: Any) -> FileResponse:
    """One document of a case the user may read, as a download; the read is audited. The
    one way to a document, for the pages and the API alike."""
    from crossroads.access.policy import id_or_none
    from crossroads.audit.models import AuditAction
    from crossroads.audit.writer import record

    case = case_detail(user, case_id, audited=False)
    document = case.documents.filter(pk=id_or_none(document_id)).first()
    if document is None:
        raise NotFound()
    record(user, AuditAction.READ, document, detail={"case": str(case.pk)})
    extension = (document.file.name or "").rsplit(".", 1)[-1]
    return FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=True,
        filename=f"{case.reference}-{str(document.pk)[:8]}.{extension}",
    )


def pending_approval(case: Case) -> Approval | None:
    return next((a for a in case.approvals.all() if a.status == Approval.Status.PENDING), None)


@dataclass
class TransitionOption:
    """A step of the case's table from its state, for this user: allowed now, or refused
    now with the reason (a safeguard, a rule of the type) that making it would give."""

    transition: Transition
    allowed: bool
    reason: str
    waits_for_approval: bool
    field_choices: dict[str, list[tuple[str, str]]]

    def describe(self) -> dict[str, Any]:
        item = self.transition.describe(self.field_choices)
        item["waits_for_approval"] = self.waits_for_approval
        return item


def _field_choices(case: Case, t: Transition) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for f in t.fields:
        if f.kind == "agency":
            out[f.name] = [(str(a.pk), a.name) for a in transfer_agencies(case)]
        elif f.kind == "user":
            out[f.name] = [
                (u.username, u.get_full_name() or u.username)
                for u in caseworkers_of(case.agency_id)
            ]
    return out


def transition_options(user: User, case: Case) -> list[TransitionOption]:
    """The steps of the table from the case's state that the user's roles may make, each
    checked now against the safeguards and the type's rules by the very functions the
    transition action calls (`rules.check_preconditions`): a listed step is refused only
    for its data or a change made meanwhile."""
    decides = decides_for_agency(user, case)
    workflow = WORKFLOWS[case.type]
    pending = Approval.objects.filter(case=case, status=Approval.Status.PENDING).first()
    if pending is not None:
        # While a decision waits, only the supervisor's answer to it (or the queue).
        waiting = workflow.transition(pending.transition)
        candidates = [waiting] if waiting is not None and decides else []
    else:
        candidates = [t for t in workflow.transitions if t.allowed_from(case.state)]
    options = []
    for t in candidates:
        if not may_take_step(user, case, t.roles):
            continue
        try:
            check_preconditions(case, t)
        except Conflict as refusal:
            allowed, reason = False, refusal.message
        else:
            allowed, reason = True, ""
        options.append(
            TransitionOption(
                transition=t,
                allowed=allowed,
                reason=reason,
                waits_for_approval=t.approval and not decides,
                field_choices=_field_choices(case, t),
            )
        )
    return options


def allowed_transitions(user: User, case: Case) -> list[TransitionOption]:
    """The steps this user may make now, with what each requires."""
    return [o for o in transition_options(user, case) if o.allowed]


@dataclass
class QueueItem:
    case: Case
    due: dt.datetime | None
    overdue: bool
    what: str


def work_queue(user: User) -> list[QueueItem]:
    """The open cases of the user's agency that are the user's (or nobody's; a
    supervisor, who watches deadlines, sees all of them), overdue first, then by the
    nearest deadline of the case or of an open task."""
    from django.db.models import Q

    queryset = cases_visible_to(user).filter(agency_id=user.home_agency_id).exclude(state="closed")
    if not sees_whole_work_queue(user):
        queryset = queryset.filter(Q(assignee_id=user.pk) | Q(assignee__isnull=True))
    cases = list(
        queryset.select_related("person", "assignee").prefetch_related(
            Prefetch("tasks", queryset=Task.objects.filter(done=False))
        )[:500]
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


def referrals_waiting_for_a_case(user: User) -> list[Any]:
    """Referrals accepted by the user's agency whose pathway opens a case and from which
    no case was opened yet: the door to the work queue."""
    from crossroads.referrals.queries import referral_inbox

    if not role_allows(user, Verb.WORK_ON_CASES):
        return []
    accepted = referral_inbox(user, status="accepted").filter(cases__isnull=True)
    return [r for r in accepted[:200] if type_for_pathway(r.pathway)]


def approval_queue(user: User) -> QuerySet[Approval]:
    return (
        Approval.objects.filter(
            status=Approval.Status.PENDING,
            case__in=cases_visible_to(user).filter(agency_id=user.home_agency_id).values("pk"),
        )
        .select_related("case", "case__person", "requested_by")
        .order_by("requested_at")
    )


def household_cases(user: User, case: Case) -> list[Case]:
    members = household_of(user, case.person)
    return list(
        cases_visible_to(user)
        .filter(person__in=[m.pk for m in members])
        .select_related("person", "agency")
        .order_by("person_id", "-opened_at")
    )


def person_cases(user: User, person: Any) -> list[Case]:
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
