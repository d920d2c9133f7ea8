"""Every change to a case, one function per thing a user does. Each takes the acting
user first, loads the case through the access gate, runs in one transaction and writes
its audit row there. `transition_case` is the one action that moves a case: it checks
the workflow table, the role, the safeguards, the required data and the version."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from crossroads.access.gate import access_person_by_id, grant_access
from crossroads.access.loaders import access_approval_by_id, access_case_by_id
from crossroads.access.models import GrantReason
from crossroads.access.policy import (
    WORKFLOW_CASEWORKER,
    WORKFLOW_SUPERVISOR,
    Verb,
    decides_for_agency,
    id_or_none,
    may_open_case_for_agency_kind,
    require,
    require_step_role,
    takes_case_on_opening,
)
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, Forbidden, InvalidInput, NotFound
from crossroads.core.models import next_reference
from crossroads.engines.screening import GuardedAction, Safeguard
from crossroads.referrals.models import Referral
from crossroads.screening.actions import place_safeguard
from crossroads.screening.safeguards import refuse_if_blocked

from .models import Approval, Case, CaseDocument, CaseTransition, Note, ServiceDelivered, Task
from .rules import (
    DEFAULT_APPEAL_DAYS,
    DEFAULT_REFLECTION_DAYS,
    DIRECT_CHILD_PRIORITY,
    agency_kinds_for,
    asylum_variant,
    check_data,
    check_safeguards,
    check_type_rules,
    pack_for,
    parse_due,
    today,
    type_for_pathway,
)
from .vocab import CaseType
from .workflows import PROTECTION_TYPES, WORKFLOWS, workflow_for
from .workflows.base import (
    CLOSED,
    DURABLE_SOLUTIONS,
    OPEN,
    SOLUTION_STATUSES,
    Transition,
    clean_data,
)

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DECISIONS = frozenset({"decide", "decide_appeal", "determine_best_interests"})


class DocumentTooLarge(InvalidInput):
    """An upload over the limit (413 in the API)."""


def _require_case_worker(user: User) -> None:
    require(user, Verb.WORK_ON_CASES)


def _check_version(case: Case, version: Any) -> None:
    """cases.md rule 5: a stale version is refused, never silently overwritten."""
    if version is None or version == "":
        raise InvalidInput({"version": [_("This field is required.")]})
    # Read as the API reads every other integer: `1.5`, `true` or a number too large
    # for any version (`1e999`) is a field error, never truncated nor a server error.
    try:
        number = serializers.IntegerField().to_internal_value(version)
    except serializers.ValidationError:
        raise InvalidInput({"version": [_("A valid integer is required.")]}) from None
    if number != case.version:
        raise Conflict(
            _(
                "This case was changed by someone else since you read it (version %(yours)s, "
                "now %(current)s). Reload it, then make your change again."
            )
            % {"yours": number, "current": case.version}
        )


def _save(case: Case) -> None:
    dues = [parse_due(v) for v in case.deadlines.values() if isinstance(v, str)]
    case.next_deadline = min(dues) if dues and not case.is_closed else None
    case.version += 1
    case.save()


# --- opening --------------------------------------------------------------------------


def open_case(
    *,
    acting_user: User,
    person_id: Any = None,
    type: str | None = None,
    referral_id: Any = None,
    summary: str = "",
) -> Case:
    """Opens a case from an accepted referral to the user's agency, or directly by a
    caseworker of an agency whose kind handles the type. A return case is refused while
    a safeguard blocks return (cases.md rule 1)."""
    _require_case_worker(acting_user)
    if type is not None and type not in WORKFLOWS:
        raise InvalidInput({"type": [_("Unknown case type.")]})
    with transaction.atomic():
        referral = None
        if referral_id:
            referral = (
                Referral.objects.select_for_update()
                .filter(pk=id_or_none(referral_id))
                .select_related("to_agency")
                .first()
            )
            if referral is None or referral.to_agency_id != acting_user.agency_id:
                raise NotFound()
            if referral.status != Referral.Status.ACCEPTED:
                raise Conflict(_("Accept the referral before opening a case from it."))
            pathway_type = type_for_pathway(referral.pathway)
            if pathway_type is None:
                raise InvalidInput({"referral": [_("This referral's pathway opens no case.")]})
            if type is None:
                type = pathway_type
            if type != pathway_type:
                raise InvalidInput({"type": [_("This referral opens a case of another type.")]})
            if person_id and str(person_id) != str(referral.person_id):
                raise InvalidInput({"person": [_("The referral is about another person.")]})
            person_id = referral.person_id
            existing = Case.objects.filter(opened_from=referral).first()
            if existing is not None:
                raise Conflict(
                    _("A case was opened from this referral already: %(ref)s.")
                    % {"ref": existing.reference}
                )
        if type is None:
            raise InvalidInput({"type": [_("This field is required.")]})
        if not person_id:
            raise InvalidInput({"person": [_("This field is required.")]})
        person = access_person_by_id(
            acting_user, person_id, verb="view_person", for_update=True, audit_read=False
        )
        if type == CaseType.RETURN:
            # cases.md rule 1 (always): the refusal names the safeguard, whoever asks; so
            # it comes before the question whether the user's agency runs return cases.
            refuse_if_blocked(person, GuardedAction.OPEN_RETURN_CASE)
        if referral is None and not may_open_case_for_agency_kind(
            acting_user, agency_kinds_for(type, person.country_id)
        ):
            raise Forbidden(_("Your agency does not handle this type of case."))
        deadlines: dict[str, str] = {}
        variant = ""
        if type == CaseType.ASYLUM:
            variant = asylum_variant(person.country_id, acting_user.home_agency)
        if type == CaseType.CHILD_PROTECTION:
            pack = pack_for(person.country_id)
            priority = referral.priority if referral else DIRECT_CHILD_PRIORITY
            hours = int(pack.deadlines.get(priority, 24)) if pack else 24  # type: ignore[call-overload]
            deadlines["best_interests_assessment"] = (
                timezone.now() + dt.timedelta(hours=hours)
            ).isoformat()
        case = Case(
            reference=next_reference(person.country_id),
            type=type,
            variant=variant,
            person=person,
            agency=acting_user.agency,
            assignee=acting_user if takes_case_on_opening(acting_user) else None,
            opened_by=acting_user,
            opened_from=referral,
            deadlines=deadlines,
            summary=summary,
            version=0,
        )
        _save(case)
        CaseTransition.objects.create(
            case=case,
            name="open",
            from_state="",
            to_state=OPEN,
            by=acting_user,
            data={"referral": str(referral.pk)} if referral else {},
        )
        record(
            acting_user,
            AuditAction.CREATE,
            case,
            detail={
                "person": str(person.pk),
                "type": type,
                "referral": str(referral.pk) if referral else "",
            },
        )
    return case


# --- the one transition action ----------------------------------------------------------


def _transition_or_refuse(case: Case, name: str) -> Transition:
    workflow = workflow_for(case.type)
    transition = workflow.transition(name)
    if transition is not None:
        return transition
    if any(w.transition(name) for w in WORKFLOWS.values()):
        if name == "withdraw" and case.type == CaseType.CHILD_PROTECTION:
            raise Conflict(
                _("A child-protection case is closed only by a best-interests determination.")
            )
        raise Conflict(
            _("A %(type)s case has no transition %(name)s.") % {"type": case.type, "name": name}
        )
    raise NotFound()


def check_role(user: User, case: Case, t: Transition) -> None:
    """The role: a caseworker of the owning agency (a supervisor may make a caseworker's
    step), or a supervisor where the table says so. Refused with 409 and the reason."""
    require_step_role(user, case, t.roles)


def check_state(case: Case, t: Transition, *, answering: Approval | None = None) -> None:
    if not t.allowed_from(case.state):
        raise Conflict(
            _("%(name)s is not allowed from the state %(state)s.")
            % {"name": t.name, "state": case.state}
        )
    pending = Approval.objects.filter(case=case, status=Approval.Status.PENDING)
    if answering is not None:
        pending = pending.exclude(pk=answering.pk)
    if pending.exists():
        raise Conflict(_("A decision on this case waits for a supervisor's approval."))


def _effects(user: User, case: Case, t: Transition, data: dict[str, Any]) -> None:
    """What a transition changes on the case besides its state."""
    key = (case.type, t.name)
    if t.name in DECISIONS and "outcome" in data:
        case.outcome = data["outcome"]
    if "durable_solution" in data and case.type in PROTECTION_TYPES:
        case.durable_solution = data["durable_solution"]
        case.durable_solution_status = "planned"
    if key == (CaseType.CHILD_PROTECTION, "assess_best_interests"):
        due = case.deadlines.pop("best_interests_assessment", None)
        if not data.get("on_time", True):
            case.missed_deadlines = [
                *case.missed_deadlines,
                {
                    "deadline": "best_interests_assessment",
                    "due": due,
                    "step": t.name,
                    "done_at": timezone.now().isoformat(),
                },
            ]
    elif key == (CaseType.ASYLUM, "notify"):
        pack = pack_for(case.person.country_id)
        days = data.get("appeal_days") or getattr(pack, "appeal_days", None) or DEFAULT_APPEAL_DAYS
        data["appeal_days"] = int(days)
        notified = dt.date.fromisoformat(data["date"])
        case.deadlines["appeal"] = (notified + dt.timedelta(days=int(days))).isoformat()
    elif key in {
        (CaseType.ASYLUM, "lodge_appeal"),
        (CaseType.ASYLUM, "finalise"),
        (CaseType.RETURN, "lodge_appeal"),
    }:
        data["appeal_deadline"] = case.deadlines.pop("appeal", None)
    elif key == (CaseType.TRAFFICKING_ASSISTANCE, "start_reflection_period"):
        pack = pack_for(case.person.country_id)
        days = pack.reflection_period_days if pack else DEFAULT_REFLECTION_DAYS
        start = dt.date.fromisoformat(data["start_date"])
        data["reflection_days"] = days
        ends = start + dt.timedelta(days=days)
        case.deadlines["reflection_period_ends"] = ends.isoformat()
        # The period protects the person, not only the case: while it runs no return
        # step of any case may go on (cases.md rule 1), so it stands as a safeguard.
        ends_at = timezone.make_aware(dt.datetime.combine(ends, dt.time.min))
        if ends_at > timezone.now():
            place_safeguard(
                acting_user=user,
                person=case.person,
                code=Safeguard.REFLECTION_PERIOD,
                because=[f"case {case.reference}: start_reflection_period {start.isoformat()}"],
                ends_at=ends_at,
            )
    elif key == (CaseType.RETURN, "issue_return_decision"):
        case.deadlines["appeal"] = data["appeal_deadline"]
    elif key == (CaseType.RETURN, "order_detention"):
        case.deadlines["detention_review"] = data["review_date"]
    elif key == (CaseType.RETURN, "remove"):
        case.deadlines.pop("detention_review", None)
    if t.name == "transfer":
        agency = data.pop("_agency")
        assignee = data.pop("_assignee", None)
        data["from_agency"] = str(case.agency_id)
        data["from_assignee"] = case.assignee.username if case.assignee else ""
        if agency.pk != case.agency_id:
            grant_access(case.person, agency, GrantReason.TRANSFER, granted_by=None)
            case.agency = agency
            case.assignee = None
            data["to_agency"] = str(agency.pk)
            if case.type == CaseType.ASYLUM:
                case.variant = asylum_variant(case.person.country_id, agency)
        if assignee is not None:
            case.assignee = assignee


def _apply(
    user: User,
    case: Case,
    t: Transition,
    data: dict[str, Any],
    *,
    approved_by: User | None = None,
    audit_actor: User | None = None,
) -> CaseTransition:
    from_state = case.state
    _effects(user, case, t, data)
    to_state = t.target_for(from_state, data, case.closed_from)
    if t.name == "reopen":
        # Back to the state it closed from, with the deadlines it had then.
        closing = case.history.filter(to_state=CLOSED).order_by("-at", "-id").first()
        if closing is not None:
            case.deadlines = dict(closing.data.get("deadlines_at_close") or {})
        case.closed_from = ""
    elif to_state == CLOSED:
        case.closed_from = from_state
        data["deadlines_at_close"] = dict(case.deadlines)
        case.deadlines = {}
    case.state = to_state
    _save(case)
    row = CaseTransition.objects.create(
        case=case,
        name=t.name,
        from_state=from_state,
        to_state=to_state,
        by=user,
        reasons=data.get("reasons", ""),
        data={k: v for k, v in data.items() if k != "reasons"},
        approved_by=approved_by,
    )
    record(
        audit_actor or user,
        AuditAction.UPDATE,
        case,
        detail={
            "person": str(case.person_id),
            "transition": t.name,
            "from": from_state,
            "to": to_state,
            "approved_by": approved_by.username if approved_by else "",
        },
    )
    return row


def transition_case(
    *, acting_user: User, case_id: Any, name: str, version: Any, data: dict[str, Any] | None = None
) -> Case:
    """Makes a transition of the case's workflow, or refuses it and changes nothing.

    Checked in this order, inside one transaction with the case row locked: that the
    transition exists for this type, the role, the safeguards (cases.md rules 1-2, so
    that a return step names its safeguard whatever the state), the current state (and
    no decision waiting for approval), the type's rules that hold whatever the data, the
    version, the required data (400), and the rules on the data. A decision that needs
    approval and is made by a caseworker waits in the supervisor's queue."""
    _require_case_worker(acting_user)
    with transaction.atomic():
        case = access_case_by_id(acting_user, case_id, for_update=True, audit_read=False)
        t = _transition_or_refuse(case, name)
        check_role(acting_user, case, t)
        decides = decides_for_agency(acting_user, case)
        # A supervisor who makes the very decision that waits for approval answers it:
        # with the data the supervisor gives, or else with the caseworker's.
        answering = None
        if t.approval and decides:
            answering = (
                Approval.objects.select_for_update()
                .filter(case=case, transition=t.name, status=Approval.Status.PENDING)
                .first()
            )
        check_safeguards(case, t)
        check_state(case, t, answering=answering)
        check_type_rules(case, t)
        _check_version(case, version)
        given = {k: v for k, v in (data or {}).items() if v not in (None, "")}
        author = acting_user
        if answering is not None and not given:
            given = dict(answering.data)
            author = answering.requested_by
        cleaned, errors = clean_data(t.fields, given)
        if errors:
            raise InvalidInput(errors)
        check_data(acting_user, case, t, cleaned)
        if answering is not None:
            answering.status = Approval.Status.APPROVED
            answering.decided_by = acting_user
            answering.decided_at = timezone.now()
            answering.save()
            record(acting_user, AuditAction.UPDATE, answering, detail={"status": "approved"})
            _apply(author, case, t, cleaned, approved_by=acting_user, audit_actor=acting_user)
            return case
        if t.approval and not decides:
            approval = Approval.objects.create(
                case=case, transition=t.name, data=cleaned, requested_by=acting_user
            )
            _save(case)
            record(
                acting_user,
                AuditAction.CREATE,
                approval,
                detail={"case": str(case.pk), "transition": t.name},
            )
            return case
        _apply(acting_user, case, t, cleaned, approved_by=acting_user if t.approval else None)
    return case


