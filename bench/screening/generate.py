"""Generate N realistic, valid screening records (contract section 1) as JSON Lines.

Seeded, so the same arguments give the same file. Records are spread over the ten states
with packs and mix the profiles an officer meets at first contact: labour migrants (most),
people asking for protection (in words or boxes), children alone or with family, possible
trafficking and labour exploitation, stateless people, people who want to go home, and
people with health or heightened-risk needs. Data is written on demand and never committed
(bench/**/data is git-ignored).

    python bench/screening/generate.py 20000 bench/screening/data/records.jsonl --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

STATES = ["AF", "AZ", "CN", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM"]

# Who is typically met where: (nationality, languages) weighted by rough frequency.
ORIGINS: dict[str, list[tuple[str, list[str], int]]] = {
    "AF": [("PK", ["pbu", "urd"], 5), ("IR", ["pes"], 2), ("TJ", ["tgk"], 1)],
    "AZ": [("IR", ["pes", "azb"], 4), ("GE", ["kat", "rus"], 2), ("AF", ["prs"], 1)],
    "CN": [("PK", ["urd", "eng"], 3), ("AF", ["prs"], 2), ("KZ", ["kaz", "rus"], 1)],
    "IR": [("AF", ["prs", "haz"], 10), ("PK", ["urd"], 1), ("IQ", ["arb"], 1)],
    "KZ": [
        ("UZ", ["uzn", "rus"], 8),
        ("KG", ["kir", "rus"], 4),
        ("TJ", ["tgk", "rus"], 4),
        ("AF", ["prs"], 1),
        ("CN", ["kaz", "uig"], 1),
    ],
    "KG": [("UZ", ["uzn"], 4), ("TJ", ["tgk"], 3), ("AF", ["prs"], 1), ("CN", ["kir", "uig"], 1)],
    "PK": [("AF", ["pbu", "prs"], 10)],
    "TJ": [("AF", ["prs", "pbu"], 6), ("UZ", ["uzn"], 2), ("KG", ["kir"], 1)],
    "TR": [
        ("AF", ["prs"], 5),
        ("SY", ["arb"], 4),
        ("IR", ["pes"], 2),
        ("PK", ["urd"], 2),
        ("UZ", ["uzn"], 2),
        ("KG", ["kir", "rus"], 1),
        ("TM", ["tuk"], 2),
    ],
    "TM": [("AF", ["prs", "tuk"], 3), ("UZ", ["uzn"], 2), ("IR", ["pes"], 1)],
}

LOCATIONS = ["border", "airport", "inland", "detention", "reception"]
FEAR_TEXTS = [
    "Я боюсь возвращаться домой.",
    "I am afraid to go back.",
    "می‌ترسم برگردم",
    "زه بېرته تلو ته ډارېږم",
    "Агар баргардам мекушанд.",
    "Men qaytishdan qo'rqaman.",
    "Мен кайра кайтууга коркомун.",
    "Мен қайтуға қорқамын.",
]
NEUTRAL_TEXTS = [
    "Приехал на заработки, работаю на стройке.",
    "I came to visit my brother.",
    "Ищу работу, документы в порядке.",
    "",
]
FORCED_LABOUR = [
    "abuse_of_vulnerability",
    "deception",
    "restriction_of_movement",
    "isolation",
    "physical_sexual_violence",
    "intimidation_threats",
    "retention_of_identity_documents",
    "withholding_of_wages",
    "debt_bondage",
    "abusive_working_living_conditions",
    "excessive_overtime",
]
EXPLOITATION = [
    "sexual",
    "forced_begging",
    "forced_criminality",
    "forced_marriage",
    "domestic_servitude",
    "organ_removal",
]
FEAR_REASONS = [
    "race",
    "religion",
    "nationality",
    "political_opinion",
    "social_group",
    "armed_conflict",
    "generalised_violence",
    "gender",
    "other",
]
DOC_TYPES = [
    "passport",
    "national_id",
    "tazkira",
    "birth_certificate",
    "residence_permit",
    "work_permit",
    "other",
]
HOLDERS = ["self"] * 8 + ["employer", "recruiter", "smuggler", "relative", "authorities", "lost"]
PROFILES = [
    ("labour_migrant", 40),
    ("protection", 15),
    ("child", 10),
    ("trafficking", 7),
    ("exploitation", 8),
    ("stateless", 4),
    ("return", 6),
    ("vulnerable", 6),
    ("long_stay", 4),
]

FIRST_DATE = dt.date(2026, 1, 1)  # the packs in force from 2026-01-01
LAST_DATE = dt.date(2026, 11, 20)


def _pick_weighted(rng: random.Random, items: list[tuple[Any, int]]) -> Any:
    return rng.choices([i[0] for i in items], weights=[i[1] for i in items])[0]


def _birth_date(rng: random.Random, date: dt.date, age: int) -> tuple[str, bool]:
    """A birth date giving about `age` on `date`, as full, year-month or year-only."""
    born = date - dt.timedelta(days=int(age * 365.25) + rng.randint(0, 360))
    form = rng.random()
    if form < 0.6:
        return born.isoformat(), rng.random() < 0.2
    if form < 0.8:
        return born.strftime("%Y-%m"), True
    return str(born.year), True


def _documents(rng: random.Random, nationality: str, *, hold: str | None = None) -> list[Any]:
    count = rng.choice([0, 1, 1, 1, 2])
    documents = []
    for _ in range(count):
        document: dict[str, Any] = {"type": rng.choice(DOC_TYPES)}
        if nationality not in {"stateless", "unknown"}:
            document["issuing_state"] = nationality
        holder = hold or rng.choice(HOLDERS)
        if holder != "self" or rng.random() < 0.5:
            document["held_by"] = holder
        documents.append(document)
    return documents


def generate_record(rng: random.Random) -> dict[str, Any]:
    """One valid record of contract section 1, of a randomly chosen profile."""
    country = rng.choice(STATES)
    nationality, languages, _ = rng.choices(
        ORIGINS[country], weights=[o[2] for o in ORIGINS[country]]
    )[0]
    date = FIRST_DATE + dt.timedelta(days=rng.randint(0, (LAST_DATE - FIRST_DATE).days))
    profile = _pick_weighted(rng, PROFILES)
    age = rng.randint(19, 60)
    if profile == "child":
        age = rng.randint(0, 17)
    elif profile == "vulnerable" and rng.random() < 0.4:
        age = rng.randint(65, 85)

    person: dict[str, Any] = {
        "sex": rng.choice(["F", "M", "M", "U"]),
        "nationalities": [nationality],
        "country_of_origin": nationality,
        "languages": list(languages),
        "stay": rng.choice(["regular", "irregular", "expired", "unknown"]),
    }
    if rng.random() < 0.85:
        person["birth_date"], person["birth_date_estimated"] = _birth_date(rng, date, age)
    if rng.random() < 0.3 or "birth_date" not in person:
        person["age_claimed"] = max(0, min(130, age + rng.randint(-2, 1)))
    if profile == "child" and rng.random() < 0.5:
        person["appears_child"] = True
    if profile == "child" and rng.random() < 0.1:
        result = "adult" if rng.random() < 0.3 else "child"
        person["age_assessment"] = {"result": result, "date": date.isoformat()}
    if rng.random() < 0.5:
        person["years_in_country"] = round(rng.uniform(0, 4), 1)
    travel: dict[str, Any] = {
        "entry": rng.choice(["regular", "regular", "irregular", "unknown"]),
        "facilitated_by": rng.choice(["none", "none", "none", "smuggler", "relative", "other"]),
    }
    statements: dict[str, Any] = {"purpose": rng.choice(["work", "family", "transit", "other"])}
    indicators: dict[str, Any] = {}
    person["documents"] = _documents(rng, nationality)

    if profile == "labour_migrant":
        statements["purpose"] = "work"
        statements["free_text"] = rng.choice(NEUTRAL_TEXTS)
    elif profile == "protection":
        statements["purpose"] = rng.choice(["protection", "transit", "family"])
        choice = rng.random()
        if choice < 0.4:
            statements["fear_of_return"] = True
            statements["fear_reasons"] = rng.sample(FEAR_REASONS, rng.randint(1, 2))
        elif choice < 0.7:
            statements["free_text"] = rng.choice(FEAR_TEXTS)
        else:
            statements["wants_asylum"] = True
        if rng.random() < 0.2:
            indicators["torture_survivor"] = True
    elif profile == "child":
        travel["accompanied_by"] = rng.choice(
            ["parent", "parent", "legal_guardian", "relative", "unrelated_adult", "none", "unknown"]
        )
        travel["separated_from_family"] = (
            travel["accompanied_by"] not in {"parent", "legal_guardian"} and rng.random() < 0.5
        )
        if rng.random() < 0.2:
            person["birth_registered"] = False
        if rng.random() < 0.15:
            indicators["child_marriage"] = True
    elif profile == "trafficking":
        travel["moved_or_recruited_by_another"] = True
        travel["facilitated_by"] = rng.choice(["recruiter", "employer", "smuggler"])
        indicators["forced_labour"] = rng.sample(FORCED_LABOUR, rng.randint(1, 4))
        if rng.random() < 0.4:
            indicators["exploitation"] = rng.sample(EXPLOITATION, 1)
        person["documents"] = _documents(rng, nationality, hold="employer")
        statements["purpose"] = "work"
    elif profile == "exploitation":
        indicators["forced_labour"] = rng.sample(
            [
                "withholding_of_wages",
                "excessive_overtime",
                "abusive_working_living_conditions",
                "debt_bondage",
            ],
            rng.randint(1, 2),
        )
        statements["purpose"] = "work"
    elif profile == "stateless":
        person["nationalities"] = [rng.choice(["stateless", "unknown"])]
        person.pop("country_of_origin")
        person["years_in_country"] = rng.randint(5, 30)
    elif profile == "return":
        statements["wants_to_return"] = True
    elif profile == "vulnerable":
        for key in [
            "medical_urgent",
            "serious_medical_condition",
            "pregnant",
            "disability",
            "mental_health_distress",
            "older_person_at_risk",
            "single_parent",
            "gbv_survivor",
        ]:
            if rng.random() < 0.25:
                indicators[key] = True
    elif profile == "long_stay":
        person["years_in_country"] = rng.randint(5, 20)
        person["stay"] = rng.choice(["irregular", "expired"])
        statements["purpose"] = "work"

    record: dict[str, Any] = {
        "schema": "crossroads.screening/1",
        "country": country,
        "date": date.isoformat(),
        "location": {"kind": rng.choice(LOCATIONS), "name": f"{country} checkpoint"},
        "person": person,
        "travel": travel,
        "statements": statements,
    }
    if indicators:
        record["indicators"] = indicators
    return record


def generate(count: int, path: Path, seed: int = 1) -> Path:
    """Write `count` records to `path` as JSON Lines and return the path."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count):
            out.write(json.dumps(generate_record(rng), ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.count, args.path, args.seed)
    print(f"wrote {args.count} records to {args.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
