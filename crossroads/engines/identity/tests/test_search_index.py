"""The search index finds registered people across scripts and stays current on edits."""

from __future__ import annotations

from crossroads.engines.identity import PersonRecord, SearchIndex, query_keys_for_text
from crossroads.engines.identity.synthetic import register


def _register() -> SearchIndex:
    records, _ = register(2000, seed=3)
    return SearchIndex.build(records)


def test_search_finds_the_same_person_in_another_script(
    rakhimov_cyrillic: PersonRecord, rakhimov_dari: PersonRecord
) -> None:
    index = _register()
    index.add(rakhimov_dari)
    results = index.search(rakhimov_cyrillic, top=10)
    assert results[0].id == "af-1"
    assert results[0].probability >= 0.5
    assert "family_name" in results[0].explanation


def test_search_returns_at_most_top_results_best_first() -> None:
    index = _register()
    query = PersonRecord("q", "Mohammad", "Rakhimov", "", "1990", "M", "AF")
    results = index.search(query, top=3)
    assert len(results) <= 3
    assert [r.probability for r in results] == sorted(
        (r.probability for r in results), reverse=True
    )


def test_added_record_is_found_and_removed_record_is_not(rakhimov_passport: PersonRecord) -> None:
    index = _register()
    index.add(rakhimov_passport)
    assert "unhcr-1" in index
    query = PersonRecord("q", "Мухаммад", "Рахимов", "", "1990-01-01", "M", "AF")
    assert any(c.id == "unhcr-1" for c in index.search(query))
    index.remove("unhcr-1")
    assert "unhcr-1" not in index
    assert all(c.id != "unhcr-1" for c in index.search(query))


def test_updated_record_is_found_under_its_new_name(rakhimov_passport: PersonRecord) -> None:
    index = SearchIndex.build([rakhimov_passport])
    renamed = PersonRecord("unhcr-1", "Zarina", "Nazarova", "", "1985-06-07", "F", "TJ")
    index.update(renamed)
    assert len(index) == 1
    found = index.search(PersonRecord("q", "Зарина", "Назарова", "", "1985-06-07", "F", "TJ"))
    assert found[0].id == "unhcr-1"
    assert not index.search(PersonRecord("q", "Mohammad", "Rakhimov", "", "1990", "M", "AF"))


def test_adding_an_id_twice_is_refused(rakhimov_passport: PersonRecord) -> None:
    index = SearchIndex.build([rakhimov_passport])
    try:
        index.add(rakhimov_passport)
    except KeyError:
        return
    raise AssertionError("a duplicate id was accepted")


def test_search_can_leave_the_record_itself_out(rakhimov_passport: PersonRecord) -> None:
    index = SearchIndex.build([rakhimov_passport])
    assert index.search(rakhimov_passport)[0].id == "unhcr-1"
    assert index.search(rakhimov_passport, exclude_id="unhcr-1") == []


def test_free_text_keys_find_a_surname_in_every_script(
    rakhimov_cyrillic: PersonRecord, rakhimov_passport: PersonRecord, rakhimov_dari: PersonRecord
) -> None:
    from crossroads.engines.identity import blocking_keys, prepare

    keys = set(query_keys_for_text("Рахимов"))
    for record in (rakhimov_cyrillic, rakhimov_passport, rakhimov_dari):
        assert keys & blocking_keys(prepare(record))


def test_free_text_full_name_key_comes_first() -> None:
    keys = query_keys_for_text("Mohammad Rakhimov")
    assert keys[0] == "n:MHMD.RHM"
    assert set(query_keys_for_text("محمد رحیموف")) == set(keys)
