"""The legal facts in the packs agree with the reference note (spec section 7: the legal
framework, with a source for each entry; shared/reference/legal-frameworks-and-guidance.md,
Part A: treaty status by state, and the national asylum procedures)."""

from __future__ import annotations

import datetime as dt

import pytest

from crossroads.engines.screening import default_registry

ON = dt.date(2026, 11, 20)
STATES = ["AF", "AZ", "CN", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM"]
INSTRUMENTS = [
    "refugee_convention_1951",
    "refugee_protocol_1967",
    "statelessness_convention_1954",
    "statelessness_convention_1961",
    "trafficking_protocol_2000",
    "smuggling_protocol_2000",
    "crc",
    "icrmw",
    "cat",
]
# Reference note, Part A table, in the order of INSTRUMENTS: 1 a party, 0 not a party.
PARTY = {
    "AF": "110011101",
    "AZ": "111111111",
    "CN": "110010101",
    "IR": "110000100",
    "KZ": "110011101",
    "KG": "110011111",
    "PK": "000010101",
    "TJ": "110011111",
    "TR": "111011111",
    "TM": "111111101",
}
NATIONAL_ASYLUM_PROCEDURE = {"AZ", "IR", "KZ", "KG", "TJ", "TR", "TM"}


@pytest.mark.parametrize("country", STATES)
def test_treaty_status_follows_the_reference_note(country: str) -> None:
    framework = default_registry().pack_for(country, ON).legal_framework
    for instrument, party in zip(INSTRUMENTS, PARTY[country], strict=True):
        expected = "party" if party == "1" else "not_party"
        assert framework[instrument]["status"] == expected, (country, instrument)
        assert framework[instrument]["source"]


@pytest.mark.parametrize("country", STATES)
def test_protection_goes_to_the_national_procedure_only_where_one_exists(country: str) -> None:
    pack = default_registry().pack_for(country, ON)
    exists = country in NATIONAL_ASYLUM_PROCEDURE
    assert pack.national_asylum_procedure.exists is exists
    assert pack.protection_pathway == ("asylum_procedure" if exists else "unhcr_mandate")


def test_turkey_keeps_the_geographical_limitation_in_every_pack() -> None:
    for pack in default_registry().packs("TR"):
        convention = pack.legal_framework["refugee_convention_1951"]
        assert convention["geographical_limitation"]["applies"] is True
        assert convention["geographical_limitation"]["source"]


def test_turkey_joined_the_1954_convention_in_2015_not_before() -> None:
    registry = default_registry()
    before = registry.pack_for("TR", dt.date(2014, 4, 11)).legal_framework
    after = registry.pack_for("TR", ON).legal_framework
    assert before["statelessness_convention_1954"]["status"] == "not_party"
    assert after["statelessness_convention_1954"]["status"] == "party"


def test_only_turkey_runs_a_statelessness_procedure_and_its_body_is_named_for_its_time() -> None:
    registry = default_registry()
    for country in STATES:
        procedure = registry.pack_for(country, ON).statelessness_procedure
        assert procedure.exists is (country == "TR"), country
    # LFIP art. 50: the Directorate General decides; "Presidency" is its name from 2021.
    body_2014 = registry.pack_for("TR", dt.date(2014, 4, 11)).statelessness_procedure.body
    assert body_2014 is not None and "Directorate General" in body_2014
    assert "Presidency" not in body_2014
