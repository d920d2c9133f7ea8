"""What users see of identity matching, always through the access gate."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from crossroads.access.gate import persons_visible_to, require_role, visible_persons_q
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.engines.identity import PersonRecord

from .matching import Found, find_candidates
from .models import DuplicateCandidate


def describe_candidates(user: User, found: list[Found]) -> list[dict[str, Any]]:
    """Candidates as the user may see them: a person the user may see in full, with why
    each part matched; one the user may not see only as "a likely earlier registration
    at agency X" (never its reference, date, names or which parts agreed), which the
    user may ask that agency to open to them (an access request)."""
    ids = [f.person.pk for f in found]
    visible = set(persons_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    shown = []
    for f in found:
        person = f.person
        if person.pk not in visible:
            # Only that a likely earlier registration exists, and where: the user may ask
            # that agency for access (access-requests/), never see the record itself. An
            # unlikely one says nothing at all.
            if not f.match.is_match:
                continue
            shown.append(
                {
                    "visible": False,
                    "id": str(person.pk),
                    "registering_agency": person.registering_agency.name,
                    "registering_agency_id": str(person.registering_agency_id),
                    "same_person": True,
                }
            )
            continue
        item: dict[str, Any] = {
            "reference": person.reference,
            "registering_agency": person.registering_agency.name,
            "registering_agency_id": str(person.registering_agency_id),
            "registered_at": person.registered_at.isoformat(),
            "probability": round(f.match.probability, 4),
            "same_person": f.match.is_match,
            "agreement": dict(f.match.levels),
            "visible": True,
        }
        item.update(
            {
                "id": str(person.pk),
                "given_name": person.given_name,
                "family_name": person.family_name,
                "patronymic": person.patronymic,
                "birth_date": person.birth_date,
                "sex": person.sex,
                "nationalities": person.nationalities,
                "explanation": dict(f.match.explanation),
            }
        )
        shown.append(item)
    if shown:
        record(
            user,
            AuditAction.SEARCH,
            object_type="registry.person",
            detail={"check": "possible_duplicates", "ids": [str(i) for i in ids]},
        )
    return shown


def possibly_registered_before(
    user: User, queries: list[PersonRecord], *, exclude: list[Any] | None = None, top: int = 10
) -> list[dict[str, Any]]:
    require_role(user, "register_person")
    found = find_candidates(user.home_country_id, queries, exclude=exclude or [], top=top)
    return describe_candidates(user, found)


def review_queue(user: User) -> QuerySet[DuplicateCandidate]:
    """Open candidate pairs whose two records the supervisor may both see."""
    require_role(user, "review_duplicates")
    return (
        DuplicateCandidate.objects.filter(
            visible_persons_q(user, prefix="person_a"),
            visible_persons_q(user, prefix="person_b"),
            status=DuplicateCandidate.Status.OPEN,
        )
        .select_related(
            "person_a", "person_b", "person_a__registering_agency", "person_b__registering_agency"
        )
        .order_by("-probability", "found_at")
    )
