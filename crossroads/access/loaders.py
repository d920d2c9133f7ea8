"""Load and authorise in one step: one `access_<thing>_by_id` per kind of record, so no
caller ever holds a record it was not allowed to see. Each parses the id with the one
parser, filters by the policy's rule for that kind of record, records a refusal that the
caller's rollback does not erase, and answers "not yours" exactly like "does not exist".

Models are looked up through the app registry, so that the policy depends on no feature
app's module (the feature apps depend on it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.apps import apps
from django.db.models import Q, QuerySet

from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record

from .gate import visible_persons_q
from .policy import (
    Verb,
    parse_id,
    refuse,
    require,
    visible_cases_q,
    visible_consents_q,
    visible_referrals_q,
)


def _persons_q(user: User, path: str = "person") -> Q:
    """Rows whose person (at `path`) the user may see: the gate's correlated EXISTS on
    that person, one index probe per row read (never the list of everyone visible)."""
    return visible_persons_q(user, prefix=path)


def _model(label: str) -> Any:
    return apps.get_model(label)


if TYPE_CHECKING:
    from crossroads.cases.models import Approval, Case, CaseDocument
    from crossroads.identity.models import DuplicateCandidate, Merge
    from crossroads.referrals.models import Consent, Referral
    from crossroads.screening.models import PersonSafeguard, Screening


# Referrals ------------------------------------------------------------------------------


def referrals_visible_to(user: User) -> QuerySet[Referral]:
    """Referrals sent by or to the user's agency, about people the gate lets them see."""
    require(user, Verb.VIEW_PERSON)
    return cast("type[Referral]", _model("referrals.Referral")).objects.filter(
        visible_referrals_q(user, _persons_q(user))
    )


def access_referral_by_id(
    user: User, referral_id: Any, *, queryset: QuerySet[Any] | None = None
) -> Referral:
    pk = parse_id(referral_id)
    base = referrals_visible_to(user) if queryset is None else queryset
    referral = base.filter(pk=pk).first()
    if referral is None:
        refuse(user, "referrals.referral", pk)
    return referral


def access_referral_for_answer(user: User, referral_id: Any) -> Referral:
    """A referral its receiver may answer, locked for the answer."""
    require(user, Verb.ANSWER_REFERRAL)
    pk = parse_id(referral_id)
    referral = (
        cast("type[Referral]", _model("referrals.Referral"))
        .objects.select_for_update(of=("self",))
        .filter(pk=pk, to_agency_id=user.agency_id)
        .select_related("person", "to_agency")
        .first()
    )
    if referral is None:
        refuse(user, "referrals.referral", pk)
    return referral


# Consents -------------------------------------------------------------------------------


def consents_visible_to(user: User) -> QuerySet[Consent]:
    require(user, Verb.VIEW_PERSON)
    return cast("type[Consent]", _model("referrals.Consent")).objects.filter(
        visible_consents_q(user, _persons_q(user))
    )


def access_consent_by_id(user: User, consent_id: Any, *, for_change: bool = False) -> Consent:
    """A consent the user may read, or (`for_change`) withdraw: those about a person the
    user may change, locked."""
    pk = parse_id(consent_id)
    if for_change:
        require(user, Verb.RECORD_CONSENT)
        queryset = (
            consents_visible_to(user).filter(_persons_q(user)).select_for_update(of=("self",))
        )
    else:
        queryset = consents_visible_to(user)
    consent = queryset.filter(pk=pk).first()
    if consent is None:
        refuse(user, "referrals.consent", pk)
    return consent


# Cases ----------------------------------------------------------------------------------


def cases_visible_to(user: User) -> QuerySet[Case]:
    return cast("type[Case]", _model("cases.Case")).objects.filter(
        visible_cases_q(user, _persons_q(user))
    )


def access_case_by_id(
    user: User, case_id: Any, *, for_update: bool = False, audit_read: bool = True, view: str = ""
) -> Case:
    pk = parse_id(case_id)
    queryset = cases_visible_to(user).select_related("person", "agency", "assignee")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    case = queryset.filter(pk=pk).first()
    if case is None:
        refuse(user, "cases.case", pk)
    if audit_read:
        detail = {"person": str(case.person_id)}
        if view:
            detail["view"] = view
        record(user, AuditAction.READ, case, detail=detail)
    return case


def access_case_document_by_id(
    user: User, case_id: Any, document_id: Any
) -> tuple[Case, CaseDocument]:
    """A document of a case the user may read, with its case."""
    case = access_case_by_id(user, case_id, audit_read=False)
    pk = parse_id(document_id)
    document = (
        cast("type[CaseDocument]", _model("cases.CaseDocument"))
        .objects.filter(pk=pk, case=case)
        .first()
    )
    if document is None:
        refuse(user, "cases.casedocument", pk)
    return case, document


def access_approval_by_id(user: User, approval_id: Any) -> tuple[Approval, Case]:
    """A decision waiting for approval, with its case locked, for a supervisor of the
    agency that owns the case."""
    require(user, Verb.WORK_ON_CASES)
    pk = parse_id(approval_id)
    approval = cast("type[Approval]", _model("cases.Approval")).objects.filter(pk=pk).first()
    if approval is None:
        refuse(user, "cases.approval", pk)
    case = access_case_by_id(user, approval.case_id, for_update=True, audit_read=False)
    approval = (
        cast("type[Approval]", _model("cases.Approval"))
        .objects.select_for_update()
        .get(pk=approval.pk)
    )
    return approval, case


# Screenings and safeguards -----------------------------------------------------------------


def screenings_visible_to(user: User) -> QuerySet[Screening]:
    """Screenings hold sensitive details: those who may see them, of people they see."""
    require(user, Verb.VIEW_SENSITIVE)
    return cast("type[Screening]", _model("screening.Screening")).objects.filter(_persons_q(user))


def access_screening_by_id(user: User, screening_id: Any) -> Screening:
    pk = parse_id(screening_id)
    screening = (
        screenings_visible_to(user)
        .select_related("person", "agency", "screened_by")
        .filter(pk=pk)
        .first()
    )
    if screening is None:
        refuse(user, "screening.screening", pk)
    return screening


def access_safeguard_for_lifting(user: User, safeguard_id: Any) -> PersonSafeguard:
    """A safeguard of a person the supervisor may see, locked for the decision."""
    require(user, Verb.LIFT_SAFEGUARD)
    pk = parse_id(safeguard_id)
    safeguard = (
        cast("type[PersonSafeguard]", _model("screening.PersonSafeguard"))
        .objects.select_for_update()
        .filter(_persons_q(user), pk=pk)
        .first()
    )
    if safeguard is None:
        refuse(user, "screening.personsafeguard", pk)
    return safeguard


# Identity -------------------------------------------------------------------------------


def duplicate_candidates_visible_to(user: User) -> QuerySet[DuplicateCandidate]:
    """Candidate pairs whose two records the supervisor may both see."""
    require(user, Verb.REVIEW_DUPLICATES)
    return cast("type[DuplicateCandidate]", _model("identity.DuplicateCandidate")).objects.filter(
        _persons_q(user, "person_a"), _persons_q(user, "person_b")
    )


def access_merge_by_id(user: User, merge_id: Any) -> Merge:
    """A merge whose kept record the supervisor may see."""
    require(user, Verb.MERGE_PERSONS)
    pk = parse_id(merge_id)
    merge = (
        cast("type[Merge]", _model("identity.Merge"))
        .objects.select_for_update()
        .filter(_persons_q(user, "kept"), pk=pk)
        .first()
    )
    if merge is None:
        refuse(user, "identity.merge", pk)
    return merge
