"""The rules of the case types that their tables alone cannot say: who handles which type,
what each step needs besides its fields, and the safeguards asked of the one safeguard
check (`crossroads.screening.safeguards`). `transition_case` calls these in its
transaction; `queries.transition_options` calls the same functions, so that the list of
steps a user is offered never disagrees with what a step would answer.

Nothing here writes: a rule refuses (`Conflict`, 409; `InvalidInput`, 400) or adds to the
step's data what it decided (the pack rule applied, whether a deadline was met)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.access.policy import (
    id_or_none,
    is_state_body,
    may_be_assigned_cases,
    runs_own_mandate_procedure,
)
from crossroads.accounts.models import Agency, User
from crossroads.core.exceptions import Conflict, InvalidInput
from crossroads.engines.screening import GuardedAction, Pack, default_registry
from crossroads.referrals.actions import usable_consent
from crossroads.screening.children import appears_child
from crossroads.screening.safeguards import refuse_if_blocked

from .models import Case
from .vocab import CaseType
from .workflows.base import CLOSED, Transition

# The pathways whose accepted referral opens each type of case (screening.md section 3).
TYPE_PATHWAYS: dict[str, frozenset[str]] = {
    CaseType.ASYLUM: frozenset({"asylum_procedure", "unhcr_mandate"}),
    CaseType.CHILD_PROTECTION: frozenset({"child_protection"}),
    CaseType.TRAFFICKING_ASSISTANCE: frozenset({"victim_assistance", "trafficking_identification"}),
    CaseType.STATELESSNESS: frozenset({"statelessness_determination"}),
    CaseType.REGULARISATION: frozenset({"regularisation"}),
    CaseType.VOLUNTARY_RETURN: frozenset({"assisted_voluntary_return"}),
    CaseType.RETURN: frozenset({"return_procedure"}),
}
# The agency kinds that run each type, besides the kinds the state's pack routes the
# type's pathways to (so a pack that sends `victim_assistance` to an NGO lets the NGO open
# the case directly too). Kinds that never appear here (border service for anything but a
# return, labour inspection, health service, legal aid, a foreign mission) open no case:
# they refer. A return is run by the migration or border service (the pack's
# `return_procedure` body); the police open trafficking cases where the pack makes them
# the national referral mechanism.
TYPE_AGENCY_KINDS: dict[str, frozenset[str]] = {
    CaseType.ASYLUM: frozenset({"asylum_authority", "unhcr"}),
    CaseType.CHILD_PROTECTION: frozenset({"child_protection"}),
    CaseType.TRAFFICKING_ASSISTANCE: frozenset({"iom", "ngo"}),
    CaseType.STATELESSNESS: frozenset({"unhcr", "migration_service"}),
    CaseType.REGULARISATION: frozenset({"migration_service"}),
    CaseType.VOLUNTARY_RETURN: frozenset({"iom"}),
    CaseType.RETURN: frozenset({"migration_service", "border_service"}),
}
# When a state's pack sets no appeal period, the person has this many days (the shortest
# period common in the region's laws; a pack or the notification may say otherwise).
DEFAULT_APPEAL_DAYS = 30
# Council of Europe Convention on Action against Trafficking art. 13: at least 30 days.
DEFAULT_REFLECTION_DAYS = 30
# When a child-protection case is opened directly (no referral priority), the
# assessment is urgent: a child alone is at risk now (UNHCR BIP Guidelines 2021, 3.2).
DIRECT_CHILD_PRIORITY = "urgent"


def pack_for(country: str, on: dt.date | None = None) -> Pack | None:
    """The state's pack in force on `on` (today when not given): the dated rules."""
    return default_registry().find(country, on or timezone.localdate())


def today() -> dt.date:
    return timezone.localdate()


def parse_due(value: str) -> dt.datetime:
    """A deadline is a date (due by the end of that day, UTC) or a date-time."""
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=dt.UTC)
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def deadline_date(case: Case, key: str) -> dt.date | None:
    value = case.deadlines.get(key)
    return parse_due(value).date() if isinstance(value, str) else None


# --- who handles which type -------------------------------------------------------------


