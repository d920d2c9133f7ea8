"""The one authorisation policy: every rule of who may do what, written once.

Each verb names something a user does. `ROLE_VERBS` says which roles may do it at all (a
role that may not answers 403); the object rules below say on which records (a record the
user may not touch answers 404, exactly like one that does not exist). As in Wagtail's
permission policies, one rule serves both the list filter (`visible_*_q`) and the check
of one object, so a list and a detail never disagree.

Nothing outside `crossroads.access` compares a role or an agency kind: views, API,
templates and actions ask `role_allows`, `require`, `can` and the rules here.

The person rules (which people an agency sees) are in `gate.py`; the loaders that fetch
and authorise a record in one step are in `loaders.py`.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NoReturn

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils.translation import gettext as _

from crossroads.accounts.models import Agency, User
from crossroads.accounts.models import user_of as user_of
from crossroads.accounts.vocab import NON_STATE_KINDS, Role
from crossroads.audit.writer import record_refusal
from crossroads.core.exceptions import Conflict, Forbidden, NotFound
from crossroads.engines.screening.vocab import AgencyKind

if TYPE_CHECKING:
    from crossroads.accounts.models import Agency, User


class Verb(StrEnum):
    """Everything a user does that the policy decides."""

    VIEW_PERSON = "view_person"
    CHANGE_PERSON = "change_person"
    REGISTER_PERSON = "register_person"
    VIEW_SENSITIVE = "view_sensitive"
    SCREEN_PERSON = "screen_person"
    SEND_REFERRAL = "send_referral"
    RECORD_CONSENT = "record_consent"
    EXPORT_PERSON = "export_person"
    ANSWER_REFERRAL = "answer_referral"
    OVERSEE_REFERRALS = "oversee_referrals"
    OVERSEE_SCREENINGS = "oversee_screenings"
    WORK_ON_CASES = "work_on_cases"
    APPROVE_DECISIONS = "approve_decisions"
    REVIEW_DUPLICATES = "review_duplicates"
    MERGE_PERSONS = "merge_persons"
    LIFT_SAFEGUARD = "lift_safeguard"
    REQUEST_ACCESS = "request_access"
    ANSWER_ACCESS_REQUEST = "answer_access_request"
    VIEW_AUDIT = "view_audit"
    VIEW_STATISTICS = "view_statistics"
    CONFIGURE = "configure"
    # Emergencies (issue 13): bulk imports of people, and declaring an influx.
    IMPORT_PERSONS = "import_persons"
    DECLARE_INFLUX = "declare_influx"
    # The regional picture (docs/statistics.md): a supervisor publishes the state's
    # protected tables; the regional analyst reads what states published, nothing else.
    PUBLISH_STATISTICS = "publish_statistics"
    VIEW_PUBLICATIONS = "view_publications"
    VIEW_REGIONAL = "view_regional"
    IMPORT_BUNDLE = "import_bundle"


_FRONT_LINE = frozenset({Role.OFFICER, Role.CASEWORKER, Role.SUPERVISOR})
_CASE_WORK = frozenset({Role.CASEWORKER, Role.SUPERVISOR, Role.PARTNER})
_SUPERVISION = frozenset({Role.SUPERVISOR})

# verb -> roles that may do it at all (403 for any other role).
ROLE_VERBS: dict[str, frozenset[str]] = {
    Verb.VIEW_PERSON: _FRONT_LINE | {Role.PARTNER},
    Verb.CHANGE_PERSON: _FRONT_LINE,
    Verb.REGISTER_PERSON: _FRONT_LINE,
    Verb.VIEW_SENSITIVE: _FRONT_LINE,
    Verb.SCREEN_PERSON: _FRONT_LINE,
    Verb.SEND_REFERRAL: _FRONT_LINE,
    Verb.RECORD_CONSENT: _FRONT_LINE,
    Verb.EXPORT_PERSON: _FRONT_LINE,
    # A partner answers referrals and works the cases of its own agency.
    Verb.ANSWER_REFERRAL: _CASE_WORK,
    Verb.WORK_ON_CASES: _CASE_WORK,
    Verb.OVERSEE_REFERRALS: _SUPERVISION,
    # An influx's queue for the full screening, and its figures.
    Verb.OVERSEE_SCREENINGS: _SUPERVISION,
    Verb.APPROVE_DECISIONS: _SUPERVISION,
    Verb.REVIEW_DUPLICATES: _SUPERVISION,
    Verb.MERGE_PERSONS: _SUPERVISION,
    Verb.LIFT_SAFEGUARD: _SUPERVISION,
    Verb.REQUEST_ACCESS: _FRONT_LINE,
    Verb.ANSWER_ACCESS_REQUEST: _SUPERVISION,
    Verb.VIEW_AUDIT: _SUPERVISION,
    Verb.VIEW_STATISTICS: frozenset({Role.ANALYST, Role.SUPERVISOR}),
    Verb.CONFIGURE: frozenset({Role.ADMIN}),
    Verb.IMPORT_PERSONS: _SUPERVISION,
    Verb.DECLARE_INFLUX: _SUPERVISION,
    Verb.PUBLISH_STATISTICS: _SUPERVISION,
    Verb.VIEW_PUBLICATIONS: frozenset({Role.SUPERVISOR, Role.ANALYST, Role.REGIONAL_ANALYST}),
    Verb.VIEW_REGIONAL: frozenset({Role.REGIONAL_ANALYST}),
    Verb.IMPORT_BUNDLE: frozenset({Role.REGIONAL_ANALYST, Role.ADMIN}),
}
# Aggregate and reference verbs: no person is involved, and the regional analyst's office
# belongs to no state.
AGGREGATE_VERBS = frozenset(
    {
        Verb.VIEW_STATISTICS,
        Verb.CONFIGURE,
        Verb.PUBLISH_STATISTICS,
        Verb.VIEW_PUBLICATIONS,
        Verb.VIEW_REGIONAL,
        Verb.IMPORT_BUNDLE,
    }
)
# Verbs about people: they need an agency in a state whose records live here.
PERSON_VERBS = frozenset(ROLE_VERBS) - AGGREGATE_VERBS

# The roles a user holds in a case's workflow (cases.md): the table of transitions names
# these two, and the policy decides who holds them.
WORKFLOW_CASEWORKER = "caseworker"
WORKFLOW_SUPERVISOR = "supervisor"


def role_allows(user: User | AnonymousUser, verb: str) -> bool:
    """May `user`'s roles do `verb` at all?"""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
        return False
    roles = ROLE_VERBS[verb]
    if not any(role in roles for role in user.roles):
        return False
    if verb in PERSON_VERBS:
        return user.agency is not None and user.agency.country_id is not None
    return True


