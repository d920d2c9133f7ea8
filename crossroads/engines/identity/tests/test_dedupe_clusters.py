"""Batch deduplication clusters one person's records and keeps relatives apart."""

from __future__ import annotations

from crossroads.engines.identity import PersonRecord, dedupe


def test_one_person_in_three_scripts_is_one_cluster(
    rakhimov_cyrillic: PersonRecord, rakhimov_passport: PersonRecord, rakhimov_dari: PersonRecord
) -> None:
    other = PersonRecord("x", "Zarina", "Nazarova", "", "1985-06-07", "F", "TJ")
    clusters = dedupe([rakhimov_cyrillic, rakhimov_passport, rakhimov_dari, other])
    assert clusters["kz-1"] == clusters["unhcr-1"] == clusters["af-1"] == "kz-1"
    assert clusters["x"] == "x"


def test_twins_are_not_chained_into_one_cluster_through_a_vague_record() -> None:
    hasan = PersonRecord("a", "Hasan", "Karimov", "Rakhimovich", "1995-03-04", "M", "TJ")
    hasan_again = PersonRecord("b", "Хасан", "Каримов", "Рахимович", "1995-03-04", "M", "TJ")
    husan = PersonRecord("c", "Husan", "Karimov", "Rakhimovich", "1995-03-04", "M", "TJ")
    clusters = dedupe([hasan, hasan_again, husan])
    assert clusters["a"] == clusters["b"]
    assert clusters["c"] != clusters["a"]


def test_every_input_id_gets_exactly_one_cluster() -> None:
    records = [PersonRecord(str(i), "Ali", "Karimi", "", "", "", "") for i in range(50)]
    clusters = dedupe(records)
    assert sorted(clusters) == sorted(r.id for r in records)


def test_empty_register_gives_no_clusters() -> None:
    assert dedupe([]) == {}
