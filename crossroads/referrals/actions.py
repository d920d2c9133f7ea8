"""Sending, answering and consenting: every step checked against the access gate, the
consent rules and the safeguard check, in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.access.gate import access_person_by_id, grant_access
from crossroads.access.loaders import access_consent_by_id, access_referral_for_answer
from crossroads.access.models import GrantReason
from crossroads.access.policy import (
    Verb,
    is_state_body,
    may_answer_referral,
    may_record_best_interests,
    require,
)
from crossroads.accounts.models import Agency, User
from crossroads.accounts.routing import deadline_hours, default_agency_for_pathway
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, Forbidden, InvalidInput, NotFound
from crossroads.core.models import next_reference
from crossroads.engines.screening import GuardedAction, Pathway
from crossroads.engines.screening.vocab import RETURN_PATHWAYS
from crossroads.screening.children import appears_child
from crossroads.screening.models import Screening
from crossroads.screening.safeguards import (
    active_safeguard_codes,
    refuse_if_blocked,
    refuse_if_origin_authority,
)

from .models import Basis, Consent, GivenBy, Referral


def _agency(agency_id: Any, country: str) -> Agency:
    agency = Agency.objects.filter(pk=agency_id, active=True).first() if agency_id else None
    if agency is None or agency.country_id != country:
        # An agency of another state is, for this person, an agency that does not exist.
        raise InvalidInput({"to_agency": [_("No such agency in this state.")]})
    return agency


def usable_consent(person: Any, agency: Agency, pathway: str) -> Consent | None:
    for consent in Consent.objects.filter(
        person=person, to_agency=agency, withdrawn_at__isnull=True
    ):
        if consent.covers(pathway):
            return consent
    return None


def send_referral(
    *,
    acting_user: User,
    person_id: Any,
    pathway: str,
    priority: str,
    needs: list[str] | None = None,
    to_agency_id: Any = None,
    screening_id: Any = None,
    note: str = "",
) -> Referral:
    """Sends a referral. Refused (409, with the reason) without consent or a lawful basis
    for a non-state partner, to the mission of the person's country of origin while
    non-refoulement stands, or for a return pathway while a safeguard blocks return."""
    require(acting_user, Verb.SEND_REFERRAL)
    with transaction.atomic():
        person = access_person_by_id(
            acting_user, person_id, verb="change_person", for_update=True, audit_read=False
        )
        if pathway not in Pathway.__members__.values():
            raise InvalidInput({"pathway": [_("Unknown pathway.")]})
        screening = None
        if screening_id:
            screening = Screening.objects.filter(pk=screening_id, person=person).first()
            if screening is None:
                raise InvalidInput({"screening": [_("No such screening of this person.")]})
        agency = (
            _agency(to_agency_id, person.country_id)
            if to_agency_id
            else default_agency_for_pathway(person.country_id, pathway)
        )
        if agency is None:
            raise InvalidInput(
                {"to_agency": [_("No agency in this state receives this pathway; choose one.")]}
            )
        if pathway in RETURN_PATHWAYS:
            refuse_if_blocked(person, GuardedAction.OPEN_RETURN_CASE)
        refuse_if_origin_authority(person, agency)
        consent = None
        if not is_state_body(agency):
            consent = usable_consent(person, agency, pathway)
            if consent is None:
                raise Conflict(
                    _(
                        "%(agency)s is not a state body: record the person's consent "
                        "(or a lawful basis) to share with it for this purpose "
                        "first."
                    )
                    % {"agency": agency.name}
                )
        hours = deadline_hours(person.country_id, priority)
        referral = Referral.objects.create(
            reference=next_reference(person.country_id),
            person=person,
            screening=screening,
            pathway=pathway,
            needs=sorted(needs or []),
            safeguards=active_safeguard_codes(person),
            priority=priority,
            deadline_at=timezone.now() + dt.timedelta(hours=hours),
            from_agency=acting_user.home_agency,
            to_agency=agency,
            sent_by=acting_user,
            consent=consent,
            note=note,
        )
        grant_access(person, agency, GrantReason.REFERRAL, granted_by=acting_user)
        record(
            acting_user,
            AuditAction.CREATE,
            referral,
            detail={"person": str(person.pk), "pathway": pathway, "to_agency": str(agency.pk)},
        )
    return referral


def send_screening_referrals(
    *, acting_user: User, screening_id: Any, agencies: dict[str, Any] | None = None
) -> list[Referral]:
    """Sends every referral of a screening's result. Those that cannot go yet (a partner
    without consent) are refused together: nothing is half-sent."""
    screening = Screening.objects.filter(pk=screening_id).first()
    if screening is None:
        raise NotFound()
    access_person_by_id(acting_user, screening.person_id, verb="change_person", audit_read=False)
    with transaction.atomic():
        return [
            send_referral(
                acting_user=acting_user,
                person_id=screening.person_id,
                pathway=item["pathway"],
                priority=item["priority"],
                needs=item["needs"],
                to_agency_id=(agencies or {}).get(item["pathway"]),
                screening_id=screening.pk,
            )
            for item in screening.result["referrals"]
        ]


__all__ = ["may_answer_referral"]  # the policy's rule, re-exported for the pages


def _referral_for_receiver(acting_user: User, referral_id: Any) -> Referral:
    referral: Referral = access_referral_for_answer(acting_user, referral_id)
    return referral


def _check_answerable(referral: Referral, version: int | None) -> None:
    if referral.status != Referral.Status.SENT:
        raise Conflict(_("This referral has already been answered."))
    if version is not None and version != referral.version:
        raise Conflict(_("This referral has changed since you read it."))


def accept_referral(*, acting_user: User, referral_id: Any, version: int | None = None) -> Referral:
    with transaction.atomic():
        referral = _referral_for_receiver(acting_user, referral_id)
        _check_answerable(referral, version)
        referral.status = Referral.Status.ACCEPTED
        referral.answered_by = acting_user
        referral.answered_at = timezone.now()
        referral.version += 1
        referral.save()
        record(acting_user, AuditAction.UPDATE, referral, detail={"status": "accepted"})
    return referral


def decline_referral(
    *, acting_user: User, referral_id: Any, reason: str, version: int | None = None
) -> Referral:
    if not (reason or "").strip():
        raise InvalidInput({"reason": [_("Give the reason for declining.")]})
    with transaction.atomic():
        referral = _referral_for_receiver(acting_user, referral_id)
        _check_answerable(referral, version)
        referral.status = Referral.Status.DECLINED
        referral.answered_by = acting_user
        referral.answered_at = timezone.now()
        referral.decline_reason = reason.strip()
        referral.version += 1
        referral.save()
        revoked = _revoke_if_no_longer_needed(referral)
        record(
            acting_user,
            AuditAction.UPDATE,
            referral,
            detail={"status": "declined", "access_revoked": revoked},
        )
    return referral


def _revoke_if_no_longer_needed(referral: Referral) -> bool:
    """An agency that declined sees the person no longer, unless another referral it has
    not declined still brings them to it: data is seen only by those who work on them."""
    from crossroads.access.models import PersonAccess

    still_needed = Referral.objects.filter(
        person_id=referral.person_id,
        to_agency_id=referral.to_agency_id,
        status__in=[Referral.Status.SENT, Referral.Status.ACCEPTED],
    ).exists()
    if still_needed:
        return False
    return bool(
        PersonAccess.objects.filter(
            person_id=referral.person_id,
            agency_id=referral.to_agency_id,
            reason=GrantReason.REFERRAL,
            revoked_at__isnull=True,
        ).update(revoked_at=timezone.now())
    )


def record_consent(
    *,
    acting_user: User,
    person_id: Any,
    to_agency_id: Any,
    purposes: list[str],
    given_by: str,
    given_on: dt.date,
    basis: str = Basis.CONSENT,
    given_by_name: str = "",
    shares_sensitive: bool = False,
) -> Consent:
    """Records consent, or a lawful basis: `child_best_interests` only by the
    child-protection authority, `vital_interests` only for medical care."""
    require(acting_user, Verb.RECORD_CONSENT)
    with transaction.atomic():
        person = access_person_by_id(acting_user, person_id, verb="change_person", audit_read=False)
        agency = _agency(to_agency_id, person.country_id)
        if is_state_body(agency):
            raise InvalidInput(
                {"to_agency": [_("A state body needs no consent: the law is the basis.")]}
            )
        unknown = [p for p in purposes if p not in Pathway.__members__.values()]
        if not purposes or unknown:
            raise InvalidInput({"purposes": [_("Name the pathways the consent is for.")]})
        if basis == Basis.CHILD_BEST_INTERESTS and not may_record_best_interests(acting_user):
            raise Forbidden(
                _("Only the child-protection authority decides a child's best interests.")
            )
        if basis == Basis.VITAL_INTERESTS and set(purposes) - {Pathway.MEDICAL_CARE}:
            raise InvalidInput({"purposes": [_("Vital interests cover medical care only.")]})
        if basis == Basis.CONSENT and given_by == GivenBy.AUTHORITY:
            raise InvalidInput(
                {"given_by": [_("Consent is given by the person, a parent or a guardian.")]}
            )
        if basis == Basis.CONSENT and given_by == GivenBy.PERSON and appears_child(person):
            # screening.md section 6: for a child, consent is given by a parent or guardian
            # (or the child-protection authority records the child's best interests).
            raise InvalidInput(
                {
                    "given_by": [
                        _(
                            "For a child, consent is given by a parent or a guardian, or the "
                            "child-protection authority records the child's best interests."
                        )
                    ]
                }
            )
        consent = Consent.objects.create(
            person=person,
            to_agency=agency,
            purposes=sorted(set(purposes)),
            basis=basis,
            given_by=given_by,
            given_by_name=given_by_name,
            given_on=given_on,
            shares_sensitive=shares_sensitive,
            recorded_by=acting_user,
        )
        record(
            acting_user,
            AuditAction.CREATE,
            consent,
            detail={"person": str(person.pk), "basis": basis},
        )
    return consent


def withdraw_consent(*, acting_user: User, consent_id: Any) -> Consent:
    """Withdraws a consent. What it carried ends at once: unless another consent in force
    still covers the agency, the agency no longer sees the person, their referrals,
    screening details or cases (its access grants are revoked, audited). What the agency
    had already received stays listed for the person's file (`received_under`)."""
    require(acting_user, Verb.RECORD_CONSENT)
    with transaction.atomic():
        consent: Consent = access_consent_by_id(acting_user, consent_id, for_change=True)
        access_person_by_id(acting_user, consent.person_id, verb="change_person", audit_read=False)
        if consent.withdrawn_at is not None:
            raise Conflict(_("This consent has already been withdrawn."))
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_by = acting_user
        consent.save()
        revoked = _revoke_if_no_consent_left(consent)
        record(
            acting_user,
            AuditAction.UPDATE,
            consent,
            detail={"withdrawn": True, "access_revoked": revoked},
        )
    return consent