# --- approvals ----------------------------------------------------------------------------


def _approval_for_supervisor(user: User, approval_id: Any) -> tuple[Approval, Case]:
    _require_case_worker(user)
    approval, case = access_approval_by_id(user, approval_id)
    require_step_role(user, case, {WORKFLOW_SUPERVISOR})
    if approval.status != Approval.Status.PENDING:
        raise Conflict(_("This decision has been answered already."))
    return approval, case


def approve(*, acting_user: User, approval_id: Any) -> Case:
    """The supervisor approves a waiting decision: the checks are made again now (a
    safeguard may have arisen), then the state changes."""
    with transaction.atomic():
        approval, case = _approval_for_supervisor(acting_user, approval_id)
        t = workflow_for(case.type).transition(approval.transition)
        assert t is not None
        check_safeguards(case, t)
        check_state(case, t, answering=approval)
        check_type_rules(case, t)
        data = dict(approval.data)
        check_data(acting_user, case, t, data)
        approval.status = Approval.Status.APPROVED
        approval.decided_by = acting_user
        approval.decided_at = timezone.now()
        approval.save()
        row = _apply(
            approval.requested_by,
            case,
            t,
            data,
            approved_by=acting_user,
            audit_actor=acting_user,
        )
        record(
            acting_user,
            AuditAction.UPDATE,
            approval,
            detail={"status": "approved", "transition_row": str(row.pk)},
        )
    return case


