"""Load the screening scenarios and check a screening result against one.

The scenarios are written by hand from the contract (`shared/spec/screening.md`, v1.1,
section 4) and the guidance it cites; none was copied from the engine's output. The same
scenarios are meant to run through the command line (tests/test_screening_scenarios_cli.py)
and, later, through the REST API, so this module depends on nothing but PyYAML.

A scenario file holds `source`, `description`, `record` (the input record of section 1)
and `expect`, with any of these keys:

- `is_child`: bool
- `needs`: exact sorted list of need codes; `needs_include` / `needs_exclude`: lists
- `referrals`: exact map pathway -> priority; `referrals_include`: map pathway -> priority
  (a priority of null means "any priority"); `referrals_exclude`: list of pathways
- `safeguards`: exact list; `safeguards_include` / `safeguards_exclude`: lists
- `consent_required`: map pathway -> bool
- `warnings`: bool (only the presence of warnings is part of the contract)
- `error_field`: the dotted field an invalid record's error must name (a string, or a
  list of acceptable fields where the contract does not settle which one)
- `pack_version`: the `pack.version` expected
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

SCENARIO_DIR = Path(__file__).resolve().parent

EXPECT_KEYS = frozenset(
    {
        "is_child",
        "needs",
        "needs_include",
        "needs_exclude",
        "referrals",
        "referrals_include",
        "referrals_exclude",
        "safeguards",
        "safeguards_include",
        "safeguards_exclude",
        "consent_required",
        "warnings",
        "error_field",
        "pack_version",
    }
)
SCENARIO_KEYS = frozenset({"source", "description", "record", "expect"})

# Section 2 and 3 of the contract.
PRIORITY_ORDER = {"emergency": 0, "urgent": 1, "high": 2, "normal": 3}
MAX_DEADLINE_HOURS = {"emergency": 4, "urgent": 24, "high": 72, "normal": 240}
CONSENT_AGENCY_KINDS = frozenset({"unhcr", "iom", "ngo"})
AGENCY_KINDS = frozenset(
    {
        "border_service",
        "migration_service",
        "asylum_authority",
        "child_protection",
        "labour_inspection",
        "police",
        "unhcr",
        "iom",
        "ngo",
        "health_service",
        "legal_aid",
    }
)


class _StringDateLoader(yaml.SafeLoader):
    """A SafeLoader that keeps `2026-11-20` a string: records carry dates as JSON text."""


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Scenario:
    """One first-contact situation and what the contract says the screening must give."""

    name: str
    path: Path
    source: str
    description: str
    record: dict[str, Any]
    expect: dict[str, Any] = field(default_factory=dict)

    @property
    def is_invalid(self) -> bool:
        return "error_field" in self.expect

    @property
    def error_fields(self) -> tuple[str, ...]:
        value = self.expect.get("error_field")
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        return tuple(value)


def load_scenario(path: Path) -> Scenario:
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_StringDateLoader)
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: a scenario is a mapping")
    unknown = set(data) - SCENARIO_KEYS
    missing = SCENARIO_KEYS - set(data)
    if unknown or missing:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}, missing {sorted(missing)}")
    expect = data["expect"] or {}
    unknown_expect = set(expect) - EXPECT_KEYS
    if unknown_expect:
        raise ValueError(f"{path.name}: unknown expect keys {sorted(unknown_expect)}")
    if not isinstance(data["record"], dict):
        raise ValueError(f"{path.name}: record must be a mapping")
    return Scenario(
        name=path.name,
        path=path,
        source=str(data["source"]).strip(),
        description=str(data["description"]).strip(),
        record=data["record"],
        expect=expect,
    )


def load_scenarios(directory: Path | None = None) -> list[Scenario]:
    """Every `NNN-name.yaml` scenario in the directory, in file-name order."""
    directory = directory or SCENARIO_DIR
    paths = sorted(p for p in directory.glob("*.yaml") if re.match(r"^\d{3}-", p.name))
    return [load_scenario(p) for p in paths]


# --- checking -------------------------------------------------------------------------


def _fail(scenario: Scenario, what: str, expected: Any, got: Any) -> NoReturn:
    raise AssertionError(
        f"{scenario.name}: {what}\n  expected: {expected!r}\n  engine gave: {got!r}\n"
        f"  scenario: {scenario.description}"
    )


def _codes(items: Sequence[Mapping[str, Any]], key: str) -> list[str]:
    return [item[key] for item in items]


def check_invariants(scenario: Scenario, result: Mapping[str, Any]) -> None:
    """What section 2 says holds for every result, whatever the record."""
    if result.get("schema") != "crossroads.screening-result/1":
        _fail(scenario, "result schema", "crossroads.screening-result/1", result.get("schema"))
    pack = result.get("pack")
    if not isinstance(pack, Mapping) or not pack.get("version"):
        _fail(scenario, "the result must name its pack (section 5.7)", "pack.version", pack)
    if pack.get("country") != scenario.record.get("country"):
        _fail(scenario, "pack.country", scenario.record.get("country"), pack.get("country"))
    needs = result["needs"]
    safeguards = result["safeguards"]
    referrals = result["referrals"]
    need_codes = _codes(needs, "code")
    safeguard_codes = _codes(safeguards, "code")
    if need_codes != sorted(need_codes) or len(set(need_codes)) != len(need_codes):
        _fail(
            scenario, "needs sorted by code, each once (section 2)", sorted(need_codes), need_codes
        )
    if safeguard_codes != sorted(safeguard_codes) or len(set(safeguard_codes)) != len(
        safeguard_codes
    ):
        _fail(
            scenario,
            "safeguards sorted by code, each once (section 2)",
            sorted(safeguard_codes),
            safeguard_codes,
        )
    order = [(PRIORITY_ORDER[r["priority"]], r["pathway"]) for r in referrals]
    if order != sorted(order):
        _fail(
            scenario, "referrals sorted by priority then pathway (section 2)", sorted(order), order
        )
    pathways = _codes(referrals, "pathway")
    if len(set(pathways)) != len(pathways):
        _fail(scenario, "one referral per pathway (section 2)", "no duplicates", pathways)
    for item in [*needs, *safeguards, *referrals]:
        if not item.get("because"):
            _fail(scenario, "every item has a non-empty because (section 2)", "because", item)
    served: set[str] = set()
    for referral in referrals:
        kind = referral["agency_kind"]
        if kind not in AGENCY_KINDS:
            _fail(scenario, f"agency_kind of {referral['pathway']}", sorted(AGENCY_KINDS), kind)
        if referral["consent_required"] is not (kind in CONSENT_AGENCY_KINDS):
            _fail(
                scenario,
                f"consent_required of {referral['pathway']} is true exactly when agency_kind "
                "is unhcr, iom or ngo (section 2)",
                kind in CONSENT_AGENCY_KINDS,
                referral["consent_required"],
            )
        if referral["deadline_hours"] > MAX_DEADLINE_HOURS[referral["priority"]]:
            _fail(
                scenario,
                f"deadline_hours of {referral['pathway']} within the maximum",
                MAX_DEADLINE_HOURS[referral["priority"]],
                referral["deadline_hours"],
            )
        served.update(referral["needs"])
    unserved = set(need_codes) - served
    if unserved:
        _fail(
            scenario,
            "every need is served by a referral (section 5.5)",
            "none unserved",
            sorted(unserved),
        )


RETURN_BLOCKING = frozenset({"non_refoulement", "reflection_period", "best_interests_first"})
RETURN_PATHWAYS = frozenset({"return_procedure", "assisted_voluntary_return"})


def check_principles(result: Mapping[str, Any], name: str = "result") -> None:
    """Section 5's principles that can be read off one result, whatever the record."""
    needs = {n["code"] for n in result["needs"]}
    safeguards = {s["code"] for s in result["safeguards"]}
    pathways = {r["pathway"] for r in result["referrals"]}

    def fail(principle: str, detail: str) -> NoReturn:
        raise AssertionError(
            f"{name}: breaks section 5.{principle}: {detail}\n  needs {sorted(needs)}\n"
            f"  safeguards {sorted(safeguards)}\n  referrals {sorted(pathways)}"
        )

    if "international_protection" in needs:
        if "non_refoulement" not in safeguards:
            fail("1", "international_protection without non_refoulement")
        if not pathways & {"asylum_procedure", "unhcr_mandate"}:
            fail("1", "international_protection without asylum_procedure or unhcr_mandate")
    if safeguards & RETURN_BLOCKING and pathways & RETURN_PATHWAYS:
        fail("2", "a return referral while a safeguard that blocks return stands")
    if result["is_child"]:
        if "no_detention_child" not in safeguards:
            fail("3", "a child without no_detention_child")
        if "return_procedure" in pathways:
            fail("3", "a child referred to return_procedure")
    if needs & {"trafficking_presumed", "trafficking_possible"}:
        if "non_punishment" not in safeguards:
            fail("4", "a presumed or possible trafficking victim without non_punishment")
        if "return_procedure" in pathways:
            fail("4", "a presumed or possible trafficking victim referred to return_procedure")


