"""Blocking keys: true matches across scripts share one; keys are few and short."""

from __future__ import annotations

from crossroads.engines.identity import PersonRecord, blocking_keys, prepare, query_keys
from crossroads.engines.identity.keys import MAX_KEYS, MAX_READING_KEYS
from crossroads.engines.identity.synthetic import register


def test_three_scripts_of_one_person_share_a_key(
    rakhimov_cyrillic: PersonRecord, rakhimov_passport: PersonRecord, rakhimov_dari: PersonRecord
) -> None:
    keys = [
        blocking_keys(prepare(r)) for r in (rakhimov_cyrillic, rakhimov_passport, rakhimov_dari)
    ]
    assert keys[0] & keys[1] & keys[2]


def test_swapped_names_share_a_key(rakhimov_passport: PersonRecord) -> None:
    swapped = PersonRecord("x", "Karimi", "Ahmad", "", "", "", "")
    straight = PersonRecord("y", "Ahmad", "Karimi", "", "", "", "")
    assert blocking_keys(prepare(swapped)) & blocking_keys(prepare(straight))


def test_every_record_has_few_short_keys() -> None:
    records, _ = register(3000, seed=5)
    for record in records:
        keys = blocking_keys(prepare(record))
        assert len(keys) <= MAX_KEYS + MAX_READING_KEYS
        assert all(len(key) <= 24 for key in keys)


def test_a_record_without_names_has_no_name_keys() -> None:
    assert blocking_keys(prepare(PersonRecord("x", "", "", "", "1990", "M", ""))) == set()


def _share(a: PersonRecord, b: PersonRecord) -> set[str]:
    return {k for k in blocking_keys(prepare(a)) & blocking_keys(prepare(b)) if k[:2] != "t:"}


def test_german_and_slavic_readings_share_a_key_whichever_is_registered() -> None:
    """Without readings only lone-name keys (t:, too big to read) would be shared."""
    german = PersonRecord("a", "Sarina", "Jussufowa", "", "", "F", "")
    passport = PersonRecord("b", "Zarina", "Yusufova", "", "", "F", "")
    assert _share(german, passport)
    assert _share(
        PersonRecord("c", "CHALIMA", "SULAJMAN", "", "", "", ""),
        PersonRecord("d", "Халима", "Сулайман", "", "", "", ""),
    )


def test_a_lone_name_under_its_readings_keeps_its_year() -> None:
    german = PersonRecord("a", "Jussuf", "", "", "1990", "M", "")
    latin = PersonRecord("b", "Yusuf", "", "", "1990", "M", "")
    assert any(k.startswith("gy:") for k in _share(german, latin))


def test_a_lone_name_in_the_other_field_meets_through_the_query_keys() -> None:
    """Registered with the name as a given name; asked with it as a family name: only the
    query keys (the record's own and those with the fields exchanged) share a dated key."""
    registered = blocking_keys(prepare(PersonRecord("a", "Зарина", "", "", "1990", "F", "")))
    asked = prepare(PersonRecord("b", "", "ZARINA", "", "1990", "F", ""))
    dated = {k for k in registered if not k.startswith("t:")}
    assert not dated & blocking_keys(asked)
    assert dated & query_keys(asked)
