"""Declaring an influx and screening people with the short questions while it runs."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.access.gate import access_person_by_id, require_role
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import InvalidInput, NotFound
from crossroads.engines.screening import Priority, default_registry
from crossroads.screening.actions import screen_person

from .forms import ShortScreeningForm
from .models import Influx, ShortScreening

MAX_DAYS = 366  # an influx is declared for a period, not for ever; declare another after
PRIORITY_ORDER = ("emergency", "urgent", "high", "normal")


def declare_influx(
    *, acting_user: User, location: str, location_kind: str, starts: dt.date, ends: dt.date
) -> Influx:
    """A supervisor declares an influx at a location of their state for a period."""
    require_role(acting_user, "declare_influx")
    require_role(acting_user, "register_person")
    location = (location or "").strip()
    errors: dict[str, list[str]] = {}
    if not location:
        errors["location"] = [_("This field is required.")]
    if ends < starts:
        errors["ends"] = [_("The end is before the start.")]
    elif (ends - starts).days > MAX_DAYS:
        errors["ends"] = [_("An influx is declared for at most a year; declare another after.")]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        influx = Influx.objects.create(
            country_id=acting_user.home_country_id,
            location=location,
            location_kind=location_kind,
            starts=starts,
            ends=ends,
            declared_by=acting_user,
            agency=acting_user.home_agency,
        )
        record(
            acting_user,
            AuditAction.CREATE,
            influx,
            detail={"starts": starts.isoformat(), "ends": ends.isoformat()},
        )
    return influx


def running_influxes(user: User, on: dt.date | None = None) -> list[Influx]:
    """The influxes of the user's state running on `on` (today)."""
    require_role(user, "register_person")
    on = on or timezone.localdate()
    return list(
        Influx.objects.filter(
            country_id=user.home_country_id, starts__lte=on, ends__gte=on
        ).order_by("location")
    )


def access_influx_by_id(user: User, influx_id: Any) -> Influx:
    """An influx of the user's state; any other is 404, like one that does not exist."""
    require_role(user, "register_person")
    try:
        pk = uuid.UUID(str(influx_id))
    except ValueError:
        raise NotFound() from None
    influx = Influx.objects.filter(pk=pk, country_id=user.home_country_id).first()
    if influx is None:
        raise NotFound()
    return influx


def _full_due(result: dict[str, Any], country: str, on: dt.date) -> tuple[dt.datetime, str]:
    """The full screening is due within the pack's deadline for the most urgent referral
    the short screening found, or its `normal` deadline when it found none."""
    pack = default_registry().pack_for(country, on)
    priorities = [r["priority"] for r in result.get("referrals", [])]
    priority = next((p for p in PRIORITY_ORDER if p in priorities), "")
    hours = (
        min(r["deadline_hours"] for r in result["referrals"] if r["priority"] == priority)
        if priority
        else pack.deadlines[Priority.NORMAL]
    )
    return timezone.now() + dt.timedelta(hours=hours), priority


def short_screen(
    *, acting_user: User, person_id: Any, influx_id: Any, form: ShortScreeningForm
) -> ShortScreening:
    """Screens a person with the short questions of a running influx (through the one
    screening action, so safeguards are set as by any screening) and puts them in the
    queue for the full screening."""
    require_role(acting_user, "change_person")
    influx = access_influx_by_id(acting_user, influx_id)
    today = timezone.localdate()
    if not influx.starts <= today <= influx.ends:
        raise InvalidInput({"influx": [_("This influx is not running today.")]})
    if not form.is_valid():
        raise InvalidInput({k: [str(m) for m in v] for k, v in form.errors.items()})
    with transaction.atomic():
        person = access_person_by_id(acting_user, person_id, verb="change_person")
        screening = screen_person(
            acting_user=acting_user, person_id=person.pk, record_data=form.to_record(influx)
        )
        due, priority = _full_due(screening.result, influx.country_id, today)
        short = ShortScreening.objects.create(
            influx=influx,
            person=person,
            screening=screening,
            screened_by=acting_user,
            full_due=due,
            priority=priority,
            fear_of_return=form.cleaned_data.get("fear_of_return") or "",
            child_alone=bool(form.cleaned_data.get("child_alone")),
            medical_urgent=bool(form.cleaned_data.get("medical_urgent")),
            trafficking_signs=form.trafficking_signs(),
        )
        record(
            acting_user,
            AuditAction.CREATE,
            short,
            detail={"person": str(person.pk), "influx": str(influx.pk), "priority": priority},
        )
    return short
