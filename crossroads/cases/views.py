"""Pages of case work: the work queue, the case page, the approval queue, opening a case
and the household view. Thin: every write is an action, every read a query."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crossroads.access.gate import access_person_by_id
from crossroads.access.policy import (
    Verb,
    case_roles,
    decides_for_agency,
    id_or_none,
    may_open_case_for_agency_kind,
    user_of,
)
from crossroads.access.views import requires
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, InvalidInput, NotFound
from crossroads.referrals.queries import referrals_visible_to

from . import actions, display, queries
from .diagram import everywhere_transitions, state_diagram
from .rules import agency_kinds_for, type_for_pathway
from .workflows import CASE_TYPE_CHOICES, WORKFLOWS
from .workflows.base import DURABLE_SOLUTIONS, SOLUTION_STATUSES


def _report(request: HttpRequest, exc: Exception) -> None:
    if isinstance(exc, InvalidInput):
        for field, errors in exc.errors.items():
            for error in errors:
                if field == "non_field_errors":
                    messages.error(request, error)
                else:
                    messages.error(
                        request, _("%(field)s: %(error)s") % {"field": field, "error": error}
                    )
    elif isinstance(exc, Conflict):
        messages.error(request, exc.message)


@login_required
@requires(Verb.WORK_ON_CASES)
def work_queue(request: HttpRequest) -> HttpResponse:
    """The caseworker's queue: overdue first, then by the nearest deadline."""
    items = queries.work_queue(user_of(request))
    record(
        request.user,
        AuditAction.LIST,
        object_type="cases.case",
        detail={"ids": [str(i.case.pk) for i in items], "count": len(items)},
    )
    waiting = queries.referrals_waiting_for_a_case(user_of(request))
    if waiting:
        record(
            request.user,
            AuditAction.LIST,
            object_type="referrals.referral",
            detail={"ids": [str(r.pk) for r in waiting], "count": len(waiting)},
        )
    return render(
        request,
        "cases/work_queue.html",
        {"items": items, "waiting_referrals": waiting},
    )


def _transition_forms(request: HttpRequest, case: Any) -> list[dict[str, Any]]:
    """The next steps as forms: those allowed now, and those refused now with the reason
    (a safeguard, a rule of the type), so the caseworker sees why a step is not there."""
    forms = []
    for option in queries.transition_options(user_of(request), case):
        fields = [
            {"field": f, "options": option.field_choices.get(f.name, list(f.choices))}
            for f in option.transition.fields
        ]
        forms.append(
            {
                "t": option.transition,
                "fields": fields,
                "allowed": option.allowed,
                "reason": option.reason,
                "waits": option.waits_for_approval,
            }
        )
    return forms


@login_required
@requires(Verb.WORK_ON_CASES)
def case_detail(request: HttpRequest, case_id: str) -> HttpResponse:
    case = queries.case_detail(user_of(request), case_id)
    workflow = WORKFLOWS[case.type]
    roles = case_roles(user_of(request), case)
    forms = _transition_forms(request, case)
    context = {
        "case": case,
        "workflow": workflow,
        "diagram": state_diagram(workflow, case.state),
        "everywhere": everywhere_transitions(workflow),
        "timeline": queries.timeline(case),
        "forms": [f for f in forms if f["allowed"]],
        "blocked": [f for f in forms if not f["allowed"]],
        "pending": queries.pending_approval(case),
        "can_work": bool(roles),
        "is_supervisor": decides_for_agency(user_of(request), case),
        "protection": workflow.protection,
        "solutions": DURABLE_SOLUTIONS,
        "solution_statuses": SOLUTION_STATUSES,
        "deadlines": display.deadlines(case),
        "missed_deadlines": display.missed_deadlines(case),
        "open_tasks": [t for t in case.tasks.all() if not t.done],
        "today": dt.date.today(),
    }
    return render(request, "cases/case_detail.html", context)


@login_required
@requires(Verb.WORK_ON_CASES)
@require_POST
def case_transition(request: HttpRequest, case_id: str, name: str) -> HttpResponse:
    data = {key: request.POST.get(key) for key in request.POST if key != "csrfmiddlewaretoken"}
    version = data.pop("version", None)
    try:
        case = actions.transition_case(
            acting_user=user_of(request), case_id=case_id, name=name, version=version, data=data
        )
    except (InvalidInput, Conflict) as exc:
        _report(request, exc)
    else:
        if case.agency_id != getattr(request.user, "agency_id", None):
            messages.success(
                request,
                _("Case %(ref)s transferred to %(agency)s.")
                % {"ref": case.reference, "agency": case.agency.name},
            )
            return redirect("cases:work_queue")
        if case.approvals.filter(status="pending").exists():
            messages.success(request, _("Sent to a supervisor for approval."))
        else:
            messages.success(
                request, _("Done: the case is now %(state)s.") % {"state": case.state_label}
            )
    return redirect("cases:case_detail", case_id=case_id)


@login_required
@requires(Verb.WORK_ON_CASES)
@require_POST
def case_edit(request: HttpRequest, case_id: str) -> HttpResponse:
    """Summary, case plan and the durable solution, with the version read."""
    post = request.POST
    try:
        actions.update_case(
            acting_user=user_of(request),
            case_id=case_id,
            version=post.get("version"),
            summary=post.get("summary"),
            plan=post.get("plan"),
            durable_solution=post.get("durable_solution") or None,
            durable_solution_status=post.get("durable_solution_status") or None,
        )
    except (InvalidInput, Conflict) as exc:
        _report(request, exc)
    else:
        messages.success(request, _("Saved."))
    return redirect("cases:case_detail", case_id=case_id)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise InvalidInput({"date": [_("Enter a date as YYYY-MM-DD.")]}) from None