def send_back(*, acting_user: User, approval_id: Any, reasons: str) -> Case:
    if not (reasons or "").strip():
        raise InvalidInput({"reasons": [_("Say why the decision is sent back.")]})
    with transaction.atomic():
        approval, case = _approval_for_supervisor(acting_user, approval_id)
        approval.status = Approval.Status.SENT_BACK
        approval.decided_by = acting_user
        approval.decided_at = timezone.now()
        approval.decision_reasons = reasons.strip()
        approval.save()
        _save(case)
        record(acting_user, AuditAction.UPDATE, approval, detail={"status": "sent_back"})
    return case


# --- case work ------------------------------------------------------------------------------


def _case_for_work(user: User, case_id: Any, *, for_update: bool = False) -> Case:
    _require_case_worker(user)
    case = access_case_by_id(user, case_id, for_update=for_update, audit_read=False)
    require_step_role(user, case, {WORKFLOW_CASEWORKER})
    return case


def update_case(
    *,
    acting_user: User,
    case_id: Any,
    version: Any,
    summary: str | None = None,
    plan: str | None = None,
    durable_solution: str | None = None,
    durable_solution_status: str | None = None,
) -> Case:
    """Edits the summary, the case plan and the durable solution, with the version read."""
    with transaction.atomic():
        case = _case_for_work(acting_user, case_id, for_update=True)
        _check_version(case, version)
        changed = []
        if summary is not None:
            case.summary = summary
            changed.append("summary")
        if plan is not None:
            case.plan = plan
            changed.append("plan")
        if durable_solution is not None or durable_solution_status is not None:
            _set_solution(case, durable_solution, durable_solution_status)
            changed.append("durable_solution")
        _save(case)
        record(acting_user, AuditAction.UPDATE, case, detail={"fields": changed})
    return case


