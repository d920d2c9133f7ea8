"""Country packs: one state's law and practice on one date, as a YAML data file.

A pack lives at ``packs/<CC>/<YYYY-MM-DD>.yaml``. For a record, the pack of its country
with the latest ``effective_from`` not after the record's date decides (spec section 7).
Loading refuses a pack that could weaken the contract: deadlines above the spec maxima,
a pathway mapped to an unknown agency kind, or an added rule that does anything but add
needs, referrals, safeguards and warnings or raise priorities.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .record import ScreeningRecord
from .vocab import (
    PATHWAY_AGENCY_KINDS,
    RETURN_PATHWAYS,
    STATUS_ROUTE_NEEDS,
    AccompaniedBy,
    AgencyKind,
    Entry,
    ExploitationKind,
    FacilitatedBy,
    FearReason,
    ForcedLabourIndicator,
    LocationKind,
    Need,
    Pathway,
    Priority,
    Purpose,
    Safeguard,
    Sex,
    Stay,
)

PACKS_DIR = Path(__file__).resolve().parent / "packs"

# The C loader is several times faster; PyYAML is built without it on some machines.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PackError(ValueError):
    """A pack file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class Procedure:
    """Whether the state runs a procedure (asylum or statelessness), and which body."""

    exists: bool
    body: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Facts:
    """What an added rule's conditions may look at: the record and derived facts."""

    record: ScreeningRecord
    is_child: bool
    forced_labour: frozenset[ForcedLabourIndicator]
    needs: frozenset[Need]
    safeguards: frozenset[Safeguard]


Condition = Callable[[Facts], bool]


@dataclass(frozen=True, slots=True)
class AddedNeed:
    code: Need
    pathway: Pathway
    priority: Priority


@dataclass(frozen=True, slots=True)
class AddedReferral:
    pathway: Pathway
    priority: Priority


@dataclass(frozen=True, slots=True)
class AddedRule:
    """A pack's own rule. It can only add, or raise a priority (spec section 5)."""

    id: str
    description: str
    source: str
    when_text: tuple[str, ...]
    conditions: tuple[Condition, ...]
    needs: tuple[AddedNeed, ...] = ()
    referrals: tuple[AddedReferral, ...] = ()
    safeguards: tuple[Safeguard, ...] = ()
    raises: tuple[AddedReferral, ...] = ()
    warnings: tuple[str, ...] = ()

    def applies(self, facts: Facts) -> bool:
        return all(condition(facts) for condition in self.conditions)

    @property
    def because(self) -> str:
        return f"pack rule {self.id}: " + " and ".join(self.when_text)


@dataclass(frozen=True, slots=True)
class Guidance:
    """What national law tells the officer in a situation; shown beside the result, never
    part of it (the result follows the contract alone)."""

    id: str
    description: str
    source: str
    conditions: tuple[Condition, ...]

    def applies(self, facts: Facts) -> bool:
        return all(condition(facts) for condition in self.conditions)

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.description, "source": self.source}


@dataclass(frozen=True, slots=True)
class Pack:
    """One state's rules in force from ``effective_from``."""

    country: str
    version: str
    effective_from: dt.date
    name: str
    legal_framework: Mapping[str, Mapping[str, Any]]
    national_asylum_procedure: Procedure
    statelessness_procedure: Procedure
    working_languages: tuple[str, ...]
    pathways: Mapping[Pathway, AgencyKind]
    deadlines: Mapping[Priority, int]
    reflection_period_days: int
    regularisation_min_years: int | float
    added_rules: tuple[AddedRule, ...] = ()
    officer_guidance: tuple[Guidance, ...] = ()
    path: Path | None = field(default=None, compare=False)

    @property
    def protection_pathway(self) -> Pathway:
        """Where a protection request goes: the national procedure, else UNHCR's mandate."""
        if self.national_asylum_procedure.exists:
            return Pathway.ASYLUM_PROCEDURE
        return Pathway.UNHCR_MANDATE

    def as_result_header(self) -> dict[str, str]:
        return {
            "country": self.country,
            "version": self.version,
            "effective_from": self.effective_from.isoformat(),
        }