def has_national_asylum_procedure(pack: Pack | None) -> bool:
    return pack is not None and pack.national_asylum_procedure.exists


def agency_kinds_for(case_type: str, country: str) -> set[str]:
    """The agency kinds of `country` that run cases of `case_type`. Where the pack has no
    national asylum procedure, only UNHCR (or the pack's `unhcr_mandate` body) runs an
    asylum case: the mandate procedure."""
    pack = pack_for(country)
    pathways = TYPE_PATHWAYS[case_type]
    kinds = set(TYPE_AGENCY_KINDS[case_type])
    if case_type == CaseType.ASYLUM and not has_national_asylum_procedure(pack):
        kinds = {"unhcr"}
        pathways = frozenset({"unhcr_mandate"})
    if pack is not None:
        for pathway in pathways:
            kind = pack.pathways.get(pathway)  # type: ignore[call-overload]
            if kind:
                kinds.add(str(kind))
    return kinds


def asylum_variant(country: str, agency: Agency) -> str:
    """The UNHCR mandate procedure where the state's pack in force has no national
    procedure, or where UNHCR itself runs the case; else the national procedure."""
    if not has_national_asylum_procedure(pack_for(country)) or runs_own_mandate_procedure(agency):
        return Case.Variant.UNHCR_MANDATE
    return Case.Variant.NATIONAL


def type_for_pathway(pathway: str) -> str | None:
    return next((t for t, pathways in TYPE_PATHWAYS.items() if pathway in pathways), None)


# --- a child ------------------------------------------------------------------------------


# --- rules that hold whatever the step's data: safeguards and the type's order ------------


def check_safeguards(case: Case, t: Transition) -> None:
    """cases.md rules 1 and 2, through the one safeguard check; each refusal names the
    safeguards that stand in the way. Asked before the state, so that a return step is
    refused for its safeguard whatever state the case is in."""
    if t.guard is not None:
        refuse_if_blocked(case.person, t.guard)
    if case.type == CaseType.RETURN and t.name == "reopen":
        # Reopening a return case opens a return case again (rule 1).
        refuse_if_blocked(case.person, GuardedAction.OPEN_RETURN_CASE)
    if t.name == "order_detention":
        if not case.history.filter(name="consider_alternatives").exists():
            # Rule 2; UNHCR Detention Guidelines (2012), guideline 4.3.
            raise Conflict(_("Alternatives to detention must be considered and recorded first."))
        refuse_if_blocked(case.person, GuardedAction.DETAIN)
        # A person presumed to be a minor would be detained as an adult.
        refuse_if_blocked(case.person, GuardedAction.TREAT_AS_ADULT)
        if appears_child(case.person):
            # Rule 2; UNHCR position on the detention of children (2017); CRC art. 37.
            raise Conflict(
                _(
                    "Refused: the person is, or must be presumed to be, a child "
                    "(no_detention_child). A child is never detained."
                )
            )


def check_preconditions(case: Case, t: Transition) -> None:
    """Everything that refuses the step whatever data comes with it: the safeguards,
    then the rules of the type. Raises `Conflict` with the reason."""
    check_safeguards(case, t)
    check_type_rules(case, t)


