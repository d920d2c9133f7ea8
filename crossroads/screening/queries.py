"""Reads of screenings and safeguards, each starting from the access gate."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from crossroads.access.gate import access_person_by_id, role_allows, visible_persons_q
from crossroads.access.loaders import access_screening_by_id
from crossroads.access.policy import id_or_none, parse_id, refuse
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.engines.screening import default_registry

from .models import PersonSafeguard, Screening


def screenings_visible_to(user: User, *, person_id: Any = None) -> QuerySet[Screening]:
    """Screenings of the people `user` may see, newest first; a fixed number of queries.
    None for roles that may not see health, violence and exploitation details (partners):
    a screening is full of them."""
    if not role_allows(user, "view_sensitive"):
        return Screening.objects.none()
    queryset = Screening.objects.filter(visible_persons_q(user, prefix="person")).select_related(
        "person"
    )
    if person_id is not None:
        pk = id_or_none(person_id)
        queryset = queryset.filter(person_id=pk) if pk else queryset.none()
    return queryset.order_by("-screened_at", "-id")


def screening_detail(user: User, screening_id: Any, *, audit_read: bool = True) -> Screening:
    """One screening of a person the user may see. The read leaves one audit row, on the
    person's trail, naming the screening; "not yours" is the same 404 as "no such"."""
    screening: Screening = access_screening_by_id(user, screening_id)
    person = access_person_by_id(user, screening.person_id, verb="view_sensitive", audit_read=False)
    if audit_read:
        record(
            user,
            AuditAction.READ,
            person,
            detail={"screening": str(screening.pk)},
        )
    return screening


def pack_of(screening: Screening) -> dict[str, Any]:
    """The pack that decided: as the result names it, with the pack's title."""
    header = dict(screening.result.get("pack") or {})
    try:
        pack = default_registry().pack_for(
            header.get("country", ""), dt.date.fromisoformat(header.get("effective_from", ""))
        )
        header["name"] = pack.name
    except Exception:  # a pack withdrawn since: the header the result names still stands
        header.setdefault("name", "")
    return header


def screenings_of_person(user: User, person: Any) -> list[Screening]:
    """For the person page: the caller has loaded (and audited) the person through the gate."""
    return list(screenings_visible_to(user, person_id=person.pk)[:50])


def active_safeguards_of_person(user: User, person: Any) -> list[PersonSafeguard]:
    return list(
        PersonSafeguard.objects.filter(visible_persons_q(user, prefix="person"), person=person)
        .active()
        .select_related("screening")
        .order_by("code", "started_at")
    )


def safeguard_of_person_visible_to(user: User, safeguard_id: Any) -> PersonSafeguard:
    pk = parse_id(safeguard_id)
    safeguard = PersonSafeguard.objects.filter(
        visible_persons_q(user, prefix="person"), pk=pk
    ).first()
    if safeguard is None:
        refuse(user, "screening.personsafeguard", pk)
    access_person_by_id(user, safeguard.person_id, audit_read=False)
    return safeguard


def referrals_of_screening(screening: Screening) -> list[Any]:
    """The referrals sent from this screening (the caller has read it through the gate)."""
    return list(screening.referrals.select_related("to_agency").order_by("deadline_at", "pathway"))
