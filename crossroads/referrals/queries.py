"""Reads of referrals and consents, each starting from the access gate: a user sees a
referral only when their agency sent or received it and the gate lets them see its
person (which keeps every read inside the person's state)."""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from crossroads.access.gate import access_person_by_id
from crossroads.access.loaders import (
    access_consent_by_id,
    access_referral_by_id,
    consents_visible_to,
    referrals_visible_to,
)
from crossroads.access.policy import Verb, require, role_allows
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record, record_list
from crossroads.engines.screening import Priority

from .models import Consent, Referral

BOXES = ("in", "out")
PRIORITY_RANK = {
    Priority.EMERGENCY: 0,
    Priority.URGENT: 1,
    Priority.HIGH: 2,
    Priority.NORMAL: 3,
}


__all__ = ["consents_visible_to", "referrals_visible_to"]


def _for_display(queryset: QuerySet[Referral]) -> QuerySet[Referral]:
    """Most urgent first: unanswered before answered, overdue before the rest, then by
    priority and deadline. One query carries all a row shows."""
    now = timezone.now()
    return (
        queryset.select_related("person", "from_agency", "to_agency", "consent", "screening")
        .annotate(
            waiting=Case(
                When(status=Referral.Status.SENT, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            late=Case(
                When(status=Referral.Status.SENT, deadline_at__lt=now, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            priority_rank=Case(
                *[When(priority=p.value, then=Value(rank)) for p, rank in PRIORITY_RANK.items()],
                default=Value(9),
                output_field=IntegerField(),
            ),
        )
        .order_by("waiting", "-late", "priority_rank", "deadline_at", "reference")
    )


def overdue_q() -> Q:
    return Q(status=Referral.Status.SENT, deadline_at__lt=timezone.now())


def referral_list(
    user: User, *, box: str = "", status: str = "", overdue: bool = False
) -> QuerySet[Referral]:
    """`box` "in": sent to the user's agency; "out": sent by it; empty: both."""
    queryset = referrals_visible_to(user)
    if box == "in":
        queryset = queryset.filter(to_agency_id=user.agency_id)
    elif box == "out":
        queryset = queryset.filter(from_agency_id=user.agency_id)
    if status:
        queryset = queryset.filter(status=status)
    if overdue:
        queryset = queryset.filter(overdue_q())
    return _for_display(queryset)


def referral_inbox(user: User, **filters: Any) -> QuerySet[Referral]:
    return referral_list(user, box="in", **filters)


def audit_referral_list(user: User, referrals: Any) -> None:
    """A list shows several referrals at once: one row naming every id shown."""
    record_list(user, "referrals.referral", [r.pk for r in referrals], searched=False)


def overdue_for_supervisor(user: User) -> QuerySet[Referral]:
    """Referrals sent by or to a supervisor's agency that are still unanswered after
    their deadline. Only supervisors oversee; anyone else gets nothing."""
    if not role_allows(user, Verb.OVERSEE_REFERRALS):
        return Referral.objects.none()
    return _for_display(referrals_visible_to(user).filter(overdue_q()))


def _load_referral(user: User, referral_id: Any) -> Referral:
    referral: Referral = access_referral_by_id(
        user, referral_id, queryset=_for_display(referrals_visible_to(user))
    )
    return referral


def referral_detail(user: User, referral_id: Any) -> Referral:
    """One referral its sender or receiver may see; the read leaves one audit row."""
    referral = _load_referral(user, referral_id)
    record(user, AuditAction.READ, referral, detail={"person": str(referral.person_id)})
    return referral


def referral_detail_unaudited(user: User, referral_id: Any) -> Referral:
    """The same, to show the result of a write its action has audited already."""
    return _load_referral(user, referral_id)


def referrals_of_person(user: User, person_id: Any) -> QuerySet[Referral]:
    """The person's referrals that the user's agency sent or received."""
    person = access_person_by_id(user, person_id, audit_read=False)
    return _for_display(referrals_visible_to(user).filter(person=person))


# Consents -----------------------------------------------------------------------------


def consent_list(user: User, *, person_id: Any = None) -> QuerySet[Consent]:
    queryset = (
        consents_visible_to(user)
        .select_related("person", "to_agency", "recorded_by")
        .order_by("-recorded_at", "id")
    )
    if person_id:
        person = access_person_by_id(user, person_id, audit_read=False)
        queryset = queryset.filter(person=person)
    return queryset


def audit_consent_list(user: User, consents: Any) -> None:
    record_list(user, "referrals.consent", [c.pk for c in consents], searched=False)


def _load_consent(user: User, consent_id: Any) -> Consent:
    consent: Consent = access_consent_by_id(user, consent_id)
    return consent


def consent_detail(user: User, consent_id: Any) -> Consent:
    consent = _load_consent(user, consent_id)
    record(user, AuditAction.READ, consent, detail={"person": str(consent.person_id)})
    return consent


def consent_detail_unaudited(user: User, consent_id: Any) -> Consent:
    return _load_consent(user, consent_id)


def require_supervisor(user: User) -> None:
    require(user, Verb.OVERSEE_REFERRALS)
