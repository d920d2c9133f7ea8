"""The register seen by the identity engine: a person's names and aliases as engine
records, the database index of their keys, and "possibly registered before"."""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection

from crossroads.engines.identity import (
    Match,
    PersonRecord,
    blocking_keys,
    prepare,
    query_keys,
    score_pair,
)
from crossroads.engines.identity.keys import SINGLE_NAME_PREFIX
from crossroads.engines.identity.scoring import (
    PRIOR_LOG2_ODDS,
    SEARCH_PRIOR_SHIFT,
    prior_for,
    score_prepared,
)
from crossroads.registry.vocab import SEX_CODES

from .models import IdentityKey

# The identity engine compares female and male only; other and unknown say nothing.
SEX = {sex: code for sex, code in SEX_CODES.items() if code in ("F", "M")}
SHOW_FROM = 0.2  # candidates below this are not shown at all
MAX_CANDIDATES = 100  # persons scored per check, most shared keys first
# As the engine's own search index does (`SearchIndex.search`): a key shared by more people
# than this says little ("Mohammad, 1990") and is not read, a lone name (t:) not past a
# fifth of it; each key is read with a LIMIT, so a check costs the same at any register size.
MAX_BLOCK = 1000
MAX_SINGLE_NAME_BLOCK = MAX_BLOCK // 5
REGISTER_SIZE_TTL = 600  # seconds a state's register size is reused by a server process


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


def unsaved_records(person: Any, aliases: list[dict[str, str]] | None) -> list[PersonRecord]:
    """The engine records of a person about to be saved, with the aliases about to be
    written: what `records_of` will read once they are."""
    names = [(person.given_name, person.family_name, person.patronymic)]
    names += [
        (a.get("given_name", ""), a.get("family_name", ""), a.get("patronymic", ""))
        for a in aliases or []
    ]
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


def reindex(
    person: Any,
    *,
    records: list[PersonRecord] | None = None,
    keys: set[str] | None = None,
    new: bool = False,
) -> None:
    """Rebuilds the person's rows of the index; called by every action that changes names,
    birth date, sex or nationality, inside its transaction. `records` or their `keys` when
    the caller has them already; `new` for a person saved just now, who has no rows to
    delete."""
    if not new:
        IdentityKey.objects.filter(person=person).delete()
    if person.merged_into_id is not None:
        return
    if keys is None:
        keys = keys_of(records if records is not None else records_of(person))
    IdentityKey.objects.bulk_create([IdentityKey(person=person, key=key) for key in sorted(keys)])


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


def candidate_rows(country: str, queries: list[PersonRecord]) -> dict[str, list[str]]:
    """Each query key's block: the ids of the people holding it, at most `MAX_BLOCK` + 1
    (one more tells a block too large to read), in one statement of one index range
    read per key."""
    keys = sorted({k[:64] for q in queries for k in query_keys(prepare(q))})
    if not keys:
        return {}
    table = connection.ops.quote_name(IdentityKey._meta.db_table)
    arms = " UNION ALL ".join(
        f"SELECT * FROM (SELECT key, person_id FROM {table} WHERE key = %s LIMIT {MAX_BLOCK + 1})"
        f" AS b{n}"
        for n in range(len(keys))
    )
    blocks: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(arms, keys)
        for key, person_id in cursor.fetchall():
            # The UUID's hex: SQLite stores it so, PostgreSQL answers a UUID.
            blocks.setdefault(key, []).append(
                person_id if isinstance(person_id, str) else person_id.hex
            )
    return blocks


def _weights(blocks: dict[str, list[str]], excluded: set[str]) -> dict[str, float]:
    """Candidates ranked by the keys they share with the query, each weighing less the
    larger its block; as `SearchIndex.search` ranks them."""
    weights: dict[str, float] = {}
    skipped: list[list[str]] = []
    for key, block in blocks.items():
        if len(block) > MAX_BLOCK:
            skipped.append(block)
            continue
        weight = 1.0 / math.log2(2 + len(block))
        if key.startswith(SINGLE_NAME_PREFIX):
            if len(block) > MAX_SINGLE_NAME_BLOCK:
                continue
            weight /= 2
        for pk in block:
            weights[pk] = weights.get(pk, 0.0) + weight
    if not weights and skipped:
        for pk in min(skipped, key=len)[:MAX_BLOCK]:
            weights[pk] = 1.0
    for pk in excluded:
        weights.pop(pk, None)
    return weights


_sizes: dict[str, tuple[int, float]] = {}


