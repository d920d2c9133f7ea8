"""Registering a household in one go: every member through the register's own
`register_person`, the family links and the household row, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from crossroads.access.gate import require_role
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import InvalidInput
from crossroads.registry.actions import PersonData, register_person
from crossroads.registry.models import Person
from crossroads.registry.vocab import INVERSE_RELATION, Relation

from .models import Household, HouseholdMember, Relationship

MAX_MEMBERS = 16  # the person in charge and up to 15 members (issue 13)

# Members who share this relationship to the person in charge are siblings of each other.
SIBLINGS_AMONG = {Relationship.CHILD, Relationship.SIBLING}


@dataclass
class MemberData:
    relationship: str
    person: PersonData


def check_members(members: list[MemberData]) -> None:
    """The household's own rules (each member's fields are checked by the form or the
    serializer): exactly one person in charge, first or not, and at most 16 people."""
    heads = [m for m in members if m.relationship == Relationship.HEAD]
    if not members:
        raise InvalidInput({"members": [_("A household needs at least its person in charge.")]})
    if len(members) > MAX_MEMBERS:
        raise InvalidInput(
            {
                "members": [
                    _("At most %(n)d people in one household (the person in charge and 15).")
                    % {"n": MAX_MEMBERS}
                ]
            }
        )
    if len(heads) != 1:
        raise InvalidInput(
            {"members": [_("Exactly one member must be the person in charge (head).")]}
        )


def register_household(*, acting_user: User, members: list[MemberData]) -> Household:
    """Registers the person in charge and every member, links each to the person in charge
    (and children, or siblings, to each other) and makes the household: all or nothing.

    Answers the household with `people` (in the order given) and, on each person,
    `possible_duplicates`: those possibly registered before, other than this household's
    own members."""
    require_role(acting_user, "register_person")
    check_members(members)
    ordered = sorted(enumerate(members), key=lambda item: item[1].relationship != Relationship.HEAD)
    agency = acting_user.home_agency
    with transaction.atomic():
        household = Household.objects.create(
            country_id=acting_user.home_country_id,
            registering_agency=agency,
            registered_by=acting_user,
        )
        head: Person | None = None
        by_relationship: dict[str, list[Person]] = {}
        people: dict[int, Person] = {}
        for position, member in ordered:
            links: list[dict[str, Any]] = []
            if head is not None:
                # FamilyLink reads "the member's <relation> is the person in charge".
                relation = INVERSE_RELATION[Relation(member.relationship)]
                links.append({"relative": head.pk, "relation": relation})
                if member.relationship in SIBLINGS_AMONG:
                    links += [
                        {"relative": other.pk, "relation": Relation.SIBLING}
                        for other in by_relationship.get(member.relationship, [])
                    ]
            data = member.person
            data.family_links = [*(data.family_links or []), *links]
            person = register_person(acting_user=acting_user, data=data)
            if head is None:
                head = person
            by_relationship.setdefault(member.relationship, []).append(person)
            people[position] = person
            HouseholdMember.objects.create(
                household=household,
                person=person,
                relationship=member.relationship,
                position=position,
            )
        own = {p.pk for p in people.values()}
        for person in people.values():
            found = getattr(person, "possible_duplicates", [])
            person.possible_duplicates = [  # type: ignore[attr-defined]
                f for f in found if f.person.pk not in own
            ]
        record(
            acting_user,
            AuditAction.CREATE,
            household,
            detail={"members": len(people), "people": [str(p.pk) for p in people.values()]},
        )
    household.people = [people[i] for i in sorted(people)]  # type: ignore[attr-defined]
    return household