def _set_solution(case: Case, solution: str | None, status: str | None) -> None:
    if case.type not in PROTECTION_TYPES:
        raise InvalidInput(
            {"durable_solution": [_("Only a protection case carries a durable solution.")]}
        )
    if solution is not None:
        if solution not in dict(DURABLE_SOLUTIONS):
            raise InvalidInput({"durable_solution": [_("Unknown durable solution.")]})
        if case.type == CaseType.CHILD_PROTECTION and solution != case.durable_solution:
            # cases.md rule 3: for a child, the panel's determination decides it.
            raise Conflict(
                _("A child's durable solution is changed only by a best-interests determination.")
            )
        case.durable_solution = solution
        case.durable_solution_status = case.durable_solution_status or "planned"
    if status is not None:
        if status not in dict(SOLUTION_STATUSES):
            raise InvalidInput({"durable_solution_status": [_("Unknown progress.")]})
        if not case.durable_solution:
            raise InvalidInput({"durable_solution_status": [_("Choose the solution first.")]})
        case.durable_solution_status = status


def add_task(*, acting_user: User, case_id: Any, title: str, due: dt.date | None = None) -> Task:
    if not (title or "").strip():
        raise InvalidInput({"title": [_("This field is required.")]})
    with transaction.atomic():
        case = _case_for_work(acting_user, case_id)
        task = Task.objects.create(
            case=case, title=title.strip()[:300], due=due, created_by=acting_user
        )
        record(acting_user, AuditAction.CREATE, task, detail={"case": str(case.pk)})
    return task