# --- loading ----------------------------------------------------------------------------

_TOP_KEYS = frozenset(
    {
        "country",
        "version",
        "name",
        "effective_from",
        "notes",
        "legal_framework",
        "national_asylum_procedure",
        "statelessness_procedure",
        "working_languages",
        "pathways",
        "deadlines",
        "reflection_period_days",
        "regularisation_min_years",
        "added_rules",
        "officer_guidance",
    }
)
_REQUIRED_INSTRUMENTS = (
    "refugee_convention_1951",
    "refugee_protocol_1967",
    "statelessness_convention_1954",
    "statelessness_convention_1961",
    "trafficking_protocol_2000",
    "crc",
    "cat",
)
_INSTRUMENT_KEYS = frozenset(
    {"status", "event", "date", "confidence", "source", "note", "reservations"}
)
_STATUSES = frozenset({"party", "not_party", "signatory"})
_EVENTS = frozenset({"ratification", "accession", "succession"})
_CONFIDENCE = frozenset({"confirmed", "partly_confirmed", "unconfirmed"})
_PROCEDURE_KEYS = frozenset({"exists", "body", "law", "source", "confidence", "note"})
_RULE_KEYS = frozenset({"id", "description", "source", "when", "then"})
_GUIDANCE_KEYS = frozenset({"id", "description", "source", "when"})
_THEN_KEYS = frozenset({"needs", "referrals", "safeguards", "raise", "warnings"})
_FILE_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})\.ya?ml")

# Needs a pack may add by its own rules. The needs that the core rules derive with their
# safeguards (protection, trafficking, children) or that give way to others (status
# routes, labour exploitation) cannot be decreed by a pack: that could break principles 1-6.
_PACK_ADDABLE_NEEDS = (
    frozenset(Need)
    - STATUS_ROUTE_NEEDS
    - {
        Need.INTERNATIONAL_PROTECTION,
        Need.UNACCOMPANIED_CHILD,
        Need.SEPARATED_CHILD,
        Need.TRAFFICKING_PRESUMED,
        Need.TRAFFICKING_POSSIBLE,
        Need.LABOUR_EXPLOITATION,
    }
)
# Needs a condition may test: only those that never disappear when a fact is added.
_STABLE_NEEDS = _PACK_ADDABLE_NEEDS | {
    Need.INTERNATIONAL_PROTECTION,
    Need.UNACCOMPANIED_CHILD,
    Need.SEPARATED_CHILD,
    Need.TRAFFICKING_PRESUMED,
}


def _flag(getter: Callable[[ScreeningRecord], bool | None]) -> Callable[[Facts], Any]:
    return lambda facts: getter(facts.record) is True


