"""The ten states' legal frameworks side by side, from their screening packs (dated data:
`crossroads/engines/screening/packs/<STATE>/<date>.yaml`) and from `data/ilo.yaml` (ILO
instruments, and national procedures and parameters the packs do not carry).

Every cell carries its source and whether it was checked against it: a cell whose
confidence is not `confirmed` says "not checked"; a cell with no data at all says so.
Gaps are drawn from the cells: not a party to the 1951 Convention, a geographical
limitation, no national asylum or statelessness procedure, no reflection period found in
law, and so on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DATA = Path(__file__).parent / "data" / "ilo.yaml"

#: (code, label, where the cell comes from: the pack's legal_framework key or ilo data)
INSTRUMENTS: tuple[tuple[str, Any, str], ...] = (
    ("refugee_convention_1951", gettext_lazy("1951 Refugee Convention"), "pack"),
    ("refugee_protocol_1967", gettext_lazy("1967 Protocol"), "pack"),
    ("statelessness_convention_1954", gettext_lazy("1954 Statelessness Convention"), "pack"),
    ("statelessness_convention_1961", gettext_lazy("1961 Statelessness Convention"), "pack"),
    ("trafficking_protocol_2000", gettext_lazy("Palermo Protocol on trafficking"), "pack"),
    ("crc", gettext_lazy("Convention on the Rights of the Child"), "pack"),
    ("ilo_c029", gettext_lazy("ILO Forced Labour Convention (C29)"), "ilo"),
    ("ilo_p029", gettext_lazy("2014 Protocol to the Forced Labour Convention"), "ilo"),
    ("ilo_c105", gettext_lazy("ILO Abolition of Forced Labour Convention (C105)"), "ilo"),
    ("ilo_c097", gettext_lazy("ILO Migration for Employment Convention (C97)"), "ilo"),
    ("ilo_c143", gettext_lazy("ILO Migrant Workers Convention (C143)"), "ilo"),
    ("ilo_c189", gettext_lazy("ILO Domestic Workers Convention (C189)"), "ilo"),
    ("icrmw", gettext_lazy("1990 Migrant Workers Convention"), "pack"),
)
PROCEDURES: tuple[tuple[str, Any], ...] = (
    ("asylum", gettext_lazy("National asylum procedure")),
    ("statelessness", gettext_lazy("Statelessness determination")),
    ("trafficking_referral", gettext_lazy("National referral mechanism for trafficking victims")),
    ("best_interests", gettext_lazy("Best-interests procedure for children")),
    ("regularisation", gettext_lazy("Regularisation of long-staying migrants")),
)
PARAMETERS: tuple[tuple[str, Any], ...] = (
    ("reflection_period_days", gettext_lazy("Reflection period for trafficking victims (days)")),
    ("appeal_days", gettext_lazy("Time to appeal an asylum decision (days)")),
    ("regularisation_min_years", gettext_lazy("Years of stay before regularisation")),
)
STATUS = {
    "party": gettext_lazy("party"),
    "not_party": gettext_lazy("not a party"),
    "unknown": gettext_lazy("not known"),
}
EVENTS = {
    "ratification": gettext_lazy("ratified"),
    "accession": gettext_lazy("acceded"),
    "succession": gettext_lazy("succeeded"),
}


@dataclass
class FrameworkCell:
    """One fact of one state, with where it comes from."""

    status: str  # party | not_party | unknown | exists | absent | value | no_data
    date: str = ""
    event: str = ""
    value: Any = None
    body: str = ""
    law: str = ""
    source: str = ""
    checked: bool = False
    note: str = ""
    limitation: str = ""


@dataclass
class StateFramework:
    country: str
    pack: str
    effective_from: dt.date
    instruments: dict[str, FrameworkCell] = field(default_factory=dict)
    procedures: dict[str, FrameworkCell] = field(default_factory=dict)
    parameters: dict[str, FrameworkCell] = field(default_factory=dict)
    gaps: list[tuple[str, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def ilo_data() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle))


@lru_cache(maxsize=64)
def _raw(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle))


def _instrument(entry: Any) -> FrameworkCell:
    if not isinstance(entry, dict):
        return FrameworkCell("no_data")
    limitation = entry.get("geographical_limitation") or {}
    return FrameworkCell(
        status=str(entry.get("status", "unknown")),
        date=str(entry.get("date", "") or ""),
        event=str(entry.get("event", "") or ""),
        source=str(entry.get("source", "") or ""),
        checked=entry.get("confidence") == "confirmed",
        note=str(entry.get("note", "") or ""),
        limitation=str(limitation.get("text", "")) if limitation.get("applies") else "",
    )


def _procedure(entry: Any) -> FrameworkCell:
    if not isinstance(entry, dict) or "exists" not in entry:
        return FrameworkCell("no_data")
    return FrameworkCell(
        status="exists" if entry.get("exists") else "absent",
        body=str(entry.get("body", "") or ""),
        law=str(entry.get("law", "") or ""),
        source=str(entry.get("source", "") or ""),
        checked=str(entry.get("confidence", "")) == "confirmed",
        note=str(entry.get("note", "") or ""),
    )


def framework_of(pack: Any) -> StateFramework:
    """The framework of one state as one pack has it (with the ILO data of that state)."""
    raw = _raw(str(pack.path)) if pack.path else {}
    country = pack.country
    state = StateFramework(country, pack.version, pack.effective_from)
    legal = raw.get("legal_framework", {}) or {}
    ilo = (ilo_data().get("states") or {}).get(country, {})
    for code, _label, origin in INSTRUMENTS:
        entry = legal.get(code) if origin == "pack" else ilo.get(code)
        state.instruments[code] = _instrument(entry)
    state.procedures["asylum"] = _procedure(raw.get("national_asylum_procedure"))
    state.procedures["statelessness"] = _procedure(raw.get("statelessness_procedure"))
    extra = (ilo_data().get("procedures") or {}).get(country, {})
    for code in ("trafficking_referral", "best_interests", "regularisation"):
        # the pack's own cell if it has one, else the sourced cell of data/ilo.yaml
        state.procedures[code] = _procedure(raw.get(f"{code}_procedure") or extra.get(code))
    for code, _label in PARAMETERS:
        given = extra.get(code)
        if isinstance(given, dict):
            state.parameters[code] = FrameworkCell(
                "value",
                value=given.get("value"),
                source=str(given.get("source", "")),
                checked=given.get("confidence") == "confirmed",
            )
        elif code in raw:
            # The packs' reflection period and years before regularisation are placeholders
            # (a floor from the Council of Europe Convention; a default), not national law.
            state.parameters[code] = FrameworkCell(
                "value",
                value=raw[code],
                source="",
                checked=False,
                note=_("a placeholder of the pack, not found in national law"),
            )
        else:
            state.parameters[code] = FrameworkCell("no_data")
    state.gaps = _gaps(state)
    return state


def _gaps(state: StateFramework) -> list[tuple[str, str]]:
    """(code, text): not a party to an instrument, a procedure missing, a parameter not
    found in law."""
    gaps = []
    refugee = state.instruments["refugee_convention_1951"]
    if refugee.status == "not_party":
        gaps.append(
            ("not_party:refugee_convention_1951", _("Not a party to the 1951 Refugee Convention"))
        )
    if refugee.limitation:
        gaps.append(
            ("geographical_limitation", _("Geographical limitation to the 1951 Convention"))
        )
    for code, text in (
        ("statelessness_convention_1954", _("Not a party to the 1954 Statelessness Convention")),
        ("statelessness_convention_1961", _("Not a party to the 1961 Statelessness Convention")),
        ("trafficking_protocol_2000", _("Not a party to the Palermo Protocol")),
        ("ilo_p029", _("Not a party to the 2014 Protocol on forced labour")),
        ("ilo_c189", _("Not a party to the Domestic Workers Convention")),
    ):
        if state.instruments[code].status == "not_party":
            gaps.append((f"not_party:{code}", text))
    if state.procedures["asylum"].status == "absent":
        gaps.append(("no_asylum_procedure", _("No national asylum procedure")))
    if state.procedures["statelessness"].status == "absent":
        gaps.append(("no_statelessness_procedure", _("No statelessness determination procedure")))
    reflection = state.parameters["reflection_period_days"]
    if not reflection.source:
        gaps.append(
            (
                "no_reflection_period_in_law",
                _("No reflection period for trafficking victims found in law"),
            )
        )
    return gaps


def frameworks(on: dt.date | None = None) -> list[StateFramework]:
    """Every state's framework by the pack in force on `on` (default today)."""
    from crossroads.engines.screening import default_registry

    registry = default_registry()
    on = on or dt.date.today()
    found = []
    for country in registry.countries():
        pack = registry.find(country, on) or registry.packs(country)[-1]
        found.append(framework_of(pack))
    return found


@dataclass
class Change:
    section: str
    code: str
    before: FrameworkCell | None
    after: FrameworkCell | None


def changes(country: str, start: dt.date, end: dt.date) -> tuple[Any, Any, list[Change]]:
    """What changed in a state's framework between the pack in force on `start` and the one
    in force on `end`. LookupError when no pack is in force on one of the days."""
    from crossroads.engines.screening import default_registry

    registry = default_registry()
    before_pack = registry.pack_for(country, start)
    after_pack = registry.pack_for(country, end)
    before, after = framework_of(before_pack), framework_of(after_pack)
    found = []
    for section in ("instruments", "procedures", "parameters"):
        old, new = getattr(before, section), getattr(after, section)
        for code in dict.fromkeys([*old, *new]):
            if old.get(code) != new.get(code):
                found.append(Change(section, code, old.get(code), new.get(code)))
    if before_pack.deadlines != after_pack.deadlines:
        found.append(
            Change(
                "parameters",
                "deadlines",
                FrameworkCell(
                    "value", value=dict(before_pack.deadlines), source=before_pack.version
                ),
                FrameworkCell("value", value=dict(after_pack.deadlines), source=after_pack.version),
            )
        )
    return before_pack, after_pack, found