def complete_task(*, acting_user: User, task_id: Any) -> Task:
    with transaction.atomic():
        task = Task.objects.select_for_update().filter(pk=id_or_none(task_id)).first()
        if task is None:
            raise NotFound()
        _case_for_work(acting_user, task.case_id)
        if not task.done:
            task.done = True
            task.done_at = timezone.now()
            task.done_by = acting_user
            task.save()
            record(acting_user, AuditAction.UPDATE, task, detail={"done": True})
    return task


def add_note(*, acting_user: User, case_id: Any, text: str) -> Note:
    if not (text or "").strip():
        raise InvalidInput({"text": [_("This field is required.")]})
    with transaction.atomic():
        case = _case_for_work(acting_user, case_id)
        note = Note.objects.create(case=case, text=text.strip(), by=acting_user)
        record(acting_user, AuditAction.CREATE, note, detail={"case": str(case.pk)})
    return note


def record_service(
    *, acting_user: User, case_id: Any, service: str, delivered_on: dt.date, provider: str = ""
) -> ServiceDelivered:
    if not (service or "").strip():
        raise InvalidInput({"service": [_("This field is required.")]})
    if delivered_on > today():
        raise InvalidInput({"delivered_on": [_("The date cannot be in the future.")]})
    with transaction.atomic():
        case = _case_for_work(acting_user, case_id)
        item = ServiceDelivered.objects.create(
            case=case,
            service=service.strip()[:200],
            provider=provider.strip()[:200],
            delivered_on=delivered_on,
            by=acting_user,
        )
        record(acting_user, AuditAction.CREATE, item, detail={"case": str(case.pk)})
    return item


