"""Loading refuses a pack that is malformed or could weaken the contract (spec section 5)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from crossroads.engines.screening import PackError, PackRegistry
from crossroads.engines.screening.packs import PACKS_DIR, load_pack
from crossroads.engines.screening.vocab import PATHWAY_AGENCY_KINDS, AgencyKind, Pathway

KG = yaml.safe_load((PACKS_DIR / "KG" / "2026-01-01.yaml").read_text(encoding="utf-8"))


def write_pack(
    root: Path,
    change: Callable[[dict[str, Any]], None] | None = None,
    name: str = "2026-01-01.yaml",
    folder: str = "KG",
) -> Path:
    data = copy.deepcopy(KG)
    if change is not None:
        change(data)
    path = root / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def refused(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> str:
    path = write_pack(tmp_path, change)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    message = str(caught.value)
    assert str(path) in message
    return message


def test_a_copy_of_a_shipped_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path))
    assert pack.version == "KG-2026-01-01"


def test_a_deadline_longer_than_the_maximum_is_refused(tmp_path: Path) -> None:
    message = refused(tmp_path, lambda d: d["deadlines"].update(urgent=25))
    assert "deadlines.urgent" in message


def test_a_shorter_deadline_is_allowed(tmp_path: Path) -> None:
    path = write_pack(tmp_path, lambda d: d["deadlines"].update(urgent=12))
    assert load_pack(path).deadlines["urgent"] == 12  # type: ignore[index]


def test_a_pathway_mapped_to_an_unknown_agency_kind_is_refused(tmp_path: Path) -> None:
    message = refused(tmp_path, lambda d: d["pathways"].update(legal_aid="lawyers_guild"))
    assert "pathways.legal_aid" in message


def test_a_pathway_without_an_agency_kind_is_refused(tmp_path: Path) -> None:
    message = refused(tmp_path, lambda d: d["pathways"].pop("medical_care"))
    assert "medical_care" in message


def test_an_unknown_pathway_is_refused(tmp_path: Path) -> None:
    assert "pathways.deportation" in refused(
        tmp_path, lambda d: d["pathways"].update(deportation="police")
    )


def test_an_unknown_top_level_key_is_refused(tmp_path: Path) -> None:
    assert "deadline" in refused(tmp_path, lambda d: d.update(deadline={}))


def test_a_treaty_entry_without_a_source_is_refused(tmp_path: Path) -> None:
    message = refused(tmp_path, lambda d: d["legal_framework"]["crc"].pop("source"))
    assert "legal_framework.crc.source" in message


def test_a_missing_treaty_is_refused(tmp_path: Path) -> None:
    message = refused(tmp_path, lambda d: d["legal_framework"].pop("cat"))
    assert "legal_framework.cat" in message


def test_a_national_procedure_needs_its_body(tmp_path: Path) -> None:
    message = refused(tmp_path, lambda d: d["national_asylum_procedure"].update(body=None))
    assert "national_asylum_procedure.body" in message


def rule(**then: Any) -> dict[str, Any]:
    return {
        "id": "X-1",
        "description": "test",
        "source": "test",
        "when": [{"field": "location.kind", "equals": "border"}],
        "then": then,
    }


def test_an_added_rule_cannot_refer_to_return(tmp_path: Path) -> None:
    message = refused(
        tmp_path,
        lambda d: d.update(
            added_rules=[rule(referrals=[{"pathway": "return_procedure", "priority": "normal"}])]
        ),
    )
    assert "return_procedure" in message


def test_an_added_rule_cannot_decree_a_status_route_or_protection_need(tmp_path: Path) -> None:
    for code in ("irregular_stay", "voluntary_return", "international_protection"):

        def change(d: dict[str, Any], c: str = code) -> None:
            d["added_rules"] = [
                rule(needs=[{"code": c, "pathway": "legal_aid", "priority": "normal"}])
            ]

        assert code in refused(tmp_path, change)


def test_an_added_rule_cannot_test_for_an_absent_fact(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        r = rule(safeguards=["confidentiality"])
        r["when"] = [{"field": "indicators.pregnant", "is": False}]
        d["added_rules"] = [r]

    assert "is" in refused(tmp_path, change)


def test_an_added_rule_cannot_test_a_need_that_gives_way(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        r = rule(safeguards=["confidentiality"])
        r["when"] = [{"need": "labour_exploitation"}]
        d["added_rules"] = [r]

    assert "labour_exploitation" in refused(tmp_path, change)


def test_an_added_rule_on_an_unknown_field_is_refused(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        r = rule(safeguards=["confidentiality"])
        r["when"] = [{"field": "person.name", "equals": "x"}]
        d["added_rules"] = [r]

    assert "person.name" in refused(tmp_path, change)


def test_invalid_yaml_is_reported_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "KG" / "2026-01-01.yaml"
    path.parent.mkdir()
    path.write_text("country: [KG\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert "\n" not in str(caught.value)


def test_the_file_name_must_match_effective_from(tmp_path: Path) -> None:
    write_pack(tmp_path, name="2026-02-01.yaml")
    with pytest.raises(PackError, match="effective_from"):
        PackRegistry.from_directory(tmp_path)


def test_the_folder_must_match_the_country(tmp_path: Path) -> None:
    write_pack(tmp_path, folder="KZ")
    with pytest.raises(PackError, match="folder"):
        PackRegistry.from_directory(tmp_path)


def test_a_registry_loads_a_given_directory(tmp_path: Path) -> None:
    write_pack(tmp_path)
    write_pack(
        tmp_path,
        lambda d: d.update(version="KG-2027-01-01", effective_from="2027-01-01"),
        name="2027-01-01.yaml",
    )
    registry = PackRegistry.from_directory(tmp_path)
    assert len(registry) == 2
    assert [p.version for p in registry.packs("KG")] == ["KG-2026-01-01", "KG-2027-01-01"]


def test_every_shipped_pack_loads_and_keeps_the_deadline_maxima() -> None:
    registry = PackRegistry.from_directory()
    assert len(registry) >= 11
    maxima = {"emergency": 4, "urgent": 24, "high": 72, "normal": 240}
    for pack in registry:
        for priority, hours in pack.deadlines.items():
            assert hours <= maxima[priority]


# --- section 3: each pathway goes to the kind of agency the contract names --------------


@pytest.mark.parametrize(
    ("pathway", "kind"),
    [
        ("asylum_procedure", "police"),
        ("unhcr_mandate", "ngo"),
        ("child_protection", "police"),
        ("trafficking_identification", "iom"),
        ("victim_assistance", "police"),
        ("family_tracing", "child_protection"),
        ("medical_care", "ngo"),
        ("gbv_services", "police"),
        ("legal_aid", "ngo"),
        ("labour_inspection", "police"),
        ("regularisation", "police"),
        ("assisted_voluntary_return", "migration_service"),
        ("return_procedure", "police"),
        ("migrant_information", "ngo"),
        ("psychosocial_support", "iom"),
    ],
)
def test_a_pathway_sent_to_a_kind_the_contract_does_not_name_is_refused(
    tmp_path: Path, pathway: str, kind: str
) -> None:
    message = refused(tmp_path, lambda d: d["pathways"].update({pathway: kind}))
    assert f"pathways.{pathway}" in message


def test_the_asylum_procedure_goes_to_unhcr_only_where_there_is_no_national_procedure(
    tmp_path: Path,
) -> None:
    refused(tmp_path, lambda d: d["pathways"].update(asylum_procedure="unhcr"))

    def no_procedure(d: dict[str, Any]) -> None:
        d["national_asylum_procedure"].update(exists=False, body=None)
        d["pathways"]["asylum_procedure"] = "unhcr"

    assert load_pack(write_pack(tmp_path, no_procedure)).protection_pathway == "unhcr_mandate"


def test_statelessness_goes_to_unhcr_exactly_where_there_is_no_procedure(
    tmp_path: Path,
) -> None:
    # KG has no statelessness procedure: a state body cannot receive the pathway.
    refused(tmp_path, lambda d: d["pathways"].update(statelessness_determination="police"))

    def with_procedure(kind: str) -> Callable[[dict[str, Any]], None]:
        def change(d: dict[str, Any]) -> None:
            d["statelessness_procedure"].update(exists=True, body="Migration service")
            d["pathways"]["statelessness_determination"] = kind

        return change

    refused(tmp_path, with_procedure("unhcr"))
    pack = load_pack(write_pack(tmp_path, with_procedure("migration_service")))
    assert pack.pathways["statelessness_determination"] == "migration_service"  # type: ignore[index]


def test_every_shipped_pack_sends_each_pathway_to_a_kind_the_contract_names() -> None:
    registry = PackRegistry()
    assert {p.country for p in registry} == {
        "AF", "AZ", "CN", "IR", "KG", "KZ", "PK", "TJ", "TM", "TR"
    }  # fmt: skip
    for pack in registry:
        assert set(pack.pathways) == set(Pathway)
        for pathway, kind in pack.pathways.items():
            allowed = set(PATHWAY_AGENCY_KINDS[pathway])
            if pathway is Pathway.ASYLUM_PROCEDURE and not pack.national_asylum_procedure.exists:
                allowed.add(AgencyKind.UNHCR)
            if (
                pathway is Pathway.STATELESSNESS_DETERMINATION
                and not pack.statelessness_procedure.exists
            ):
                allowed = {AgencyKind.UNHCR}
            assert kind in allowed, (pack.version, pathway, kind)
