"""The register seen by the identity engine: a person's names and aliases as engine
records, the database index of their keys, and "possibly registered before"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from crossroads.engines.identity import (
    Match,
    PersonRecord,
    blocking_keys,
    prepare,
    query_keys,
    score_pair,
)
from crossroads.registry.vocab import SEX_CODES

from .models import IdentityKey

# The identity engine compares female and male only; other and unknown say nothing.
SEX = {sex: code for sex, code in SEX_CODES.items() if code in ("F", "M")}
SHOW_FROM = 0.2  # candidates below this are not shown at all
MAX_CANDIDATES = 200  # persons scored per check, most shared keys first


def _records(
    pk: str, names: list[tuple[str, str, str]], birth_date: str, sex: str, nationalities: list[str]
) -> list[PersonRecord]:
    nationality = next((n for n in nationalities if len(n) == 2), "")
    return [
        PersonRecord(
            id=pk,
            given_name=g or "",
            family_name=f or "",
            patronymic=p or "",
            birth_date=birth_date or "",
            sex=SEX.get(sex, ""),
            nationality=nationality,
        )
        for g, f, p in names
    ]


def records_of(person: Any) -> list[PersonRecord]:
    """One engine record per way the person's name is written (name and aliases)."""
    names = [(person.given_name, person.family_name, person.patronymic)]
    names += [(a.given_name, a.family_name, a.patronymic) for a in person.aliases.all()]
    return _records(
        str(person.pk), names, person.birth_date, person.sex, list(person.nationalities or [])
    )


def draft_records(
    values: dict[str, Any], aliases: list[dict[str, str]] | None
) -> list[PersonRecord]:
    """Engine records for a person not (yet) saved."""
    names = [
        (values.get("given_name", ""), values.get("family_name", ""), values.get("patronymic", ""))
    ]
    names += [
        (a.get("given_name", ""), a.get("family_name", ""), a.get("patronymic", ""))
        for a in aliases or []
    ]
    return _records(
        "draft",
        names,
        values.get("birth_date", ""),
        values.get("sex", ""),
        list(values.get("nationalities") or []),
    )


def keys_of(records: Iterable[PersonRecord]) -> set[str]:
    keys: set[str] = set()
    for record in records:
        keys.update(k[:64] for k in blocking_keys(prepare(record)))
    return keys


def reindex(person: Any) -> None:
    """Rebuilds the person's rows of the index; called by every action that changes names,
    birth date, sex or nationality, inside its transaction."""
    IdentityKey.objects.filter(person=person).delete()
    if person.merged_into_id is not None:
        return
    IdentityKey.objects.bulk_create(
        [IdentityKey(person=person, key=key) for key in sorted(keys_of(records_of(person)))]
    )


@dataclass
class Found:
    person: Any
    match: Match


def best_match(
    queries: list[PersonRecord],
    candidates: list[PersonRecord],
    *,
    register_size: int = 0,
    model: Any = None,
) -> Match:
    """The best of the engine's answers between any way the person at hand is written and
    any way the registered one is: a search, among a register of ``register_size``."""
    asked = [prepare(q) for q in queries]
    prepared = [prepare(c) for c in candidates]
    return max(
        (
            score_pair(q, c, register_size=register_size, search=True, model=model)
            for q in asked
            for c in prepared
        ),
        key=lambda m: m.probability,
    )


def find_candidates(
    country: str, queries: list[PersonRecord], *, exclude: Iterable[Any] = (), top: int = 10
) -> list[Found]:
    """Everyone registered in `country` who may be the person of `queries`, best first.
    Reads the whole state's register: the caller decides what the user may be shown."""
    from crossroads.registry.models import Person

    keys = {k[:64] for q in queries for k in query_keys(prepare(q))}
    if not keys:
        return []
    excluded = {str(pk) for pk in exclude}
    rows = IdentityKey.objects.filter(
        key__in=keys, person__country_id=country, person__merged_into__isnull=True
    ).values_list("person_id", flat=True)
    shared = Counter(str(pk) for pk in rows if str(pk) not in excluded)
    ids = [pk for pk, _n in shared.most_common(MAX_CANDIDATES)]
    people = (
        Person.objects.filter(pk__in=ids)
        .select_related("registering_agency")
        .prefetch_related("aliases")
    )
    size = Person.objects.filter(country_id=country, merged_into__isnull=True).count()
    from .model_versions import active_model  # the state's refitted model (issue 15)

    model = active_model(country)
    found = []
    for person in people:
        match = best_match(queries, records_of(person), register_size=size, model=model)
        if match.probability >= SHOW_FROM:
            found.append(Found(person, match))
    found.sort(key=lambda f: (-f.match.probability, str(f.person.pk)))
    return found[:top]