# Content signatures: the file's first bytes decide its type, never its name alone.
SIGNATURES = (
    (b"%PDF-", "application/pdf", {".pdf"}),
    (b"\xff\xd8\xff", "image/jpeg", {".jpg", ".jpeg"}),
    (b"\x89PNG\r\n\x1a\n", "image/png", {".png"}),
)


def detect_document_type(head: bytes, filename: str) -> str | None:
    extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    for magic, content_type, extensions in SIGNATURES:
        if head.startswith(magic):
            return content_type if extension in extensions else None
    return None


def upload_document(*, acting_user: User, case_id: Any, title: str, uploaded: Any) -> CaseDocument:
    """Stores a PDF, JPEG or PNG of at most 10 MB under MEDIA_ROOT with a random name."""
    if uploaded is None:
        raise InvalidInput({"file": [_("Choose a file.")]})
    if uploaded.size > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge({"file": [_("The file is larger than 10 MB.")]})
    content = uploaded.read(MAX_DOCUMENT_BYTES + 1)
    if len(content) > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge({"file": [_("The file is larger than 10 MB.")]})
    content_type = detect_document_type(content[:16], uploaded.name or "")
    if content_type is None:
        raise InvalidInput(
            {"file": [_("Only PDF, JPEG and PNG files are accepted, with a matching extension.")]}
        )
    with transaction.atomic():
        case = _case_for_work(acting_user, case_id)
        document = CaseDocument(
            case=case,
            title=(title or "").strip()[:200] or _("Document"),
            content_type=content_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=acting_user,
        )
        document.file.save("upload", ContentFile(content), save=False)
        try:
            document.save()
            record(acting_user, AuditAction.CREATE, document, detail={"case": str(case.pk)})
        except Exception:
            document.file.delete(save=False)
            raise
    return document
