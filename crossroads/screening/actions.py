"""Screening a person at first contact."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.access.gate import access_person_by_id
from crossroads.access.loaders import access_safeguard_for_lifting
from crossroads.access.policy import Verb, require, role_allows
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Forbidden, InvalidInput
from crossroads.core.models import next_reference
from crossroads.engines.screening import (
    InvalidRecord,
    Safeguard,
    default_registry,
    screen,
    screen_with_guidance,
)

from .models import PersonSafeguard, Screening


def evaluate(record_data: Any) -> dict[str, Any]:
    """The engine's result for a record, without saving anything (the preview the
    officer sees before saving). Invalid input becomes field errors under `record.`."""
    if not isinstance(record_data, dict):
        raise InvalidInput({"record": [_("The screening record must be a JSON object.")]})
    try:
        return screen(record_data)
    except InvalidRecord as exc:
        raise InvalidInput({f"record.{exc.field}": [exc.message]}) from None


def officer_guidance(record_data: Any) -> list[dict[str, str]]:
    """What the state's law tells the officer in this situation (the pack's guidance,
    with its source), shown beside a result and never part of it."""
    try:
        return screen_with_guidance(record_data)[1]
    except (InvalidRecord, TypeError, AttributeError):
        return []


def screen_person(*, acting_user: User, person_id: Any, record_data: Any) -> Screening:
    """Screens a person the user may work on, in the user's own state, and sets on the
    person every safeguard the result names (a safeguard already standing is kept)."""
    require(acting_user, Verb.SCREEN_PERSON)
    with transaction.atomic():
        person = access_person_by_id(acting_user, person_id, verb="change_person", for_update=True)
        result = evaluate(record_data)
        if record_data.get("country") != person.country_id:
            raise InvalidInput(
                {
                    "record.country": [
                        _("A person registered in %(state)s is screened in %(state)s.")
                        % {"state": person.country_id}
                    ]
                }
            )
        screening = Screening.objects.create(
            reference=next_reference(person.country_id),
            person=person,
            country_id=person.country_id,
            agency=acting_user.home_agency,
            screened_by=acting_user,
            record=record_data,
            result=result,
            pack_version=result["pack"]["version"],
        )
        _set_safeguards(person, screening, result)
        record(
            acting_user,
            AuditAction.CREATE,
            screening,
            detail={"person": str(person.pk), "pack": screening.pack_version},
        )
    return screening


def _set_safeguards(person: Any, screening: Screening, result: dict[str, Any]) -> None:
    pack = default_registry().pack_for(
        person.country_id, dt.date.fromisoformat(screening.record["date"])
    )
    for item in result["safeguards"]:
        ends_at = None
        if item["code"] == Safeguard.REFLECTION_PERIOD:
            ends_at = timezone.now() + dt.timedelta(days=pack.reflection_period_days)
        _place(person, item["code"], because=item["because"], screening=screening, ends_at=ends_at)


def _place(
    person: Any,
    code: str,
    *,
    because: list[str],
    screening: Screening | None = None,
    ends_at: dt.datetime | None = None,
) -> PersonSafeguard | None:
    """Sets a safeguard unless one of the same code already stands; a standing one with an
    end is carried to the later end, so a second decision never shortens a protection."""
    standing = PersonSafeguard.objects.filter(person=person, code=code).active().first()
    if standing is None:
        return PersonSafeguard.objects.create(
            person=person, code=code, because=because, screening=screening, ends_at=ends_at
        )
    if standing.ends_at is not None and (ends_at is None or ends_at > standing.ends_at):
        standing.ends_at = ends_at
        standing.because = [*standing.because, *because]
        standing.save(update_fields=["ends_at", "because"])
        return standing
    return None


def place_safeguard(
    *,
    acting_user: User,
    person: Any,
    code: str,
    because: list[str],
    ends_at: dt.datetime | None = None,
) -> PersonSafeguard | None:
    """Sets a safeguard by a decision made outside a screening, e.g. the reflection period
    that a trafficking-assistance case starts (screening.md section 3: no return while it
    runs). Called by other actions inside their transaction, after their access check;
    writes its own audit row. Returns the safeguard set or extended, or None when one
    already stood unchanged."""
    if code not in {s.value for s in Safeguard}:
        raise InvalidInput({"code": [_("Unknown safeguard.")]})
    placed = _place(person, code, because=because, ends_at=ends_at)
    if placed is not None:
        record(
            acting_user,
            AuditAction.CREATE,
            placed,
            detail={"person": str(person.pk), "placed": code},
        )
    return placed


def lift_safeguard(
    *, acting_user: User, safeguard_id: Any, reason: str, decision: str = ""
) -> PersonSafeguard:
    """Lifts a safeguard by a recorded decision of a supervisor who may see the person."""
    if not role_allows(acting_user, Verb.LIFT_SAFEGUARD):
        raise Forbidden(_("Only a supervisor may lift a safeguard."))
    if not (reason or "").strip():
        raise InvalidInput({"reason": [_("Give the reasons for lifting the safeguard.")]})
    with transaction.atomic():
        safeguard = access_safeguard_for_lifting(acting_user, safeguard_id)
        access_person_by_id(
            acting_user, safeguard.person_id, verb="change_person", audit_read=False
        )
        if not safeguard.is_active:
            from crossroads.core.exceptions import Conflict

            raise Conflict(_("This safeguard is no longer active."))
        safeguard.lifted_at = timezone.now()
        safeguard.lifted_by = acting_user
        safeguard.lift_reason = reason.strip()
        safeguard.lift_decision = decision.strip()
        safeguard.save()
        record(
            acting_user,
            AuditAction.UPDATE,
            safeguard,
            detail={"person": str(safeguard.person_id), "lifted": safeguard.code},
        )
    return safeguard
