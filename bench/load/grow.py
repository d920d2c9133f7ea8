"""Grows one state's register to a given size, producing the rows registration produces.

A sample goes through the product's own `register_person` (so its duplicates are found,
queued and audited exactly as in use); the rest is written in bulk, row for row what
`register_person` writes for a person without aliases or documents: the person, the
registering agency's grant, the name-search keys (`registry.search.keys_for_names`), the
identity engine's keys (`identity.matching.keys_of`), the audit row, and the state's
reference counter. Names, birth dates, sexes and nationalities come from the identity
benchmark's generator (`bench.identity.generate`): people of the region written in
Cyrillic, Latin and Perso-Arabic script, many registered more than once, so name blocks
are as large as a real register's.

Run inside Django (`DJANGO_SETTINGS_MODULE=crossroads.settings`); `bench.load.run` does.
"""

from __future__ import annotations

import functools
import pickle
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.identity.generate import generate

CHUNK = 5000
BLOCK = 50_000
CACHE = Path(__file__).resolve().parents[2] / "var" / "bench-load" / "cache"
SEX = {"M": "male", "F": "female"}


def _draws(count: int, seed: int) -> Iterator[dict[str, str]]:
    """Generated records, drawn in blocks so that memory stays bounded at a million."""
    made = 0
    block = 0
    while made < count:
        size = min(BLOCK, count - made)
        yield from _block(seed, block)[:size]
        made += size
        block += 1


def _block(seed: int, number: int) -> list[dict[str, str]]:
    """One block of generated records, kept on disk: the second database of a run, and
    every later run, reads it instead of generating it again."""
    path = CACHE / f"records-{seed}-{number}-{BLOCK}.pickle"
    if path.exists():
        with path.open("rb") as cached:
            rows: list[dict[str, str]] = pickle.load(cached)
            return rows
    rows = generate(records=BLOCK, queries=1, seed=seed * 1000 + number).records
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        pickle.dump(rows, out)
    return rows


@functools.lru_cache(maxsize=200_000)
def _name_keys(given: str, family: str, patronymic: str) -> tuple[str, ...]:
    from crossroads.registry.search import keys_for_names

    return tuple(sorted(keys_for_names([given, family, patronymic])))


def person_values(row: dict[str, str]) -> dict[str, Any]:
    nationality = row.get("nationality", "")
    birth = row.get("birth_date", "")
    return {
        "given_name": row["given_name"],
        "family_name": row["family_name"],
        "patronymic": row["patronymic"],
        "birth_date": birth,
        "birth_date_precision": {10: "day", 7: "month", 4: "year"}.get(len(birth), "unknown"),
        "sex": SEX.get(row.get("sex", ""), "unknown"),
        "nationalities": [nationality] if nationality else [],
        "languages": [],
    }


def register_sample(officer: Any, rows: list[dict[str, str]]) -> float:
    """Registers through the product's action; answers the seconds it took."""
    from crossroads.registry.actions import PersonData, register_person

    started = time.perf_counter()
    for row in rows:
        register_person(acting_user=officer, data=PersonData(values=person_values(row)))
    return time.perf_counter() - started