# Fields a condition may test, with the enum their values come from (None: bool/number/str).
_FIELDS: dict[str, tuple[Callable[[Facts], Any], type[StrEnum] | None, str]] = {
    "is_child": (lambda f: f.is_child, None, "bool"),
    "location.kind": (lambda f: f.record.location.kind, LocationKind, "code"),
    "person.sex": (lambda f: f.record.person.sex, Sex, "code"),
    "person.stay": (lambda f: f.record.person.stay, Stay, "code"),
    "person.nationalities": (lambda f: f.record.person.nationalities or (), None, "list"),
    "person.country_of_origin": (lambda f: f.record.person.country_of_origin, None, "code"),
    "person.languages": (lambda f: f.record.person.languages or (), None, "list"),
    "person.years_in_country": (lambda f: f.record.person.years_in_country, None, "number"),
    "person.age_claimed": (lambda f: f.record.person.age_claimed, None, "number"),
    "travel.accompanied_by": (lambda f: f.record.travel.accompanied_by, AccompaniedBy, "code"),
    "travel.entry": (lambda f: f.record.travel.entry, Entry, "code"),
    "travel.facilitated_by": (lambda f: f.record.travel.facilitated_by, FacilitatedBy, "code"),
    "travel.separated_from_family": (
        _flag(lambda r: r.travel.separated_from_family),
        None,
        "bool",
    ),
    "travel.moved_or_recruited_by_another": (
        _flag(lambda r: r.travel.moved_or_recruited_by_another),
        None,
        "bool",
    ),
    "statements.purpose": (lambda f: f.record.statements.purpose, Purpose, "code"),
    "statements.fear_reasons": (lambda f: f.record.statements.fear_reasons, FearReason, "list"),
    "indicators.forced_labour": (lambda f: f.forced_labour, ForcedLabourIndicator, "list"),
    "indicators.exploitation": (
        lambda f: f.record.indicators.exploitation,
        ExploitationKind,
        "list",
    ),
}
for _name in (
    "child_marriage",
    "gbv_survivor",
    "torture_survivor",
    "medical_urgent",
    "serious_medical_condition",
    "pregnant",
    "disability",
    "mental_health_distress",
    "older_person_at_risk",
    "single_parent",
):
    _FIELDS[f"indicators.{_name}"] = (
        _flag(lambda r, n=_name: getattr(r.indicators, n)),  # type: ignore[misc]
        None,
        "bool",
    )


