"""Reads of households, through the access gate."""

from __future__ import annotations

import uuid
from typing import Any

from crossroads.access.gate import persons_visible_to, require_role
from crossroads.accounts.models import User
from crossroads.audit.writer import record_list
from crossroads.core.exceptions import NotFound

from .models import Household, HouseholdMember


def household_detail(user: User, household_id: Any) -> tuple[Household, list[HouseholdMember]]:
    """A household and those of its members the user may see; none visible is 404, like a
    household that does not exist. The list is audited, naming the people shown."""
    require_role(user, "view_person")
    try:
        pk = uuid.UUID(str(household_id))
    except ValueError:
        raise NotFound() from None
    household = Household.objects.filter(pk=pk).first()
    if household is None:
        raise NotFound()
    members = list(
        HouseholdMember.objects.filter(
            household=household, person__in=persons_visible_to(user).values("pk")
        ).select_related("person")
    )
    if not members:
        raise NotFound()
    record_list(user, "registry.person", [m.person_id for m in members], searched=False)
    return household, members