def check_type_rules(case: Case, t: Transition) -> None:
    """The order of each type that its table alone cannot say (deadlines, outcomes)."""
    key = (case.type, t.name)
    if key == (CaseType.CHILD_PROTECTION, "close"):
        determined = case.history.filter(name="determine_best_interests").exists()
        if not (determined and case.durable_solution):
            # Rule 3; UNHCR Best Interests Procedure Guidelines (2021).
            raise Conflict(
                _(
                    "A child-protection case closes only after a best-interests "
                    "determination with a decided durable solution."
                )
            )
    elif key in {(CaseType.ASYLUM, "lodge_appeal"), (CaseType.RETURN, "lodge_appeal")}:
        deadline = deadline_date(case, "appeal")
        if deadline is None or today() > deadline:
            raise Conflict(
                _("The appeal deadline (%(date)s) has passed.") % {"date": deadline or "—"}
            )
    elif key == (CaseType.ASYLUM, "finalise"):
        deadline = deadline_date(case, "appeal")
        if deadline is None or today() <= deadline:
            raise Conflict(
                _("The decision is final only after the appeal deadline (%(date)s).")
                % {"date": deadline or "—"}
            )
    elif key == (CaseType.STATELESSNESS, "grant_status") and case.outcome != "stateless":
        raise Conflict(_("The status is granted only to a person found stateless."))
    elif key == (CaseType.REGULARISATION, "check_eligibility") and not pack_for(
        case.person.country_id
    ):
        raise Conflict(_("No pack of this state is in force: its rule cannot be applied."))
    elif key == (CaseType.REGULARISATION, "complete_documents"):
        check = case.history.filter(name="check_eligibility").order_by("-at").first()
        if check is None or not check.data.get("eligible"):
            raise Conflict(_("The person is not eligible under the pack's rule."))
    elif key == (CaseType.REGULARISATION, "issue_permit") and case.outcome != "granted":
        raise Conflict(_("A permit is issued only when the application is granted."))
    elif key == (CaseType.RETURN, "remove"):
        deadline = deadline_date(case, "appeal")
        last_appeal = case.history.filter(name="decide_appeal").order_by("-at").first()
        rejected = last_appeal is not None and last_appeal.data.get("outcome") == "rejected"
        if not rejected and (deadline is None or today() <= deadline):
            raise Conflict(
                _("Removal waits until the appeal deadline has passed or the appeal is rejected.")
            )


# --- rules on the step's data ----------------------------------------------------------------


def _not_in_future(data: dict[str, Any], name: str) -> None:
    if name in data and dt.date.fromisoformat(data[name]) > today():
        raise InvalidInput({name: [_("The date cannot be in the future.")]})


def check_data(user: User, case: Case, t: Transition, data: dict[str, Any]) -> None:
    """The rules on what the step carries. May add to `data` what the step decided (the
    pack rule applied and its result; whether a deadline was met)."""
    key = (case.type, t.name)
    if key == (CaseType.CHILD_PROTECTION, "assess_best_interests"):
        _assessment_on_time(case, data)
    elif key == (CaseType.CHILD_PROTECTION, "start_tracing") and data.get("relatives_found"):
        data["relatives"] = _relatives(user, case, data["relatives_found"])
    elif key == (CaseType.ASYLUM, "notify"):
        _not_in_future(data, "date")
        if "appeal_days" in data and (
            data["appeal_days"] < 1 or data["appeal_days"] != int(data["appeal_days"])
        ):
            raise InvalidInput({"appeal_days": [_("Enter a whole number of days, 1 or more.")]})
    elif key == (CaseType.REGULARISATION, "check_eligibility"):
        _eligibility(case, data)
    elif t.name == "withdraw":
        _not_in_future(data, "date")
    elif key == (CaseType.VOLUNTARY_RETURN, "record_informed_consent"):
        _not_in_future(data, "consent_date")
    elif key == (CaseType.VOLUNTARY_RETURN, "depart") or key == (CaseType.RETURN, "remove"):
        _not_in_future(data, "date")
    elif t.name == "transfer":
        _check_transfer(case, data)
    if t.name in {"decide", "decide_appeal", "determine_best_interests"} and not data.get(
        "reasons"
    ):
        # cases.md rule 4: a decision always carries reasons.
        raise InvalidInput({"reasons": [_("A decision always carries its reasons.")]})


def _assessment_on_time(case: Case, data: dict[str, Any]) -> None:
    """A late assessment is never refused: a child waiting past the deadline needs it
    more, not less. It is flagged instead: the step records `on_time` false and the
    deadline it missed, and the case keeps it in `missed_deadlines` for the supervisor."""
    due = case.deadlines.get("best_interests_assessment")
    late = isinstance(due, str) and timezone.now() > parse_due(due)
    data["on_time"] = not late
    if late:
        data["deadline_missed"] = due