class BulkWriter:
    """INSERTs with executemany (COPY on PostgreSQL), values prepared as Django would."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.postgres = connection.vendor == "postgresql"

    def _prep(self, model: Any, names: list[str]) -> list[Any]:
        fields = [model._meta.get_field(n) for n in names]
        return fields

    def write(self, model: Any, names: list[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        fields = self._prep(model, names)
        connection = self.connection
        table = connection.ops.quote_name(model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        needs_prep = [
            i
            for i, f in enumerate(fields)
            if f.get_internal_type()
            in {"UUIDField", "JSONField", "DateTimeField", "ForeignKey", "BooleanField"}
        ]
        prepared = []
        for row in rows:
            values = list(row)
            for i in needs_prep:
                values[i] = fields[i].get_db_prep_save(values[i], connection)
            prepared.append(values)
        with connection.cursor() as cursor:
            if self.postgres:
                raw = cursor.cursor
                with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for values in prepared:
                        copy.write_row(values)
            else:
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared)


def grow(
    *,
    username: str,
    people: int,
    sample: int = 200,
    seed: int = 1,
    others: tuple[str, ...] = (),
    share: float = 0.7,
    log: Any = print,
) -> dict[str, Any]:
    """Grows the state of `username`'s agency to `people` registered people: `share` of
    the bulk registered by `username`'s agency, the rest by the agencies of `others`."""
    from django.db import connection, transaction

    from crossroads.access.models import GrantReason, PersonAccess
    from crossroads.accounts.models import User
    from crossroads.audit.models import AuditAction, AuditEvent
    from crossroads.core.models import ReferenceCounter, luhn_check_digit
    from crossroads.identity.matching import draft_records, keys_of
    from crossroads.identity.models import IdentityKey
    from crossroads.registry.models import NameKey, Person
    from crossroads.registry.search import script_of

    officer = User.objects.select_related("agency").get(username=username)
    registrants = [officer] + [
        User.objects.select_related("agency").get(username=name) for name in others
    ]
    agency = officer.agency
    country = agency.country_id
    have = Person.objects.filter(country_id=country).count()
    wanted = max(0, people - have)
    if not wanted:
        return {"people": have, "sample_seconds": 0.0, "bulk_seconds": 0.0}
    draws = _draws(wanted, seed)
    sample_rows = [next(draws) for _ in range(min(sample, wanted))]
    sample_seconds = register_sample(officer, sample_rows)
    log(f"  registered {len(sample_rows)} through register_person in {sample_seconds:.1f} s")

    writer = BulkWriter(connection)
    rng = random.Random(seed)
    year = datetime.now(UTC).year
    start = datetime.now(UTC) - timedelta(days=365 * 3)
    bulk = wanted - len(sample_rows)
    started = time.perf_counter()
    done = 0
    person_fields = [
        "id",
        "reference",
        "country",
        "given_name",
        "family_name",
        "patronymic",
        "name_script",
        "birth_date",
        "birth_date_precision",
        "birth_date_estimated",
        "sex",
        "nationalities",
        "languages",
        "ethnicity",
        "religion",
        "registering_agency",
        "registered_by",
        "registered_at",
        "updated_at",
        "version",
        "merged_into",
    ]
    while done < bulk:
        size = min(CHUNK, bulk - done)
        with transaction.atomic():
            counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(
                country=country, year=year
            )
            first = counter.last_value + 1
            counter.last_value += size
            counter.save(update_fields=["last_value"])
            persons, grants, name_keys, identity_keys, events = [], [], [], [], []
            for n in range(size):
                row = next(draws)
                who = (
                    officer
                    if rng.random() < share or len(registrants) == 1
                    else (rng.choice(registrants[1:]))
                )
                values = person_values(row)
                pk = uuid.uuid4()
                sequence = f"{first + n:06d}"
                reference = f"{country}-{year}-{sequence}-{luhn_check_digit(str(year) + sequence)}"
                # Spread over three years, in order, as a register grows.
                at = start + timedelta(seconds=(done + n) * 90 + rng.random())
                names = (values["given_name"], values["family_name"], values["patronymic"])
                persons.append(
                    (
                        pk,
                        reference,
                        country,
                        *names,
                        script_of(*names),
                        values["birth_date"],
                        values["birth_date_precision"],
                        False,
                        values["sex"],
                        values["nationalities"],
                        [],
                        "",
                        "",
                        who.agency_id,
                        who.pk,
                        at,
                        at,
                        1,
                        None,
                    )
                )
                grants.append((pk, who.agency_id, GrantReason.REGISTERED, at, who.pk, None))
                name_keys += [(pk, key) for key in _name_keys(*names)]
                identity_keys += [(pk, key) for key in sorted(keys_of(draft_records(values, None)))]
                events.append(
                    (
                        at,
                        who.pk,
                        who.username,
                        who.agency_id,
                        AuditAction.CREATE,
                        "registry.person",
                        str(pk),
                        "127.0.0.1",
                        "api",
                        {},
                    )
                )
            writer.write(Person, person_fields, persons)
            writer.write(
                PersonAccess,
                ["person", "agency", "reason", "granted_at", "granted_by", "revoked_at"],
                grants,
            )
            writer.write(NameKey, ["person", "key"], name_keys)
            writer.write(IdentityKey, ["person", "key"], identity_keys)
            writer.write(
                AuditEvent,
                [
                    "at",
                    "actor",
                    "actor_username",
                    "agency_id",
                    "action",
                    "object_type",
                    "object_id",
                    "ip",
                    "channel",
                    "detail",
                ],
                events,
            )
        done += size
        if done % 50_000 < CHUNK or done == bulk:
            rate = done / (time.perf_counter() - started)
            log(f"  bulk {done:,}/{bulk:,} ({rate:,.0f} people/s)")
    return {
        "people": Person.objects.filter(country_id=country).count(),
        "sample": len(sample_rows),
        "sample_seconds": round(sample_seconds, 1),
        "sample_per_second": round(len(sample_rows) / sample_seconds, 1) if sample_rows else None,
        "bulk_seconds": round(time.perf_counter() - started, 1),
    }