def require(user: User | AnonymousUser, verb: str) -> None:
    """403 unless the role may do `verb` at all."""
    if not role_allows(user, verb):
        raise Forbidden(_("Your role does not allow this."))


def parse_id(value: Any) -> uuid.UUID:
    """The one parser of public ids: anything that is not a UUID is a record that does
    not exist."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        raise NotFound() from None


def id_or_none(value: Any) -> Any:
    """The same parser for an id given in a body field (an agency, an assignee): None
    when it is not an id, for the caller to answer with a field error."""
    try:
        return parse_id(value)
    except NotFound:
        return None


def refuse(user: User, object_type: str, object_id: Any) -> NoReturn:
    """A record the user may not touch: audited (the row survives the caller's rollback)
    and answered exactly like a record that does not exist."""
    record_refusal(user, object_type=object_type, object_id=str(object_id))
    raise NotFound()


def is_state_body(agency: Agency | Any) -> bool:
    """A body of the state needs no consent to receive (the law is its basis); any other
    (NGO, UNHCR, IOM, legal aid, a foreign mission) does (screening.md section 6)."""
    return agency.kind not in NON_STATE_KINDS


def consent_recipients_q() -> Q:
    """The agencies that receive only with consent: every agency that is not a body of
    the state."""
    return Q(kind__in=NON_STATE_KINDS)


def may_record_best_interests(user: User) -> bool:
    """Only the child-protection authority decides a child's best interests."""
    return user.agency is not None and user.agency.kind == "child_protection"


# Referrals ------------------------------------------------------------------------------


def visible_referrals_q(user: User, persons_q: Q) -> Q:
    """Referrals sent by or received by the user's agency, about people the user may see
    (`persons_q` is the gate's person filter, on the `person__` path)."""
    agency = user.agency_id
    return (Q(to_agency_id=agency) | Q(from_agency_id=agency)) & persons_q


def may_answer_referral(user: User, referral: Any) -> bool:
    """The one rule for answering: someone of the receiving agency who works cases,
    while the referral waits for an answer."""
    return (
        role_allows(user, Verb.ANSWER_REFERRAL)
        and referral.to_agency_id == user.agency_id
        and referral.status == "sent"
    )


# Consents -------------------------------------------------------------------------------


def visible_consents_q(user: User, persons_q: Q) -> Q:
    """Consents about people the user may see. A partner sees only the consents given to
    its own agency: those are what allow it to receive anything."""
    if role_allows(user, Verb.CHANGE_PERSON):
        return persons_q
    return persons_q & Q(to_agency_id=user.agency_id)


# Cases ------------------------------------------------------------------------------------


def visible_cases_q(user: User, persons_q: Q) -> Q:
    """Cases of the user's agency about people the gate lets it see. Another agency that
    also sees the person does not read the case (its decisions and documents go to those
    who work on it)."""
    if not role_allows(user, Verb.VIEW_PERSON):
        return Q(pk__in=[])
    return Q(agency_id=user.agency_id) & persons_q


def case_roles(user: User, case: Any) -> set[str]:
    """The workflow roles `user` holds on `case`: whoever works cases in the owning
    agency is its caseworker; a supervisor may also do a caseworker's step."""
    if not getattr(user, "is_authenticated", False) or user.agency_id != case.agency_id:
        return set()
    roles: set[str] = set()
    if role_allows(user, Verb.WORK_ON_CASES):
        roles.add(WORKFLOW_CASEWORKER)
    if role_allows(user, Verb.APPROVE_DECISIONS):
        roles.update({WORKFLOW_CASEWORKER, WORKFLOW_SUPERVISOR})
    return roles


def may_take_step(user: User, case: Any, step_roles: frozenset[str] | set[str]) -> bool:
    """May `user` make a step of the case's workflow that the table gives to `step_roles`?"""
    return bool(case_roles(user, case) & set(step_roles))


def decides_for_agency(user: User, case: Any) -> bool:
    """A supervisor of the owning agency: decides without waiting for approval, and
    answers the decisions that wait for one."""
    return WORKFLOW_SUPERVISOR in case_roles(user, case)


def require_step_role(user: User, case: Any, step_roles: frozenset[str] | set[str]) -> None:
    """Refuses (409, with the reason) a step the user's workflow role may not make: a
    supervisor's step names the supervisor, any other the caseworker."""
    if may_take_step(user, case, step_roles):
        return
    if set(step_roles) == {WORKFLOW_SUPERVISOR}:
        raise Conflict(_("Only a supervisor of the agency that owns the case may do this."))
    raise Conflict(_("Only a caseworker of the agency that owns the case may do this."))


def runs_own_mandate_procedure(agency: Agency) -> bool:
    """UNHCR determines refugee status under its mandate itself, whatever the state's law."""
    return agency.kind == AgencyKind.UNHCR


def may_open_case_for_agency_kind(user: User, kinds: frozenset[str] | set[str]) -> bool:
    """Without a referral, an agency opens only the case types it runs."""
    return user.agency is not None and user.agency.kind in kinds


def sees_whole_work_queue(user: User) -> bool:
    """A supervisor watches every open case of the agency; others their own and nobody's."""
    return role_allows(user, Verb.APPROVE_DECISIONS)


def may_be_assigned_cases(user: User) -> bool:
    """Who an open case may be assigned to: someone who works cases."""
    return role_allows(user, Verb.WORK_ON_CASES)


def takes_case_on_opening(user: User) -> bool:
    """A caseworker or partner who opens a case takes it; a supervisor alone leaves it to
    be assigned."""
    return user.has_role(Role.CASEWORKER, Role.PARTNER) and role_allows(user, Verb.WORK_ON_CASES)