def _eligibility(case: Case, data: dict[str, Any]) -> None:
    """The state's dated rule (`regularisation_min_years` of the pack in force today),
    recorded with its result."""
    checked_on = today()
    pack = pack_for(case.person.country_id, checked_on)
    assert pack is not None  # check_preconditions refused without one
    minimum = float(pack.regularisation_min_years)
    data["rule"] = "regularisation_min_years"
    data["min_years"] = minimum
    data["pack"] = pack.version
    data["pack_effective_from"] = pack.effective_from.isoformat()
    data["checked_on"] = checked_on.isoformat()
    data["eligible"] = data["years_in_country"] >= minimum


def _relatives(user: User, case: Case, text: str) -> list[dict[str, str]]:
    """Found relatives named by their reference numbers, linked to their records when
    the user may see them; an unknown number is a field error, not a silent loss."""
    from crossroads.access.gate import persons_visible_to

    references = [r for r in text.replace(",", " ").split() if r]
    found = {
        p.reference: str(p.pk)
        for p in persons_visible_to(user)
        .filter(reference__in=references)
        .exclude(pk=case.person_id)
    }
    missing = [r for r in references if r not in found]
    if missing:
        raise InvalidInput(
            {
                "relatives_found": [
                    _("No record you may see has the reference %(refs)s.")
                    % {"refs": ", ".join(missing)}
                ]
            }
        )
    return [{"reference": r, "person": found[r]} for r in references]


def transfer_agencies(case: Case) -> list[Agency]:
    """The agencies a case may be handed to: active, of the person's state, of a kind that
    runs this type (never a foreign mission)."""
    kinds = agency_kinds_for(case.type, case.person.country_id)
    return list(
        Agency.objects.filter(
            country_id=case.person.country_id, active=True, kind__in=kinds, represents_state=""
        ).order_by("name")
    )


def caseworkers_of(agency_id: Any) -> list[User]:
    return [
        u
        for u in User.objects.filter(agency_id=agency_id, is_active=True).order_by("username")
        if may_be_assigned_cases(u)
    ]


def _find_user(value: str) -> User | None:
    user = User.objects.filter(username=value, is_active=True).first()
    if user is None and value.isdigit():
        user = User.objects.filter(pk=int(value), is_active=True).first()
    return user


def _check_transfer(case: Case, data: dict[str, Any]) -> None:
    """To another caseworker of the agency, or to another agency of the state that runs
    this type; screening.md section 6 for a non-state agency; a child's case stays until
    the determination while `best_interests_first` stands."""
    if not data.get("to_agency") and not data.get("to_assignee"):
        raise InvalidInput(
            {"non_field_errors": [_("Name the caseworker or the agency to transfer to.")]}
        )
    agency = case.agency
    if data.get("to_agency"):
        found = Agency.objects.filter(pk=id_or_none(data["to_agency"]), active=True).first()
        if found is None or found.country_id != case.person.country_id:
            raise InvalidInput({"to_agency": [_("No such agency in this state.")]})
        if found.pk != case.agency_id and found not in transfer_agencies(case):
            raise InvalidInput({"to_agency": [_("This agency does not run this type of case.")]})
        agency = found
        if agency.pk != case.agency_id:
            if (
                case.type == CaseType.CHILD_PROTECTION
                and not case.history.filter(name="determine_best_interests").exists()
            ):
                refuse_if_blocked(case.person, GuardedAction.TRANSFER_WITHOUT_BID)
            if not is_state_body(agency):
                pathways = sorted(TYPE_PATHWAYS[case.type])
                if not any(usable_consent(case.person, agency, p) for p in pathways):
                    raise Conflict(
                        _(
                            "%(agency)s is not a state body: record the person's consent "
                            "(or a lawful basis) to share with it for this purpose first."
                        )
                        % {"agency": agency.name}
                    )
    if data.get("to_assignee"):
        assignee = _find_user(str(data["to_assignee"]))
        if (
            assignee is None
            or assignee.agency_id != agency.pk
            or assignee not in caseworkers_of(agency.pk)
        ):
            raise InvalidInput({"to_assignee": [_("No such caseworker in that agency.")]})
        data["to_assignee"] = assignee.username
        data["_assignee"] = assignee
    data["_agency"] = agency


def closes(t: Transition, data: dict[str, Any]) -> bool:
    return t.target == CLOSED or data.get("outcome") in {
        o for o, target in t.outcome_targets.items() if target == CLOSED
    }
