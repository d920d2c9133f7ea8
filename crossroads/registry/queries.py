"""Reads of the register, each starting from the access gate."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from crossroads.access.gate import access_person_by_id, persons_visible_to
from crossroads.accounts.models import User

from .models import FamilyLink, IdentityDocument, Person, PersonName
from .search import name_query_q

# `?ordering=` values the API allows; newest first unless asked otherwise.
ORDERINGS = (
    "registered_at",
    "reference",
    "family_name",
    "given_name",
    "birth_date",
)
DEFAULT_ORDERING = "-registered_at"


def person_list(
    user: User,
    *,
    q: str = "",
    filters: dict[str, Any] | None = None,
    ordering: str = DEFAULT_ORDERING,
) -> QuerySet[Person]:
    """The people a user may see, optionally searched by name in any script and filtered
    by field (`sex`, `nationalities`, `languages`, `registering_agency`, `name_script`,
    `birth_date_precision`; a list field matches when it holds the code). The rows carry
    what a list shows in a fixed number of queries."""
    queryset = persons_visible_to(user).select_related("registering_agency")
    if q.strip():
        queryset = queryset.filter(reference_or_name_q(q))
    for name, value in (filters or {}).items():
        if name in {"nationalities", "languages"}:
            # A JSON list of codes: the code as a whole element, quotes included.
            queryset = queryset.filter(**{f"{name}__icontains": f'"{value}"'})
        elif name == "registering_agency":
            queryset = queryset.filter(registering_agency_id=value)
        else:
            queryset = queryset.filter(**{name: value})
    return queryset.order_by(ordering, "-id")


def reference_or_name_q(q: str) -> Q:
    """A reference number (or part of one) finds that record or nothing; anything else is
    searched as a name (crossroads.core.references)."""
    from crossroads.core.references import read_reference

    found = read_reference(q)
    if found.is_reference:
        return Q(reference=found.canonical) if found.canonical else Q(pk__in=[])
    return name_query_q(q)


def with_list_details(queryset: QuerySet[Person]) -> QuerySet[Person]:
    """The rows of an API list with what each shows besides its own fields (aliases,
    documents, family links, active safeguards), in a fixed number of queries. The
    safeguards are read through the person's own relation (the screening app's records
    point at the person; the register imports nothing of screening)."""
    safeguard: Any = Person.safeguards.rel.related_model
    # Into plain lists (`prefetched_<relation>`, read by the serializer's PrefetchedList):
    # a prefetch into the related manager clones a queryset for every person and relation.
    return queryset.prefetch_related(
        Prefetch(
            "aliases", queryset=PersonName.objects.order_by("id"), to_attr="prefetched_aliases"
        ),
        Prefetch(
            "documents",
            queryset=IdentityDocument.objects.order_by("id"),
            to_attr="prefetched_documents",
        ),
        Prefetch(
            "family_links",
            queryset=FamilyLink.objects.select_related("relative").order_by("id"),
            to_attr="prefetched_family_links",
        ),
        Prefetch(
            "safeguards",
            queryset=safeguard.objects.active().order_by("code"),
            to_attr="active_safeguard_rows",
        ),
    )


def person_detail(user: User, person_id: Any) -> Person:
    """One person with everything the page shows; the read is audited by the gate."""
    person = access_person_by_id(user, person_id)
    return _with_details(person.pk)


def person_detail_unaudited(user: User, person_id: Any) -> Person:
    """The same, for showing the result of a write that the action has audited already."""
    person = access_person_by_id(user, person_id, audit_read=False)
    return _with_details(person.pk)


def _with_details(pk: Any) -> Person:
    return (
        Person.objects.filter(pk=pk)
        .select_related("country", "registering_agency", "registered_by")
        .prefetch_related(
            "aliases",
            "documents",
            Prefetch(
                "family_links",
                queryset=FamilyLink.objects.select_related("relative").order_by("id"),
            ),
        )
        .get()
    )


def household_of(user: User, person: Person, *, limit: int = 50) -> list[Person]:
    """Everyone connected to `person` by family links, as far as the user may see them."""
    visible = persons_visible_to(user)
    seen = {person.pk}
    frontier = [person.pk]
    while frontier and len(seen) < limit:
        links = FamilyLink.objects.filter(person_id__in=frontier).values_list(
            "relative_id", flat=True
        )
        frontier = [
            r for r in visible.filter(pk__in=links).values_list("pk", flat=True) if r not in seen
        ]
        seen.update(frontier)
    return list(visible.filter(pk__in=seen).order_by("birth_date", "given_name"))