def _revoke_if_no_consent_left(consent: Consent) -> int:
    """The grants that only this consent justified: those of a non-state agency that has
    no other consent in force for the person. Returns how many were revoked."""
    from crossroads.access.models import PersonAccess

    if Consent.objects.filter(
        person_id=consent.person_id, to_agency_id=consent.to_agency_id, withdrawn_at__isnull=True
    ).exists():
        return 0
    return PersonAccess.objects.filter(
        person_id=consent.person_id,
        agency_id=consent.to_agency_id,
        reason__in=[GrantReason.REFERRAL, GrantReason.TRANSFER],
        revoked_at__isnull=True,
    ).update(revoked_at=timezone.now())


def received_under(consent: Consent) -> list[dict[str, Any]]:
    """What the agency received about the person while it had consent: the referrals sent
    to it and the exports made to it, oldest first, for the person's file."""
    from crossroads.audit.models import AuditEvent

    items: list[dict[str, Any]] = [
        {"kind": "referral", "reference": r.reference, "at": r.sent_at}
        for r in Referral.objects.filter(
            person_id=consent.person_id, to_agency_id=consent.to_agency_id
        ).order_by("sent_at")
    ]
    items += [
        {"kind": "export", "reference": "", "at": e.at}
        for e in AuditEvent.objects.filter(
            action=AuditAction.EXPORT,
            object_type="registry.person",
            object_id=str(consent.person_id),
            detail__recipient=str(consent.to_agency_id),
        ).order_by("at")
    ]
    return sorted(items, key=lambda item: item["at"])
