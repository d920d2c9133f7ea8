"""The one access gate: who may see and change which person.

Each rule is written once and serves both the list filter (`visible_persons_q`) and the
one-object check (`can`), so a list and a detail page never disagree. "Not yours" raises
the same `NotFound` as "does not exist"; a role that may not do a kind of thing at all
raises `Forbidden`.

The rules:
- Records never cross a state border: a user sees only people of their agency's state,
  whatever their role (admins included).
- Within the state, an agency sees the people it registered and those referred or
  transferred to it (`PersonAccess`); a partner (NGO, UNHCR, IOM) only the latter.
- Analysts and administrators see no individual at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from crossroads.accounts.models import Agency, User
from crossroads.accounts.vocab import Role
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import NotFound

from .models import GrantReason, PersonAccess
from .policy import ROLE_VERBS, Verb, parse_id, refuse, require, role_allows

if TYPE_CHECKING:
    from crossroads.registry.models import Person

__all__ = [
    "ROLE_VERBS",
    "Verb",
    "access_person_by_id",
    "can",
    "grant_access",
    "persons_visible_to",
    "require_role",
    "role_allows",
    "visible_persons_q",
]

# Verbs that are about one person: `can` answers them only for a person.
OBJECT_VERBS = frozenset(
    {Verb.VIEW_PERSON, Verb.CHANGE_PERSON, Verb.VIEW_SENSITIVE, Verb.VIEW_AUDIT}
)


def _granting_reasons(user: User) -> list[str]:
    if user.has_role(Role.OFFICER, Role.CASEWORKER, Role.SUPERVISOR):
        return [
            GrantReason.REGISTERED,
            GrantReason.REFERRAL,
            GrantReason.TRANSFER,
            GrantReason.REQUEST,
        ]
    return [GrantReason.REFERRAL, GrantReason.TRANSFER]


def _grants(user: User) -> QuerySet[PersonAccess]:
    """The user's agency's live grants: the rows the gate reads, through the partial index
    `access_live_grant` (person, agency, reason where not revoked)."""
    return PersonAccess.objects.filter(
        agency_id=user.home_agency_id,
        revoked_at__isnull=True,
        reason__in=_granting_reasons(user),
    )


def visible_persons_q(user: User, *, prefix: str = "") -> Q:
    """The people `user` may see, as a filter on `Person` (or, with `prefix`, on a model
    that points to one: `prefix="person"` filters screenings, cases and referrals by their
    person's visibility without a subquery over the register).

    The grant is a correlated `EXISTS` on the outer row's person: one index probe per row
    the query actually reads, never a list of every person the agency may see."""
    if not role_allows(user, "view_person"):
        return Q(pk__in=[])
    path = f"{prefix}__" if prefix else ""
    grant = Exists(_grants(user).filter(person_id=OuterRef(prefix or "pk")))
    return Q(**{f"{path}country_id": user.home_country_id, f"{path}merged_into__isnull": True}) & Q(
        grant
    )


def persons_visible_to(user: User) -> QuerySet[Person]:
    from crossroads.registry.models import Person

    return Person.objects.filter(visible_persons_q(user))


def can(user: User, verb: str, person: Person | None = None) -> bool:
    """The one-object check: the same rules as `visible_persons_q`, one index probe."""
    if not role_allows(user, verb):
        return False
    if person is None:
        return verb not in OBJECT_VERBS
    if person.country_id != user.home_country_id or person.merged_into_id is not None:
        return False
    return _grants(user).filter(person_id=person.pk).exists()


require_role = require


def access_person_by_id(
    user: User,
    person_id: Any,
    *,
    verb: str = "view_person",
    for_update: bool = False,
    audit_read: bool = True,
) -> Person:
    """Loads and authorises in one step, so no caller holds a person it may not see.

    A successful read (`view_person`) leaves exactly one audit row; a refused one leaves
    a `denied` row, and answers exactly as if the person did not exist."""
    require(user, verb)
    pk = parse_id(person_id)
    queryset = persons_visible_to(user).select_related(
        "country", "registering_agency", "registered_by"
    )
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    person = queryset.filter(pk=pk).first()
    if person is None:
        refuse(user, "registry.person", pk)
    if verb in {"view_person", "view_sensitive"} and audit_read:
        record(user, AuditAction.READ, person)
    return person


def grant_access(
    person: Person, agency: Agency, reason: str, *, granted_by: User | None
) -> PersonAccess:
    """Called only by actions (registration, referral, transfer), inside their transaction."""
    if agency.country_id != person.country_id:
        # Records never leave their state: an agency of another state cannot be granted.
        raise NotFound()
    grant, _created = PersonAccess.objects.get_or_create(
        person=person,
        agency=agency,
        reason=reason,
        revoked_at=None,
        defaults={"granted_by": granted_by},
    )
    return grant
