"""Counting in SQL gives what counting record by record in Python gave: the age band SQL
computes is `age_band`'s for every kind of birth date (partial, leap days, unreadable),
and a record written without its key (in bulk) gets the key the cell-key method draws
for it before it is counted. On SQLite and on PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from crossroads.registry.models import Person
from crossroads.statistics.cellkey import record_key
from crossroads.statistics.keys import fill_missing, need_codes, statistics_secret
from crossroads.statistics.queries import _age_code, age_band
from crossroads.statistics.sql import age_class

pytestmark = pytest.mark.django_db

BIRTH_DATES = [
    "",
    "2008",
    "2007",
    "2009-02",
    "2008-02",
    "2008-02-29",
    "2008-02-28",
    "2008-03-01",
    "2008-12-31",
    "2009-01-01",
    "2026-05",
    "2030",
    "1990-11-15",
    "2008-13",
    "2008-02-30",
    "2007-02-29",
    "2008-04-31",
    "0999",
    "0001-01-01",
    "9950",
    "20O8",
    "2008/02/01",
    "2008-2-1",
    "２００８",
    "unknown",
    " 2008",
    "2008-02-2\n",
    "2008-0a-01",
    "[2008]",
    "2008*",
]
MOMENTS = [
    dt.datetime(2026, 2, 28, 23, 59, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 1, 0, 0, 1, tzinfo=dt.UTC),
    dt.datetime(2026, 12, 30, 12, tzinfo=dt.UTC),
    dt.datetime(2026, 12, 31, 23, 59, 59, tzinfo=dt.UTC),
    dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    dt.datetime(2027, 3, 1, 8, tzinfo=dt.UTC),
]


def test_the_age_band_in_sql_is_the_one_python_gives(kg_border_officer):
    people = []
    for i, birth in enumerate(BIRTH_DATES):
        for j in range(len(MOMENTS)):
            people.append(
                Person(
                    reference=f"KG-AGE-{i:02d}-{j}",
                    country_id="KG",
                    name_script="Latn",
                    birth_date=birth,
                    registering_agency=kg_border_officer.agency,
                    registered_by=kg_border_officer,
                )
            )
    Person.objects.bulk_create(people)
    for person, moment in zip(people, MOMENTS * len(BIRTH_DATES), strict=True):
        Person.objects.filter(pk=person.pk).update(registered_at=moment)
    rows = Person.objects.filter(reference__startswith="KG-AGE-").annotate(
        band=age_class("birth_date", "registered_at")
    )
    checked = 0
    for birth, registered_at, band in rows.values_list("birth_date", "registered_at", "band"):
        assert _age_code(band) == age_band(birth, registered_at.date()), (birth, registered_at)
        checked += 1
    assert checked == len(BIRTH_DATES) * len(MOMENTS)


def test_rows_written_without_a_key_get_theirs_before_counting(kg_border_officer):
    pk = uuid.uuid4()
    Person.objects.bulk_create(
        [
            Person(
                id=pk,
                reference="KG-BULK-1",
                country_id="KG",
                name_script="Latn",
                registering_agency=kg_border_officer.agency,
                registered_by=kg_border_officer,
            )
        ]
    )
    assert Person.objects.get(pk=pk).cell_key is None
    assert fill_missing() >= 1
    assert Person.objects.get(pk=pk).cell_key == record_key(statistics_secret(), "person", pk)
    assert fill_missing() == 0


def test_a_saved_record_has_its_key_at_once(register, kg_border_officer):
    person = register(kg_border_officer)
    person.refresh_from_db()
    assert person.cell_key == record_key(statistics_secret(), "person", person.pk)


def test_need_codes_are_the_distinct_codes_found():
    result = {"needs": [{"code": "b"}, {"code": "a"}, {"code": "b"}, "x", {"code": ""}]}
    assert need_codes(result) == ",a,b,"
    assert need_codes({"needs": []}) == "" and need_codes(None) == ""