def check_result(scenario: Scenario, result: Mapping[str, Any]) -> None:
    """Raise AssertionError, naming the scenario and the difference, unless `result` fits.

    `result` is the screening result of section 2, or for an invalid record a mapping
    `{"error": {"field": ..., "message": ...}}` (the --jsonl form; the API's 400 body can
    be adapted to it).
    """
    expect = scenario.expect
    if scenario.is_invalid:
        error = result.get("error")
        if not isinstance(error, Mapping):
            _fail(scenario, "an invalid record gives an error", scenario.error_fields, result)
        field_name = str(error.get("field", ""))
        if not any(
            field_name == f or field_name.startswith(f + ".") or field_name.startswith(f + "[")
            for f in scenario.error_fields
        ):
            _fail(scenario, "error field", scenario.error_fields, field_name)
        return
    if "error" in result:
        _fail(scenario, "a valid record gives a result, not an error", "result", result["error"])

    check_invariants(scenario, result)
    check_principles(result, scenario.name)
    need_codes = _codes(result["needs"], "code")
    safeguard_codes = _codes(result["safeguards"], "code")
    referrals = {r["pathway"]: r for r in result["referrals"]}

    if "is_child" in expect and result["is_child"] is not expect["is_child"]:
        _fail(scenario, "is_child", expect["is_child"], result["is_child"])
    if "needs" in expect and need_codes != sorted(expect["needs"]):
        _fail(scenario, "needs (exact)", sorted(expect["needs"]), need_codes)
    for code in expect.get("needs_include", []):
        if code not in need_codes:
            _fail(scenario, f"needs include {code}", code, need_codes)
    for code in expect.get("needs_exclude", []):
        if code in need_codes:
            _fail(scenario, f"needs exclude {code}", f"no {code}", need_codes)
    got_referrals = {p: r["priority"] for p, r in referrals.items()}
    if "referrals" in expect and got_referrals != dict(expect["referrals"]):
        _fail(
            scenario,
            "referrals (exact, pathway: priority)",
            dict(sorted(expect["referrals"].items())),
            dict(sorted(got_referrals.items())),
        )
    for pathway, priority in (expect.get("referrals_include") or {}).items():
        if pathway not in got_referrals:
            _fail(scenario, f"referral to {pathway}", pathway, sorted(got_referrals))
        if priority is not None and got_referrals[pathway] != priority:
            _fail(scenario, f"priority of {pathway}", priority, got_referrals[pathway])
    for pathway in expect.get("referrals_exclude", []):
        if pathway in got_referrals:
            _fail(scenario, f"no referral to {pathway}", f"no {pathway}", sorted(got_referrals))
    if "safeguards" in expect and safeguard_codes != sorted(expect["safeguards"]):
        _fail(scenario, "safeguards (exact)", sorted(expect["safeguards"]), safeguard_codes)
    for code in expect.get("safeguards_include", []):
        if code not in safeguard_codes:
            _fail(scenario, f"safeguards include {code}", code, safeguard_codes)
    for code in expect.get("safeguards_exclude", []):
        if code in safeguard_codes:
            _fail(scenario, f"safeguards exclude {code}", f"no {code}", safeguard_codes)
    for pathway, consent in (expect.get("consent_required") or {}).items():
        if pathway not in referrals:
            _fail(
                scenario,
                f"consent_required of {pathway}: referral missing",
                pathway,
                sorted(referrals),
            )
        if referrals[pathway]["consent_required"] is not consent:
            _fail(
                scenario,
                f"consent_required of {pathway}",
                consent,
                referrals[pathway]["consent_required"],
            )
    if "warnings" in expect and bool(result.get("warnings")) is not expect["warnings"]:
        _fail(scenario, "warnings present", expect["warnings"], result.get("warnings"))
    if "pack_version" in expect and result["pack"]["version"] != expect["pack_version"]:
        _fail(scenario, "pack.version", expect["pack_version"], result["pack"]["version"])


def check_error_line(scenario: Scenario, stderr: str) -> None:
    """The CLI's invalid-input answer: one line on stderr starting with `<field>:`."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    if "Traceback" in stderr:
        _fail(scenario, "no traceback, ever (section 1)", "one line", stderr)
    if len(lines) != 1:
        _fail(scenario, "exactly one line on stderr", 1, lines)
    line = lines[0]
    if not any(
        line.startswith(f + ":") or line.startswith(f + ".") or line.startswith(f + "[")
        for f in scenario.error_fields
    ):
        _fail(
            scenario,
            "the error line starts with the field",
            [f + ":" for f in scenario.error_fields],
            line,
        )