@login_required
@requires(Verb.WORK_ON_CASES)
@require_POST
def case_add(request: HttpRequest, case_id: str, what: str) -> HttpResponse:
    """Adds a task, a note, a document or a service delivered."""
    post = request.POST
    try:
        if what == "task":
            actions.add_task(
                acting_user=user_of(request),
                case_id=case_id,
                title=post.get("title", ""),
                due=_date(post.get("due")),
            )
        elif what == "note":
            actions.add_note(
                acting_user=user_of(request), case_id=case_id, text=post.get("text", "")
            )
        elif what == "document":
            actions.upload_document(
                acting_user=user_of(request),
                case_id=case_id,
                title=post.get("title", ""),
                uploaded=request.FILES.get("file"),
            )
        elif what == "service":
            delivered_on = _date(post.get("delivered_on"))
            if delivered_on is None:
                raise InvalidInput({"delivered_on": [_("This field is required.")]})
            actions.record_service(
                acting_user=user_of(request),
                case_id=case_id,
                service=post.get("service", ""),
                provider=post.get("provider", ""),
                delivered_on=delivered_on,
            )
        else:
            raise NotFound()
    except (InvalidInput, Conflict) as exc:
        _report(request, exc)
    else:
        messages.success(request, _("Saved."))
    return redirect("cases:case_detail", case_id=case_id)


@login_required
@requires(Verb.WORK_ON_CASES)
@require_POST
def task_done(request: HttpRequest, task_id: str) -> HttpResponse:
    task = actions.complete_task(acting_user=user_of(request), task_id=task_id)
    return redirect("cases:case_detail", case_id=task.case_id)


@login_required
@requires(Verb.WORK_ON_CASES)
def document_download(
    request: HttpRequest, case_id: str, document_id: str
) -> HttpResponse | FileResponse:
    return queries.case_document_download(user_of(request), case_id, document_id)


@login_required
@requires(Verb.WORK_ON_CASES)
def approval_queue(request: HttpRequest) -> HttpResponse:
    approvals = list(queries.approval_queue(user_of(request)))
    return render(request, "cases/approval_queue.html", {"approvals": approvals})


@login_required
@requires(Verb.WORK_ON_CASES)
@require_POST
def approval_answer(request: HttpRequest, approval_id: str) -> HttpResponse:
    try:
        if request.POST.get("answer") == "approve":
            case = actions.approve(acting_user=user_of(request), approval_id=approval_id)
            messages.success(
                request,
                _("Approved: %(ref)s is now %(state)s.")
                % {"ref": case.reference, "state": case.state_label},
            )
        else:
            case = actions.send_back(
                acting_user=user_of(request),
                approval_id=approval_id,
                reasons=request.POST.get("reasons", ""),
            )
            messages.success(request, _("Sent back to the caseworker."))
    except (InvalidInput, Conflict) as exc:
        _report(request, exc)
    return redirect("cases:approval_queue")


@login_required
@requires(Verb.WORK_ON_CASES)
def case_open(request: HttpRequest) -> HttpResponse:
    """Opens a case from an accepted referral (`?referral=`) or for a person (`?person=`)."""
    referral = None
    person = None
    referral_id = request.GET.get("referral") or request.POST.get("referral")
    person_id = request.GET.get("person") or request.POST.get("person")
    if referral_id:
        referral = (
            referrals_visible_to(user_of(request))
            .filter(
                pk=id_or_none(referral_id), to_agency_id=getattr(request.user, "agency_id", None)
            )
            .select_related("person")
            .first()
        )
        if referral is None:
            raise NotFound()
        person = referral.person
    elif person_id:
        person = access_person_by_id(user_of(request), person_id, audit_read=False)
    if request.method == "POST":
        try:
            case = actions.open_case(
                acting_user=user_of(request),
                person_id=person.pk if person else None,
                type=request.POST.get("type") or None,
                referral_id=referral.pk if referral else None,
                summary=request.POST.get("summary", ""),
            )
        except (InvalidInput, Conflict) as exc:
            _report(request, exc)
        else:
            messages.success(request, _("Case %(ref)s opened.") % {"ref": case.reference})
            return redirect("cases:case_detail", case_id=case.pk)
    suggested = type_for_pathway(referral.pathway) if referral else ""
    if referral is not None:
        # A referral opens the case of its pathway, nothing else.
        types = [(code, label) for code, label in CASE_TYPE_CHOICES if code == suggested]
    elif person is not None:
        types = [
            (code, label)
            for code, label in CASE_TYPE_CHOICES
            if may_open_case_for_agency_kind(
                user_of(request), agency_kinds_for(code, person.country_id)
            )
        ]
    else:
        types = list(CASE_TYPE_CHOICES)
    return render(
        request,
        "cases/case_open.html",
        {"referral": referral, "person": person, "types": types, "suggested": suggested},
    )


@login_required
@requires(Verb.WORK_ON_CASES)
def household(request: HttpRequest, case_id: str) -> HttpResponse:
    """The cases of everyone in the person's household, together."""
    case = queries.case_detail(user_of(request), case_id, audited=False)
    cases = queries.household_cases(user_of(request), case)
    record(
        request.user,
        AuditAction.LIST,
        object_type="cases.case",
        detail={"ids": [str(c.pk) for c in cases], "count": len(cases), "view": "household"},
    )
    return render(request, "cases/household.html", {"case": case, "cases": cases})
