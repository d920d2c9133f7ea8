"""The pack in force on the record's date decides (spec section 7)."""

from __future__ import annotations

import datetime as dt

import pytest

from crossroads.engines.screening import PackRegistry, default_registry, screen

from .helpers import record

STATES = ["AF", "AZ", "CN", "IR", "KG", "KZ", "PK", "TJ", "TM", "TR"]


def test_every_state_of_the_almaty_process_has_a_pack_in_force_in_2026() -> None:
    registry = default_registry()
    assert set(STATES) <= set(registry.countries())
    for country in STATES:
        pack = registry.pack_for(country, dt.date(2026, 1, 1))
        assert pack.version == f"{country}-2026-01-01"


def test_the_latest_pack_not_after_the_date_is_chosen() -> None:
    registry = default_registry()
    assert registry.pack_for("TR", dt.date(2014, 4, 11)).version == "TR-2014-04-11"
    assert registry.pack_for("TR", dt.date(2025, 12, 31)).version == "TR-2014-04-11"
    assert registry.pack_for("TR", dt.date(2026, 1, 1)).version == "TR-2026-01-01"
    assert registry.pack_for("TR", dt.date(2030, 1, 1)).version == "TR-2026-01-01"


def test_no_pack_before_the_first_effective_date() -> None:
    with pytest.raises(LookupError):
        default_registry().pack_for("TR", dt.date(2014, 4, 10))
    assert default_registry().find("KG", dt.date(2025, 12, 31)) is None


def test_the_result_names_the_pack_that_decided() -> None:
    old = screen(record(country="TR", date="2015-01-01"))
    new = screen(record(country="TR", date="2026-11-20"))
    assert old["pack"] == {
        "country": "TR",
        "version": "TR-2014-04-11",
        "effective_from": "2014-04-11",
    }
    assert new["pack"]["version"] == "TR-2026-01-01"


def test_the_old_turkish_pack_records_the_law_then_in_force() -> None:
    registry = default_registry()
    old = registry.pack_for("TR", dt.date(2015, 1, 1))
    new = registry.pack_for("TR", dt.date(2026, 6, 1))
    assert old.legal_framework["statelessness_convention_1954"]["status"] == "not_party"
    assert new.legal_framework["statelessness_convention_1954"]["status"] == "party"


def test_the_default_registry_is_loaded_once() -> None:
    assert default_registry() is default_registry()


def test_a_given_registry_is_used_instead_of_the_default() -> None:
    empty = PackRegistry([])
    from crossroads.engines.screening import InvalidRecord

    with pytest.raises(InvalidRecord) as caught:
        screen(record(), packs=empty)
    assert caught.value.field == "country"


def test_every_shipped_pack_cites_a_source_for_every_treaty() -> None:
    for pack in default_registry():
        for name, entry in pack.legal_framework.items():
            assert entry["source"], (pack.version, name)
            assert entry["confidence"] in {"confirmed", "partly_confirmed", "unconfirmed"}


def test_turkeys_geographical_limitation_is_recorded() -> None:
    pack = default_registry().pack_for("TR", dt.date(2026, 6, 1))
    limitation = pack.legal_framework["refugee_convention_1951"]["geographical_limitation"]
    assert limitation["applies"] is True
    assert limitation["source"]


def test_states_without_a_national_procedure_send_protection_to_unhcr() -> None:
    registry = default_registry()
    without = {
        c
        for c in STATES
        if not registry.pack_for(c, dt.date(2026, 6, 1)).national_asylum_procedure.exists
    }
    assert without == {"AF", "CN", "PK"}


def test_a_registry_can_be_built_from_a_directory_or_a_list() -> None:
    from crossroads.engines.screening.packs import PACKS_DIR

    by_default = PackRegistry()
    by_path = PackRegistry(str(PACKS_DIR))
    by_list = PackRegistry(list(by_default))
    assert by_default.countries() == by_path.countries() == by_list.countries()
    assert by_list.pack_for("KG", "2026-11-20").version == "KG-2026-01-01"