def register_size(country: str) -> int:
    """The number of people registered in `country`, for the engine's prior; counted at
    most once every `REGISTER_SIZE_TTL` seconds per process (the prior moves with the
    logarithm of the size, so a size some minutes old changes nothing)."""
    from crossroads.registry.models import Person

    cached = _sizes.get(country)
    now = time.monotonic()
    if cached is None or now - cached[1] > REGISTER_SIZE_TTL:
        size = Person.objects.filter(country_id=country, merged_into__isnull=True).count()
        _sizes[country] = cached = (size, now)
    return cached[0]


def index_mark() -> int:
    """The newest row of the identity index: a check that reads the index after this
    mark can later ask, in one short query, who was indexed since (`indexed_since`)."""
    return IdentityKey.objects.order_by("-id").values_list("id", flat=True).first() or 0


def indexed_since(queries: list[PersonRecord], mark: int) -> list[str]:
    """The people indexed after `mark` who share a key with `queries`: one range of the
    primary key, the rows written since (a handful)."""
    keys = {k[:64] for q in queries for k in query_keys(prepare(q))}
    if not keys:
        return []
    rows = IdentityKey.objects.filter(id__gt=mark).values_list("key", "person_id")
    return sorted({str(person_id) for key, person_id in rows if key in keys})


def find_candidates(
    country: str, queries: list[PersonRecord], *, exclude: Iterable[Any] = (), top: int = 10
) -> list[Found]:
    """Everyone registered in `country` who may be the person of `queries`, best first.
    Reads the whole state's register: the caller decides what the user may be shown.

    The engine's search, on the database: each query key's block read up to `MAX_BLOCK`
    rows, the `MAX_CANDIDATES` people sharing the most (weighted) keys loaded in one query
    with their aliases and scored, the `top` best explained. The cost does not depend on
    the size of the register."""
    if not queries:
        return []
    blocks = candidate_rows(country, queries)
    if not blocks:
        return []
    excluded = {uuid.UUID(str(pk)).hex for pk in exclude}
    weights = _weights(blocks, excluded)
    ids = sorted(weights, key=lambda pk: (-weights[pk], str(pk)))[:MAX_CANDIDATES]
    return score_candidates(country, queries, ids, top=top)


def score_candidates(
    country: str, queries: list[PersonRecord], ids: list[Any], *, top: int = 10
) -> list[Found]:
    """The people `ids` of `country` scored against `queries`: the `top` best from
    `SHOW_FROM` on, explained, best first.

    The candidates are read as plain rows (their names, aliases, date, sex, nationality),
    not as model instances: of a hundred scored, only the `top` shown are loaded whole."""
    from crossroads.registry.models import Person, PersonName

    if not ids or not queries:
        return []
    # By primary key alone: given the state as well, SQLite's planner may walk the state's
    # index (the whole register) instead of looking up a hundred keys.
    rows = [
        row
        for row in Person.objects.filter(pk__in=ids).values_list(
            "pk",
            "country_id",
            "merged_into_id",
            "given_name",
            "family_name",
            "patronymic",
            "birth_date",
            "sex",
            "nationalities",
        )
        if row[1] == country and row[2] is None
    ]
    if not rows:
        return []
    aliases: dict[Any, list[tuple[str, str, str]]] = {}
    alias_rows = (
        PersonName.objects.filter(person_id__in=[r[0] for r in rows])
        .order_by("id")
        .values_list("person_id", "given_name", "family_name", "patronymic")
    )
    for person_id, given, family, patronymic in alias_rows:
        aliases.setdefault(person_id, []).append((given, family, patronymic))
    shift = prior_for(register_size(country)) - PRIOR_LOG2_ODDS + SEARCH_PRIOR_SHIFT
    from .model_versions import active_model  # the state's refitted model (issue 15)

    model = active_model(country)
    asked = [prepare(q) for q in queries]
    scored: list[tuple[float, str, Any, list[Any]]] = []
    for pk, _country, _merged, given, family, patronymic, birth_date, sex, nationalities in rows:
        records = _records(
            str(pk),
            [(given, family, patronymic), *aliases.get(pk, [])],
            birth_date,
            sex,
            list(nationalities or []),
        )
        prepared = [prepare(r) for r in records]
        probability = max(
            score_prepared(q, c, explain=False, prior_shift=shift, model=model).probability
            for q in asked
            for c in prepared
        )
        if probability >= SHOW_FROM:
            scored.append((probability, str(pk), pk, prepared))
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = scored[:top]
    people = Person.objects.select_related("registering_agency").in_bulk([b[2] for b in best])
    found = []
    for _probability, _pk, pk, prepared in best:
        match = max(
            (score_prepared(q, c, prior_shift=shift, model=model) for q in asked for c in prepared),
            key=lambda m: m.probability,
        )
        found.append(Found(people[pk], match))
    found.sort(key=lambda f: (-f.match.probability, str(f.person.pk)))
    return found
