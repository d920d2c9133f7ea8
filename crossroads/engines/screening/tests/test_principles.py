"""Property tests: the seven principles of spec section 5 hold for any valid record, in
every shipped pack (Hypothesis generates records covering every field of section 1)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossroads.engines.screening import Pack, Priority, default_registry, screen
from crossroads.engines.screening.vocab import (
    AccompaniedBy,
    DocumentType,
    Entry,
    ExploitationKind,
    FacilitatedBy,
    FearReason,
    ForcedLabourIndicator,
    HeldBy,
    LocationKind,
    Purpose,
    Sex,
    Stay,
)

PACKS: list[Pack] = list(default_registry())
FLAGS = [
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
]
FEARFUL_TEXTS = [
    "Я боюсь возвращаться, меня убьют",
    "I am afraid to go back",
    "می‌ترسم برگردم",
    "Men qaytishdan qoʻrqaman",
    "мени өлтүрүшөт",
    "Маро мекушанд",
    "ما به ووژني",
    "Мені өлтіреді",
]
NEUTRAL_TEXTS = ["", "I came for work", "Приехал на заработки", "کار می‌کنم", "ok"]
BLOCKING = {"non_refoulement", "reflection_period", "best_interests_first"}
STATUS_NEEDS = {
    "voluntary_return",
    "regularisation",
    "irregular_stay",
    "labour_migrant_information",
}
STRONG_NEEDS = {
    "international_protection",
    "trafficking_presumed",
    "trafficking_possible",
    "unaccompanied_child",
    "separated_child",
}
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def codes(enum: Any) -> list[str]:
    return [member.value for member in enum]


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def pack_and_date(draw: st.DrawFn) -> tuple[Pack, dt.date]:
    pack = draw(st.sampled_from(PACKS))
    later = [
        p.effective_from
        for p in default_registry().packs(pack.country)
        if p.effective_from > pack.effective_from
    ]
    end = (
        min(later) - dt.timedelta(days=1) if later else pack.effective_from + dt.timedelta(days=900)
    )
    return pack, draw(st.dates(min_value=pack.effective_from, max_value=end))


@st.composite
def birth_dates(draw: st.DrawFn, on: dt.date) -> str:
    born = draw(st.dates(min_value=on - dt.timedelta(days=365 * 90), max_value=on))
    form = draw(st.sampled_from(["full", "month", "year"]))
    if form == "full":
        return born.isoformat()
    if form == "month":
        return born.isoformat()[:7]
    return born.isoformat()[:4]


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    pack, on = draw(pack_and_date())
    person = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "birth_date": optional(birth_dates(on)),
                "birth_date_estimated": optional(st.booleans()),
                "age_claimed": optional(st.integers(0, 130)),
                "appears_child": optional(st.booleans()),
                "age_assessment": optional(
                    st.fixed_dictionaries(
                        {
                            "result": st.sampled_from(["adult", "child"]),
                            "date": st.dates(
                                min_value=on - dt.timedelta(days=400),
                                max_value=on + dt.timedelta(days=30),
                            ).map(dt.date.isoformat),
                        }
                    )
                ),
                "sex": optional(st.sampled_from(codes(Sex))),
                "nationalities": optional(
                    st.lists(
                        st.sampled_from(["AF", "IR", "KG", "stateless", "unknown"]), max_size=3
                    )
                ),
                "country_of_origin": optional(st.sampled_from(["AF", "IR", "TJ", "CN"])),
                "languages": optional(st.lists(st.sampled_from(["prs", "rus", "pus"]), max_size=2)),
                "birth_registered": optional(st.booleans()),
                "years_in_country": optional(
                    st.integers(0, 30) | st.floats(0, 30, allow_nan=False)
                ),
                "stay": optional(st.sampled_from(codes(Stay))),
                "documents": optional(
                    st.lists(
                        st.fixed_dictionaries(
                            {},
                            optional={
                                "type": st.sampled_from(codes(DocumentType)),
                                "issuing_state": st.sampled_from(["AF", "KG"]),
                                "held_by": st.sampled_from(codes(HeldBy)),
                            },
                        ),
                        max_size=3,
                    )
                ),
            },
        )
    )
    travel = st.fixed_dictionaries(
        {},
        optional={
            "accompanied_by": optional(st.sampled_from(codes(AccompaniedBy))),
            "separated_from_family": optional(st.booleans()),
            "entry": optional(st.sampled_from(codes(Entry))),
            "facilitated_by": optional(st.sampled_from(codes(FacilitatedBy))),
            "moved_or_recruited_by_another": optional(st.booleans()),
        },
    )
    statements = st.fixed_dictionaries(
        {},
        optional={
            "fear_of_return": optional(st.booleans()),
            "fear_reasons": optional(st.lists(st.sampled_from(codes(FearReason)), max_size=2)),
            "wants_asylum": optional(st.booleans()),
            "wants_to_return": optional(st.booleans()),
            "purpose": optional(st.sampled_from(codes(Purpose))),
            "free_text": optional(
                st.sampled_from(FEARFUL_TEXTS + NEUTRAL_TEXTS) | st.text(max_size=40)
            ),
        },
    )
    indicators = st.fixed_dictionaries(
        {},
        optional={
            "forced_labour": optional(
                st.lists(st.sampled_from(codes(ForcedLabourIndicator)), max_size=4)
            ),
            "exploitation": optional(
                st.lists(st.sampled_from(codes(ExploitationKind)), max_size=2)
            ),
            **{flag: optional(st.booleans()) for flag in FLAGS},
        },
    )
    data: dict[str, Any] = {"country": pack.country, "date": on.isoformat()}
    if draw(st.booleans()):
        data["schema"] = "crossroads.screening/1"
    if draw(st.booleans()):
        data["location"] = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "kind": optional(st.sampled_from(codes(LocationKind))),
                    "name": optional(st.sampled_from(["Dostuk", "Manas", "Торугарт"])),
                },
            )
        )
    data["person"] = person
    data["travel"] = draw(travel)
    data["statements"] = draw(statements)
    data["indicators"] = draw(indicators)
    return data


def is_protection_request(data: dict[str, Any]) -> bool:
    s = data.get("statements", {})
    return bool(
        s.get("fear_of_return") is True
        or s.get("wants_asylum") is True
        or s.get("fear_reasons")
        or s.get("purpose") == "protection"
        or s.get("free_text") in FEARFUL_TEXTS
    )


def has_childhood_sign(data: dict[str, Any]) -> bool:
    person = data.get("person", {})
    claimed = person.get("age_claimed")
    return bool((claimed is not None and claimed < 18) or person.get("appears_child") is True)


def check_principles(data: dict[str, Any], res: dict[str, Any]) -> None:
    needs = {n["code"] for n in res["needs"]}
    guards = {s["code"] for s in res["safeguards"]}
    paths = {r["pathway"] for r in res["referrals"]}
    # 1. A protection request in any words.
    if is_protection_request(data):
        assert "international_protection" in needs
        assert "non_refoulement" in guards
        assert paths & {"asylum_procedure", "unhcr_mandate"}
    # 2. No return while a blocking safeguard stands.
    if guards & BLOCKING:
        assert not paths & {"return_procedure", "assisted_voluntary_return"}
    # 3. A child is a child until assessed; no detention; no return procedure.
    person = data.get("person", {})
    assessment = person.get("age_assessment")
    valid_assessment = assessment is not None and assessment["date"] <= data["date"]
    if has_childhood_sign(data) and not valid_assessment:
        assert res["is_child"] is True
    if valid_assessment and assessment["result"] == "child":
        assert res["is_child"] is True
    if res["is_child"]:
        assert "no_detention_child" in guards
        assert "return_procedure" not in paths
    # 4. Trafficking victims: non_punishment, never return_procedure.
    if needs & {"trafficking_presumed", "trafficking_possible"}:
        assert "non_punishment" in guards
        assert "return_procedure" not in paths
    # 5. Every need served; every item has a because.
    served = {n for r in res["referrals"] for n in r["needs"]}
    assert needs <= served
    for item in res["needs"] + res["referrals"] + res["safeguards"]:
        assert item["because"]
    # Shape: sorted lists, consent rule, pack deadlines within the maxima.
    assert [n["code"] for n in res["needs"]] == sorted(needs)
    assert [s["code"] for s in res["safeguards"]] == sorted(guards)
    keys = [(Priority(r["priority"]).rank, r["pathway"]) for r in res["referrals"]]
    assert keys == sorted(keys)
    for ref in res["referrals"]:
        assert ref["consent_required"] is (ref["agency_kind"] in {"unhcr", "iom", "ngo"})
        assert ref["deadline_hours"] <= Priority(ref["priority"]).max_deadline_hours
    # 7. Names the pack that produced it.
    pack = default_registry().pack_for(data["country"], dt.date.fromisoformat(data["date"]))
    assert res["pack"] == pack.as_result_header()


@SETTINGS
@given(records())
def test_principles_1_to_5_and_7_hold_for_any_record_and_pack(data: dict[str, Any]) -> None:
    res = screen(data)
    check_principles(data, res)


@SETTINGS
@given(records())
def test_the_result_is_deterministic(data: dict[str, Any]) -> None:
    first = json.dumps(screen(data), ensure_ascii=False)
    assert json.dumps(screen(copy.deepcopy(data)), ensure_ascii=False) == first


# --- principle 6: monotonicity --------------------------------------------------------


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    section: dict[str, Any] = data.setdefault(name, {})
    return section


def _append(section: dict[str, Any], key: str, value: Any) -> None:
    items = list(section.get(key) or [])
    if value not in items:
        items.append(value)
    section[key] = items


def vulnerability_facts() -> st.SearchStrategy[Callable[[dict[str, Any]], None]]:
    """Ways of adding one fact that signals vulnerability to a record."""

    def flag(name: str) -> Callable[[dict[str, Any]], None]:
        return lambda d: _section(d, "indicators").__setitem__(name, True)

    def labour(code: str) -> Callable[[dict[str, Any]], None]:
        return lambda d: _append(_section(d, "indicators"), "forced_labour", code)

    def exploitation(code: str) -> Callable[[dict[str, Any]], None]:
        return lambda d: _append(_section(d, "indicators"), "exploitation", code)

    def statement(name: str) -> Callable[[dict[str, Any]], None]:
        return lambda d: _section(d, "statements").__setitem__(name, True)

    def reason(code: str) -> Callable[[dict[str, Any]], None]:
        return lambda d: _append(_section(d, "statements"), "fear_reasons", code)

    def travel(name: str) -> Callable[[dict[str, Any]], None]:
        return lambda d: _section(d, "travel").__setitem__(name, True)

    def held_document(held_by: str) -> Callable[[dict[str, Any]], None]:
        return lambda d: _append(_section(d, "person"), "documents", {"held_by": held_by})

    def appears_child(d: dict[str, Any]) -> None:
        _section(d, "person")["appears_child"] = True

    def claims_child_age(d: dict[str, Any]) -> None:
        person = _section(d, "person")
        if person.get("age_claimed") is None:
            person["age_claimed"] = 15

    def stateless(d: dict[str, Any]) -> None:
        _append(_section(d, "person"), "nationalities", "stateless")

    def unregistered(d: dict[str, Any]) -> None:
        _section(d, "person")["birth_registered"] = False

    def smuggled(d: dict[str, Any]) -> None:
        t = _section(d, "travel")
        if t.get("facilitated_by") in (None, "none", "relative", "other"):
            t["facilitated_by"] = "smuggler"

    def fearful_words(d: dict[str, Any]) -> None:
        s = _section(d, "statements")
        s["free_text"] = (s.get("free_text") or "") + " меня убьют"

    def seeks_protection(d: dict[str, Any]) -> None:
        # ▲ purpose protection is a protection request (section 4)
        _section(d, "statements")["purpose"] = "protection"

    def assessed_child(d: dict[str, Any]) -> None:
        # an age assessment saying child decides, whatever else is known (section 4)
        person = _section(d, "person")
        if person.get("age_assessment") is None:
            person["age_assessment"] = {"result": "child", "date": d["date"]}

    choices: list[Callable[[dict[str, Any]], None]] = [
        *(flag(f) for f in FLAGS),
        *(labour(c) for c in codes(ForcedLabourIndicator)),
        *(exploitation(c) for c in codes(ExploitationKind)),
        statement("fear_of_return"),
        statement("wants_asylum"),
        *(reason(c) for c in codes(FearReason)),
        travel("separated_from_family"),
        travel("moved_or_recruited_by_another"),
        *(held_document(h) for h in ("employer", "recruiter", "smuggler")),
        appears_child,
        claims_child_age,
        stateless,
        unregistered,
        smuggled,
        fearful_words,
        seeks_protection,
        assessed_child,
    ]
    return st.sampled_from(choices)


@SETTINGS
@given(records(), st.lists(vulnerability_facts(), min_size=1, max_size=3))
def test_adding_a_vulnerability_fact_never_weakens_the_result(
    data: dict[str, Any], additions: list[Callable[[dict[str, Any]], None]]
) -> None:
    before = screen(data)
    more = copy.deepcopy(data)
    for add in additions:
        add(more)
    after = screen(more)
    check_principles(more, after)

    guards_before = {s["code"] for s in before["safeguards"]}
    guards_after = {s["code"] for s in after["safeguards"]}
    assert guards_before <= guards_after, "a safeguard was removed"

    prio_before = {r["pathway"]: Priority(r["priority"]) for r in before["referrals"]}
    prio_after = {r["pathway"]: Priority(r["priority"]) for r in after["referrals"]}
    for pathway in prio_before.keys() & prio_after.keys():
        assert prio_after[pathway].rank <= prio_before[pathway].rank, pathway
    if "return_procedure" in prio_after:
        assert "return_procedure" in prio_before

    needs_before = {n["code"] for n in before["needs"]}
    needs_after = {n["code"] for n in after["needs"]}
    for gone in needs_before - needs_after:
        if gone == "labour_exploitation":
            assert needs_after & {"trafficking_possible", "trafficking_presumed"}
        elif gone == "trafficking_possible":
            assert "trafficking_presumed" in needs_after
        elif gone in STATUS_NEEDS:
            assert needs_after & STRONG_NEEDS or guards_after & BLOCKING
        else:
            raise AssertionError(f"need {gone} disappeared")