class _Reader:
    """Checks one pack file and reports errors as ``<file>: <field>: <message>``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> PackError:
        return PackError(f"{self.path}: {where}: {message}")

    def mapping(self, value: Any, where: str, allowed: frozenset[str] | None) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(where, "must be a mapping")
        for key in value:
            if not isinstance(key, str) or (allowed is not None and key not in allowed):
                raise self.fail(f"{where}.{key}" if where else str(key), "is not a known key")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "must be a non-empty string")
        return value

    def date(self, value: Any, where: str) -> dt.date:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(where, f"{value!r} is not an ISO date")

    def code(self, value: Any, where: str, enum: type[Any]) -> Any:
        try:
            return enum(value)
        except ValueError:
            raise self.fail(where, f"{value!r} is not a known {enum.__name__} code") from None

    def integer(self, value: Any, where: str, low: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise self.fail(where, f"must be a whole number of at least {low}")
        return value

    def procedure(self, value: Any, where: str) -> Procedure:
        obj = self.mapping(value, where, _PROCEDURE_KEYS)
        exists = obj.get("exists")
        if not isinstance(exists, bool):
            raise self.fail(f"{where}.exists", "must be true or false")
        body = obj.get("body")
        if exists:
            body = self.text(body, f"{where}.body")
        elif body is not None and not isinstance(body, str):
            raise self.fail(f"{where}.body", "must be a string or null")
        return Procedure(exists, body, self.text(obj.get("source"), f"{where}.source"))

    def legal_framework(self, value: Any) -> Mapping[str, Mapping[str, Any]]:
        obj = self.mapping(value, "legal_framework", None)
        for name in _REQUIRED_INSTRUMENTS:
            if name not in obj:
                raise self.fail(f"legal_framework.{name}", "is required")
        out: dict[str, Mapping[str, Any]] = {}
        for name, entry in obj.items():
            where = f"legal_framework.{name}"
            item = self.mapping(entry, where, _INSTRUMENT_KEYS | {"geographical_limitation"})
            if item.get("status") not in _STATUSES:
                raise self.fail(f"{where}.status", f"must be one of {sorted(_STATUSES)}")
            if item.get("event") is not None and item["event"] not in _EVENTS:
                raise self.fail(f"{where}.event", f"must be one of {sorted(_EVENTS)}")
            if item.get("confidence") not in _CONFIDENCE:
                raise self.fail(f"{where}.confidence", f"must be one of {sorted(_CONFIDENCE)}")
            self.text(item.get("source"), f"{where}.source")
            out[name] = MappingProxyType(dict(item))
        return MappingProxyType(out)

    def pathways(self, value: Any) -> Mapping[Pathway, AgencyKind]:
        obj = self.mapping(value, "pathways", None)
        out: dict[Pathway, AgencyKind] = {}
        for key, kind in obj.items():
            pathway = self.code(key, f"pathways.{key}", Pathway)
            out[pathway] = self.code(kind, f"pathways.{key}", AgencyKind)
            if out[pathway] is AgencyKind.FOREIGN_MISSION:
                raise self.fail(f"pathways.{key}", "a foreign mission receives no pathway")
        missing = [p.value for p in Pathway if p not in out]
        if missing:
            raise self.fail("pathways", f"has no agency kind for {', '.join(missing)}")
        return MappingProxyType(out)

    def receiving_kinds(
        self,
        pathways: Mapping[Pathway, AgencyKind],
        asylum: Procedure,
        statelessness: Procedure,
    ) -> None:
        """Each pathway goes to a kind of agency the contract allows for it (section 3)."""
        for pathway, kind in pathways.items():
            allowed = set(PATHWAY_AGENCY_KINDS[pathway])
            if pathway is Pathway.ASYLUM_PROCEDURE and not asylum.exists:
                allowed.add(AgencyKind.UNHCR)  # never referred: protection goes to UNHCR
            if pathway is Pathway.STATELESSNESS_DETERMINATION and not statelessness.exists:
                allowed = {AgencyKind.UNHCR}  # "UNHCR where there is no procedure"
            if kind not in allowed:
                shown = ", ".join(sorted(allowed))
                raise self.fail(
                    f"pathways.{pathway}", f"{kind} cannot receive {pathway} (allowed: {shown})"
                )

    def deadlines(self, value: Any) -> Mapping[Priority, int]:
        obj = self.mapping(value, "deadlines", None)
        out: dict[Priority, int] = {}
        for key, hours in obj.items():
            priority = self.code(key, f"deadlines.{key}", Priority)
            hours = self.integer(hours, f"deadlines.{key}", 1)
            if hours > priority.max_deadline_hours:
                raise self.fail(
                    f"deadlines.{key}",
                    f"{hours} hours is longer than the maximum of "
                    f"{priority.max_deadline_hours} for {key}",
                )
            out[priority] = hours
        missing = [p.value for p in Priority if p not in out]
        if missing:
            raise self.fail("deadlines", f"has no deadline for {', '.join(missing)}")
        ordered = [out[p] for p in Priority]
        if ordered != sorted(ordered):
            raise self.fail("deadlines", "a more urgent priority cannot have a longer deadline")
        return MappingProxyType(out)

    def condition(self, value: Any, where: str) -> tuple[Condition, str]:
        obj = self.mapping(
            value,
            where,
            frozenset({"field", "is", "equals", "in", "contains", "at_least", "need", "safeguard"}),
        )
        if "need" in obj:
            if len(obj) != 1:
                raise self.fail(where, "a need test stands alone")
            need = self.code(obj["need"], f"{where}.need", Need)
            if need not in _STABLE_NEEDS:
                raise self.fail(f"{where}.need", f"{need} can give way to another need")
            return (lambda f, n=need: n in f.needs), f"need {need}"
        if "safeguard" in obj:
            if len(obj) != 1:
                raise self.fail(where, "a safeguard test stands alone")
            guard = self.code(obj["safeguard"], f"{where}.safeguard", Safeguard)
            return (lambda f, g=guard: g in f.safeguards), f"safeguard {guard}"
        name = obj.get("field")
        if name not in _FIELDS:
            raise self.fail(f"{where}.field", f"{name!r} is not a field a rule may test")
        getter, enum, kind = _FIELDS[name]
        ops = [k for k in obj if k != "field"]
        if len(ops) != 1:
            raise self.fail(where, "needs exactly one test: is, equals, in, contains, at_least")
        op = ops[0]
        arg = obj[op]

        def check_code(v: Any) -> Any:
            if enum is not None:
                return self.code(v, f"{where}.{op}", enum)
            if not isinstance(v, str):
                raise self.fail(f"{where}.{op}", "must be a string")
            return v

        if op == "is":
            # Only positive tests: a rule that fires on an absent fact would stop firing
            # when the fact is added, and its safeguard would disappear (principle 6).
            if kind != "bool" or arg is not True:
                raise self.fail(f"{where}.is", "only 'is: true' on a yes/no field is allowed")
            return (lambda f: getter(f) is True), f"{name} is true"
        if op == "equals" and kind == "code":
            code = check_code(arg)
            return (lambda f: getter(f) == code), f"{name} is {code}"
        if op == "in" and kind == "code":
            if not isinstance(arg, list) or not arg:
                raise self.fail(f"{where}.in", "must be a non-empty list")
            codes = frozenset(check_code(v) for v in arg)
            shown = ", ".join(sorted(codes))
            return (lambda f: getter(f) in codes), f"{name} in [{shown}]"
        if op == "contains" and kind == "list":
            code = check_code(arg)
            return (lambda f: code in getter(f)), f"{name} contains {code}"
        if op == "at_least" and kind == "number":
            if isinstance(arg, bool) or not isinstance(arg, int | float):
                raise self.fail(f"{where}.at_least", "must be a number")
            return (lambda f: (v := getter(f)) is not None and v >= arg), f"{name} at least {arg}"
        raise self.fail(where, f"test {op!r} does not apply to {name}")

    def guidance(self, value: Any, where: str) -> Guidance:
        obj = self.mapping(value, where, _GUIDANCE_KEYS)
        when = obj.get("when") or []
        if not isinstance(when, list):
            raise self.fail(f"{where}.when", "must be a list of tests")
        compiled = [self.condition(c, f"{where}.when[{i}]") for i, c in enumerate(when)]
        return Guidance(
            id=self.text(obj.get("id"), f"{where}.id"),
            description=" ".join(self.text(obj.get("description"), f"{where}.description").split()),
            source=self.text(obj.get("source"), f"{where}.source"),
            conditions=tuple(test for test, _text in compiled),
        )

    def rule(self, value: Any, where: str) -> AddedRule:
        obj = self.mapping(value, where, _RULE_KEYS)
        rule_id = self.text(obj.get("id"), f"{where}.id")
        when = obj.get("when")
        if not isinstance(when, list) or not when:
            raise self.fail(f"{where}.when", "must be a non-empty list of tests")
        compiled = [self.condition(c, f"{where}.when[{i}]") for i, c in enumerate(when)]
        then = self.mapping(obj.get("then"), f"{where}.then", _THEN_KEYS)
        if not then:
            raise self.fail(f"{where}.then", "must add something")
        needs: list[AddedNeed] = []
        for i, item in enumerate(self.items(then, "needs", where)):
            w = f"{where}.then.needs[{i}]"
            n = self.mapping(item, w, frozenset({"code", "pathway", "priority"}))
            code = self.code(n.get("code"), f"{w}.code", Need)
            if code not in _PACK_ADDABLE_NEEDS:
                raise self.fail(f"{w}.code", f"a pack cannot add the need {code}")
            needs.append(AddedNeed(code, self.pathway(n.get("pathway"), w), self.priority(n, w)))
        referrals = [
            self.referral(item, f"{where}.then.referrals[{i}]")
            for i, item in enumerate(self.items(then, "referrals", where))
        ]
        raises = [
            self.referral(item, f"{where}.then.raise[{i}]")
            for i, item in enumerate(self.items(then, "raise", where))
        ]
        safeguards = [
            self.code(item, f"{where}.then.safeguards[{i}]", Safeguard)
            for i, item in enumerate(self.items(then, "safeguards", where))
        ]
        warnings = [
            self.text(item, f"{where}.then.warnings[{i}]")
            for i, item in enumerate(self.items(then, "warnings", where))
        ]
        return AddedRule(
            id=rule_id,
            description=self.text(obj.get("description"), f"{where}.description"),
            source=self.text(obj.get("source"), f"{where}.source"),
            when_text=tuple(text for _, text in compiled),
            conditions=tuple(cond for cond, _ in compiled),
            needs=tuple(needs),
            referrals=tuple(referrals),
            safeguards=tuple(safeguards),
            raises=tuple(raises),
            warnings=tuple(warnings),
        )

    def items(self, then: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = then.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}.then.{key}", "must be a list")
        return value

    def pathway(self, value: Any, where: str) -> Pathway:
        pathway: Pathway = self.code(value, f"{where}.pathway", Pathway)
        if pathway in RETURN_PATHWAYS:
            raise self.fail(f"{where}.pathway", f"a pack rule cannot refer to {pathway}")
        return pathway

    def priority(self, obj: Mapping[str, Any], where: str) -> Priority:
        priority: Priority = self.code(obj.get("priority"), f"{where}.priority", Priority)
        return priority

    def referral(self, value: Any, where: str) -> AddedReferral:
        obj = self.mapping(value, where, frozenset({"pathway", "priority"}))
        return AddedReferral(self.pathway(obj.get("pathway"), where), self.priority(obj, where))


def load_pack(path: Path | str) -> Pack:
    """Read and check one pack file. Raises :class:`PackError` naming the file and field."""
    path = Path(path)
    reader = _Reader(path)
    try:
        with path.open("rb") as handle:
            data = yaml.load(handle, Loader=_Loader)  # a safe loader
    except OSError as err:
        raise PackError(f"{path}: cannot be read: {err.strerror or err}") from None
    except yaml.YAMLError as err:
        raise PackError(f"{path}: is not valid YAML: {err}".replace("\n", " ")) from None
    obj = reader.mapping(data, "", _TOP_KEYS)
    for key in (
        "country",
        "version",
        "effective_from",
        "legal_framework",
        "national_asylum_procedure",
        "statelessness_procedure",
        "working_languages",
        "pathways",
        "deadlines",
        "reflection_period_days",
        "regularisation_min_years",
    ):
        if obj.get(key) is None:
            raise reader.fail(key, "is required")
    country = reader.text(obj["country"], "country")
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise reader.fail("country", f"{country!r} is not an ISO 3166-1 alpha-2 code")
    effective_from = reader.date(obj["effective_from"], "effective_from")
    languages = obj["working_languages"]
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(code, str) and re.fullmatch(r"[a-z]{3}", code) for code in languages)
    ):
        raise reader.fail("working_languages", "must be a non-empty list of ISO 639-3 codes")
    years = obj["regularisation_min_years"]
    if isinstance(years, bool) or not isinstance(years, int | float) or years < 0:
        raise reader.fail("regularisation_min_years", "must be a number of at least 0")
    rules_data = obj.get("added_rules") or []
    if not isinstance(rules_data, list):
        raise reader.fail("added_rules", "must be a list")
    rules = tuple(reader.rule(item, f"added_rules[{i}]") for i, item in enumerate(rules_data))
    if len({rule.id for rule in rules}) != len(rules):
        raise reader.fail("added_rules", "rule ids must be unique")
    guidance_data = obj.get("officer_guidance") or []
    if not isinstance(guidance_data, list):
        raise reader.fail("officer_guidance", "must be a list")
    guidance = tuple(
        reader.guidance(item, f"officer_guidance[{i}]") for i, item in enumerate(guidance_data)
    )
    asylum = reader.procedure(obj["national_asylum_procedure"], "national_asylum_procedure")
    statelessness = reader.procedure(obj["statelessness_procedure"], "statelessness_procedure")
    pathways = reader.pathways(obj["pathways"])
    reader.receiving_kinds(pathways, asylum, statelessness)
    return Pack(
        country=country,
        version=reader.text(obj["version"], "version"),
        effective_from=effective_from,
        name=str(obj.get("name") or country),
        legal_framework=reader.legal_framework(obj["legal_framework"]),
        national_asylum_procedure=asylum,
        statelessness_procedure=statelessness,
        working_languages=tuple(languages),
        pathways=pathways,
        deadlines=reader.deadlines(obj["deadlines"]),
        reflection_period_days=reader.integer(
            obj["reflection_period_days"], "reflection_period_days", 1
        ),
        regularisation_min_years=years,
        added_rules=rules,
        officer_guidance=guidance,
        path=path,
    )


class PackRegistry:
    """All packs of a directory (``<dir>/<CC>/<YYYY-MM-DD>.yaml``), loaded once.

    ``PackRegistry()`` loads the shipped packs, ``PackRegistry(directory)`` those of a
    directory, ``PackRegistry([pack, ...])`` exactly the packs given.
    """

    def __init__(self, source: Path | str | Sequence[Pack] | None = None) -> None:
        if source is None or isinstance(source, str | Path):
            packs: Sequence[Pack] = _load_directory(
                Path(source) if source is not None else PACKS_DIR
            )
        else:
            packs = source
        by_country: dict[str, list[Pack]] = {}
        for pack in packs:
            by_country.setdefault(pack.country, []).append(pack)
        self._packs: dict[str, tuple[Pack, ...]] = {}
        self._dates: dict[str, list[dt.date]] = {}
        for country, items in by_country.items():
            items.sort(key=lambda p: p.effective_from)
            dates = [p.effective_from for p in items]
            if len(set(dates)) != len(dates):
                raise PackError(f"{country}: two packs share an effective_from date")
            self._packs[country] = tuple(items)
            self._dates[country] = dates

    @classmethod
    def from_directory(cls, directory: Path | str | None = None) -> PackRegistry:
        """Load every pack under ``directory`` (the shipped packs by default)."""
        return cls(Path(directory) if directory is not None else PACKS_DIR)

    def countries(self) -> tuple[str, ...]:
        return tuple(sorted(self._packs))

    def packs(self, country: str | None = None) -> tuple[Pack, ...]:
        """Every pack, or those of one country, oldest first."""
        if country is not None:
            return self._packs.get(country, ())
        return tuple(p for c in self.countries() for p in self._packs[c])

    def __iter__(self) -> Iterator[Pack]:
        return iter(self.packs())

    def __len__(self) -> int:
        return sum(len(items) for items in self._packs.values())

    def find(self, country: str, on: dt.date | str) -> Pack | None:
        """The pack in force for ``country`` on ``on`` (a date or ISO string), or None."""
        if isinstance(on, str):
            on = dt.date.fromisoformat(on)
        dates = self._dates.get(country)
        if not dates:
            return None
        index = bisect.bisect_right(dates, on) - 1
        return self._packs[country][index] if index >= 0 else None

    def pack_for(self, country: str, on: dt.date | str) -> Pack:
        """The pack with the latest ``effective_from`` not after ``on``; LookupError if none."""
        pack = self.find(country, on)
        if pack is None:
            raise LookupError(f"no pack for {country} is in force on {on}")
        return pack

    def has_pack(self, country: str, on: dt.date) -> bool:
        return self.find(country, on) is not None


def _load_directory(root: Path) -> list[Pack]:
    if not root.is_dir():
        raise PackError(f"{root}: is not a directory of packs")
    packs: list[Pack] = []
    for country_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for file in sorted(country_dir.iterdir()):
            if file.suffix not in (".yaml", ".yml"):
                continue
            match = _FILE_NAME.fullmatch(file.name)
            if not match:
                raise PackError(f"{file}: a pack file is named <YYYY-MM-DD>.yaml")
            pack = load_pack(file)
            if pack.country != country_dir.name:
                raise PackError(f"{file}: country {pack.country} is not its folder's")
            if pack.effective_from.isoformat() != match.group(1):
                raise PackError(f"{file}: effective_from does not match the file name")
            packs.append(pack)
    return packs


@functools.cache
def default_registry() -> PackRegistry:
    """The shipped packs, loaded on first use and kept for the life of the process."""
    return PackRegistry(PACKS_DIR)
