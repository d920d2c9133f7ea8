"""A second, independent benchmark generator: people of Afghanistan, Pakistan, Iran and Central
Asia registered as clerks actually write them, from a lexicon of attested spellings.

    python -m bench.identity.generate_independent --people 10000 --seed 101 --out DIR

It writes the same files as ``generate.py`` (``records.csv``, ``labels.csv``, ``persons.csv``,
``queries.csv``, ``query_labels.csv``) so that ``run.py`` and ``metrics.py`` measure both alike,
plus two label columns the first generator lacks: ``origin`` (the person's true nationality)
and ``noise`` (what the clerk did to this registration, ``;``-separated).

Written apart from the first generator on purpose (issue 15): it imports nothing from
``crossroads`` nor from ``generate.py``/``scripts.py``, has its own tables
(``independent/*.tsv``, sources cited there) and its own model of the world:

- **names as spellings, not sounds**: each name is a row of spellings seen in Arabic script
  (Dari, Pashto, Urdu), Latin (everyday English, passports) and Cyrillic (Russian and Tajik
  documents); a registration picks one, the commoner first. The first generator writes names
  from phonemes through transliteration standards.
- **Afghan and Pakistani naming**: no family name; the father's (or grandfather's) given name
  written in the family-name field; "walad", "bin", "s/o", "d/o", "w/o" (a wife's husband) in
  the given or patronymic field; honorific and theophoric parts (Haji, Sayed, Mullah,
  Mohammad, Khan, Jan, Gul) added or dropped; a whole name in one field; a given name alone.
- **scripts**: Pashto letters (ګ ښ ږ ټ ډ ړ ڼ ې ۍ), Urdu letters (ہ ھ ے ٹ), Arabic yeh/kaf.
- **dates**: many Afghans know only a year; a date missing on one registration of a person
  who has it on another; an age-derived year off by one or two.

Never used to fit weights: evaluate on any seed; the engine's weights are fitted on the first
generator's seed 11.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

COLUMNS = ("id", "given_name", "family_name", "patronymic", "birth_date", "sex", "nationality")
TABLES = Path(__file__).resolve().parent / "independent"

ORIGIN_WEIGHTS = {"AF": 40, "PK": 15, "IR": 12, "TJ": 15, "UZ": 11, "KG": 7}
# Which script a registration of a person of each origin is written in.
SCRIPT_WEIGHTS = {
    "AF": {"Arab": 42, "Latn": 38, "Cyrl": 20},
    "PK": {"Latn": 60, "Arab": 30, "Cyrl": 10},
    "IR": {"Arab": 50, "Latn": 40, "Cyrl": 10},
    "TJ": {"Cyrl": 55, "Latn": 30, "Arab": 15},
    "UZ": {"Latn": 45, "Cyrl": 50, "Arab": 5},
    "KG": {"Cyrl": 70, "Latn": 30},
}
# How a family name comes about, per origin.
FAMILY_PRACTICE = {
    "AF": {"none": 45, "tribe": 25, "family": 30},
    "PK": {"caste": 55, "tribe": 15, "none": 30},
    "IR": {"family": 100},
    "TJ": {"ov": 55, "zoda": 35, "family": 10},
    "UZ": {"ov": 100},
    "KG": {"ov": 70, "uulu": 30},
}
REGISTRATIONS = (1, 2, 3, 4)
REGISTRATION_WEIGHTS = (40, 35, 17, 8)
P_REGISTERED = 0.85
P_YEAR_ONLY = {"AF": 0.45, "PK": 0.25, "IR": 0.05, "TJ": 0.05, "UZ": 0.03, "KG": 0.03}


def _read(name: str) -> list[list[str]]:
    rows = []
    for line in (TABLES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _spellings(cell: str) -> tuple[str, ...]:
    return tuple(s for s in cell.split("|") if s)


@dataclass(frozen=True)
class Name:
    key: str
    sex: str
    weight: float
    origins: frozenset[str]
    spellings: dict[str, tuple[str, ...]]  # script -> spellings, usual first


@dataclass(frozen=True)
class Surname:
    key: str
    kind: str
    origins: frozenset[str]
    spellings: dict[str, tuple[str, ...]]


def _load() -> tuple[list[Name], list[Surname], list[Name]]:
    given = []
    for key, sex, weight, origins, arab, latn, cyrl in _read("given_names.tsv"):
        given.append(
            Name(
                key,
                sex,
                float(weight),
                frozenset(origins.split(",")),
                {"Arab": _spellings(arab), "Latn": _spellings(latn), "Cyrl": _spellings(cyrl)},
            )
        )
    surnames = []
    for key, kind, origins, arab, latn, cyrl in _read("family_names.tsv"):
        surnames.append(
            Surname(
                key,
                kind,
                frozenset(origins.split(",")),
                {"Arab": _spellings(arab), "Latn": _spellings(latn), "Cyrl": _spellings(cyrl)},
            )
        )
    honorifics = []
    for key, position, arab, latn, cyrl in _read("honorifics.tsv"):
        honorifics.append(
            Name(
                key,
                position,
                1.0,
                frozenset(),
                {"Arab": _spellings(arab), "Latn": _spellings(latn), "Cyrl": _spellings(cyrl)},
            )
        )
    return given, surnames, honorifics


@dataclass
class Person:
    person_id: str
    household_id: str
    origin: str
    sex: str
    role: str
    given: Name
    title: Name | None  # a theophoric or honorific part that is part of the name itself
    father: Name
    grandfather: Name
    surname: Surname | None
    surname_stem: Name | None  # the ancestor behind -ov / -zoda / uulu
    surname_practice: str
    birth: dt.date
    year_only: bool
    husband: Name | None = None
    twin_of: str = ""
    registered: bool = True

    @property
    def name_key(self) -> str:
        """The true full name: namesakes share it. Without a family name, people are known
        by their own and their father's name (the tazkira's order)."""
        if self.surname is not None:
            family = self.surname.key
        elif self.surname_stem is not None:
            family = f"{self.surname_stem.key}+{self.surname_practice}"
        else:
            family = f"father:{self.father.key}"
        return f"{self.given.key}|{family}"


class World:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.given, self.surnames, honorifics = _load()
        self.before = [h for h in honorifics if h.sex == "before" and h.key != "mohammad"]
        self.after = [h for h in honorifics if h.sex == "after"]
        self.mohammad = next(h for h in honorifics if h.key == "mohammad")
        self._people = 0
        self._households = 0

    def pick_name(self, origin: str, sex: str, avoid: set[str] | None = None) -> Name:
        pool = [
            n
            for n in self.given
            if n.sex == sex and origin in n.origins and (not avoid or n.key not in avoid)
        ]
        if not pool:  # a large family has used up the names: a repeat is then allowed
            pool = [n for n in self.given if n.sex == sex and origin in n.origins]
        return self.rng.choices(pool, [n.weight for n in pool])[0]

    def pick_surname(self, origin: str, kind: str) -> Surname:
        pool = [s for s in self.surnames if s.kind == kind and origin in s.origins]
        if not pool:
            pool = [s for s in self.surnames if origin in s.origins]
        return self.rng.choice(pool)

    def _id(self) -> str:
        self._people += 1
        return f"p{self._people:07d}"

    def household(self, origin: str | None = None) -> list[Person]:
        rng = self.rng
        if origin is None:
            origin = rng.choices(list(ORIGIN_WEIGHTS), list(ORIGIN_WEIGHTS.values()))[0]
        self._households += 1
        hid = f"h{self._households:07d}"
        practice = rng.choices(
            list(FAMILY_PRACTICE[origin]), list(FAMILY_PRACTICE[origin].values())
        )[0]
        grandfather = self.pick_name(origin, "M")
        great = self.pick_name(origin, "M")
        father_given = self.pick_name(origin, "M", {grandfather.key})
        surname = None
        stem = None
        if practice in ("tribe", "family", "caste"):
            surname = self.pick_surname(origin, practice)
        elif practice in ("ov", "zoda"):
            stem = self.pick_name(origin, "M")
        title = None
        if origin in ("AF", "PK") and rng.random() < 0.15:
            title = self.mohammad
        year_only = rng.random() < P_YEAR_ONLY[origin]
        father_birth = self._date(rng.randint(1950, 1995))
        father = Person(
            self._id(),
            hid,
            origin,
            "M",
            "father",
            father_given,
            title,
            grandfather,
            great,
            surname,
            stem if practice != "uulu" else grandfather,
            practice,
            father_birth,
            year_only,
        )
        members = [father]
        if rng.random() < 0.3:
            return members  # a man on the move alone
        wife_father = self.pick_name(origin, "M")
        mother = Person(
            self._id(),
            hid,
            origin,
            "F",
            "mother",
            self.pick_name(origin, "F"),
            None,
            wife_father,
            self.pick_name(origin, "M"),
            surname if origin != "AF" or rng.random() < 0.5 else None,
            stem,
            practice,
            self._date(father_birth.year + rng.randint(-2, 8)),
            year_only or rng.random() < 0.2,
            husband=father_given,
        )
        if mother.surname is None and mother.surname_stem is None:
            mother.surname_practice = "none"
        members.append(mother)
        year = max(father_birth.year, mother.birth.year) + rng.randint(18, 28)
        used: set[str] = {father_given.key}
        for _ in range(rng.choices(range(7), (8, 14, 20, 20, 16, 12, 10))[0]):
            if year > 2025:
                break
            sex = rng.choice("MF")
            name = self.pick_name(origin, sex, used)
            used.add(name.key)
            birth = self._date(year)
            child_title = None
            if sex == "M" and origin in ("AF", "PK") and rng.random() < 0.15:
                child_title = self.mohammad
            child = Person(
                self._id(),
                hid,
                origin,
                sex,
                "child",
                name,
                child_title,
                father_given,
                grandfather,
                surname,
                stem if practice != "uulu" else father_given,
                practice,
                birth,
                year_only,
            )
            members.append(child)
            if rng.random() < 0.035:
                twin_sex = rng.choice("MF")
                twin_name = self.pick_name(origin, twin_sex, used)
                used.add(twin_name.key)
                twin = Person(
                    self._id(),
                    hid,
                    origin,
                    twin_sex,
                    "child",
                    twin_name,
                    None,
                    father_given,
                    grandfather,
                    surname,
                    child.surname_stem,
                    practice,
                    birth,
                    year_only,
                    twin_of=child.person_id,
                )
                members.append(twin)
            year += rng.randint(1, 4)
        return members

    def namesake(self, of: Person) -> Person:
        """Another person with the same given name and family name (or, without one, the same
        given name and father's name): another father or grandfather, a near birth year."""
        rng = self.rng
        self._households += 1
        other_father = of.father
        if of.surname is not None or of.surname_stem is not None:
            other_father = self.pick_name(of.origin, "M", {of.father.key})
        year = of.birth.year + rng.randint(-12, 12)
        return Person(
            self._id(),
            f"h{self._households:07d}",
            of.origin,
            of.sex,
            "namesake",
            of.given,
            of.title,
            other_father,
            self.pick_name(of.origin, "M", {of.grandfather.key}),
            of.surname,
            of.surname_stem,
            of.surname_practice,
            self._date(min(year, 2024)),
            of.year_only,
        )

    def _date(self, year: int) -> dt.date:
        start = dt.date(year, 1, 1)
        return start + dt.timedelta(days=self.rng.randrange(365))


@dataclass
class Registration:
    values: dict[str, str]
    script: str
    noise: list[str] = field(default_factory=list)


_MARKERS = {
    "Latn": {
        "son": ("s/o", "S/O", "son of", "walad", "bin", "ibn"),
        "daughter": ("d/o", "D/O", "daughter of", "bint"),
        "wife": ("w/o", "W/O", "wife of"),
    },
    "Arab": {"son": ("ولد", "بن", "ولد"), "daughter": ("بنت", "دختر"), "wife": ("زوجه", "همسر")},
    "Cyrl": {"son": ("сын", "валад", "бин"), "daughter": ("дочь", "бинт"), "wife": ("жена",)},
}
_RU_PATRONYMIC = {"M": "ович", "F": "овна"}
_LATIN_PATRONYMIC = {"M": ("ovich", "ovitch", "ovych"), "F": ("ovna",)}
_OV = {"Cyrl": ("ов", "ова"), "Latn": ("ov", "ova"), "Arab": ("اف", "اوا")}
_ZODA = {"Cyrl": ("зода", "заде"), "Latn": ("zoda", "zade", "zada", "zadeh"), "Arab": ("زاده",)}
_UULU = {"Cyrl": ("уулу", "кызы"), "Latn": ("uulu", "kyzy")}
# Keyboard neighbours and everyday slips for one-letter typos, per script.
_LATIN_SLIPS = "aeiouy"
_URDU = {"ه": "ہ", "ی": "ی"}
_PASHTO = {"گ": "ګ"}


class Clerk:
    def __init__(self, world: World, rng: random.Random) -> None:
        self.world = world
        self.rng = rng

    def _spell(self, name: Name | Surname, script: str) -> str:
        spellings = name.spellings.get(script) or ()
        if not spellings:
            return ""
        # the usual spelling most often, the others in turn
        weights = [3.0] + [1.0] * (len(spellings) - 1)
        return self.rng.choices(spellings, weights)[0]

    def _usable_script(self, person: Person) -> str:
        weights = SCRIPT_WEIGHTS[person.origin]
        for _ in range(10):
            script = self.rng.choices(list(weights), list(weights.values()))[0]
            if person.given.spellings.get(script):
                return script
        return "Latn"

    def _arabic_noise(self, text: str, origin: str, noise: list[str]) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            text = text.replace("ی", "ي").replace("ک", "ك")
            noise.append("arabic_letters")
        if origin == "PK" and rng.random() < 0.6:
            text = "".join(_URDU.get(c, c) for c in text)
            if text.endswith("ی") and rng.random() < 0.2:
                text = text[:-1] + "ے"
            noise.append("urdu_letters")
        if origin == "AF" and rng.random() < 0.35:
            text = "".join(_PASHTO.get(c, c) for c in text)
            words = text.split(" ")
            words = [
                w[:-1] + rng.choice("ېۍ") if w.endswith("ی") and rng.random() < 0.3 else w
                for w in words
            ]
            text = " ".join(words)
            noise.append("pashto_letters")
        return text

    def _typo(self, text: str, script: str, noise: list[str]) -> str:
        rng = self.rng
        if len(text) < 4:
            return text
        i = rng.randrange(1, len(text) - 1)
        if script == "Latn":
            kind = rng.random()
            if kind < 0.4 and text[i].lower() in _LATIN_SLIPS:
                text = text[:i] + text[i + 1 :]  # a vowel left out
            elif kind < 0.7:
                text = text[:i] + text[i] + text[i:]  # a letter doubled
            else:
                text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # two letters swapped
        elif text[i] != " " and text[i + 1] != " ":
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        noise.append("typo")
        return text

    def _given(self, person: Person, script: str, noise: list[str]) -> str:
        rng = self.rng
        name = self._spell(person.given, script)
        if person.title is not None:
            if rng.random() < 0.3:
                noise.append("title_dropped")
            else:
                title = self._spell(person.title, script)
                name = f"{title} {name}" if rng.random() < 0.9 else f"{title}{name}"
        if person.origin in ("AF", "PK") and person.sex == "M":
            if rng.random() < 0.07:
                name = f"{self._spell(rng.choice(self.world.before), script)} {name}"
                noise.append("honorific_added")
            if rng.random() < 0.07:
                after = self._spell(rng.choice(self.world.after), script)
                name = f"{name} {after}" if rng.random() < 0.7 else f"{name}{after.lower()}"
                noise.append("honorific_added")
        if script == "Latn" and " " in name and rng.random() < 0.15:
            name = name.replace(" ", "-" if rng.random() < 0.5 else "")
            noise.append("compound_joined")
        return name

    def _family(self, person: Person, script: str, noise: list[str]) -> str:
        rng = self.rng
        female = person.sex == "F"
        if person.surname is not None:
            spelt = self._spell(person.surname, script)
            if spelt:
                return spelt
        stem = person.surname_stem
        if stem is not None and person.surname_practice in ("ov", "zoda", "uulu"):
            base = self._spell(stem, script)
            if base and person.surname_practice == "ov":
                suffix = _OV[script][1 if female and rng.random() < 0.9 else 0]
                if base.endswith(("a", "o", "а", "о")):
                    base = base[:-1]
                if base.endswith(("i", "y", "и", "ӣ", "й")):
                    # Ali -> Aliev, Алӣ -> Алиев: -ev after a vowel i
                    base = base[:-1] + {"Latn": "i", "Cyrl": "и"}.get(script, "")
                    suffix = {"ов": "ев", "ова": "ева", "ov": "ev", "ova": "eva"}.get(
                        suffix, suffix
                    )
                return base + suffix
            if base and person.surname_practice == "zoda":
                suffix = rng.choice(_ZODA[script])
                sep = " " if rng.random() < 0.15 else ""
                return base + sep + suffix
            if base and person.surname_practice == "uulu" and script in _UULU:
                return f"{base} {_UULU[script][1 if female else 0]}"
        return ""

    def write(self, person: Person) -> Registration:
        rng = self.rng
        noise: list[str] = []
        script = self._usable_script(person)
        given = self._given(person, script, noise)
        family = self._family(person, script, noise)
        father = self._spell(person.father, script)
        patronymic = ""
        # the father's name: in its own field, in the family-name field, or with a marker
        if person.origin in ("AF", "PK"):
            if person.sex == "F" and person.husband is not None and rng.random() < 0.15:
                marker = rng.choice(_MARKERS[script]["wife"])
                patronymic = f"{marker} {self._spell(person.husband, script)}"
                noise.append("husband_w_o")
            elif rng.random() < 0.55:
                patronymic = father
                if rng.random() < 0.3:
                    kind = "daughter" if person.sex == "F" else "son"
                    patronymic = f"{rng.choice(_MARKERS[script][kind])} {father}"
                    noise.append("patronymic_marker")
            if not family or rng.random() < 0.2:
                roll = rng.random()
                if roll < 0.55:
                    family = father
                    noise.append("father_in_family")
                    if patronymic == father:
                        patronymic = self._spell(person.grandfather, script)
                        noise.append("grandfather_in_patronymic")
                elif roll < 0.62:
                    family = self._spell(person.grandfather, script)
                    noise.append("grandfather_in_family")
                else:
                    family = family if person.surname is not None else ""
            if not family:
                noise.append("no_family_name")
        elif person.origin == "IR":
            if rng.random() < 0.3:
                patronymic = father
        else:
            if script == "Cyrl" and rng.random() < 0.7:
                base = self._spell(person.father, "Cyrl")
                base = base[:-1] if base.endswith(("а", "о")) else base
                patronymic = base + _RU_PATRONYMIC[person.sex]
            elif script == "Latn" and rng.random() < 0.4:
                base = self._spell(person.father, "Latn")
                base = base[:-1] if base.endswith(("a", "o")) else base
                patronymic = base + rng.choice(_LATIN_PATRONYMIC[person.sex])
            elif rng.random() < 0.3:
                patronymic = father
        # whole-name and field slips
        roll = rng.random()
        if roll < 0.05 and (family or patronymic):
            parts = [given, family] if family else [given]
            if patronymic and rng.random() < 0.5:
                parts.append(patronymic)
                patronymic = ""
            given, family = " ".join(p for p in parts if p), ""
            noise.append("whole_name_one_field")
        elif roll < 0.09:
            family, patronymic = "", ""
            noise.append("given_name_alone")
        elif roll < 0.12 and family:
            given, family = family, given
            noise.append("swapped")
        if rng.random() < 0.05:
            given = self._typo(given, script, noise)
        if family and rng.random() < 0.04:
            family = self._typo(family, script, noise)
        if script == "Arab":
            given = self._arabic_noise(given, person.origin, noise)
            family = self._arabic_noise(family, person.origin, noise) if family else ""
            patronymic = self._arabic_noise(patronymic, person.origin, noise) if patronymic else ""
        elif script == "Latn" and rng.random() < 0.3:
            given, family, patronymic = given.upper(), family.upper(), patronymic.upper()
        values = {
            "given_name": given,
            "family_name": family,
            "patronymic": patronymic,
            "birth_date": self._date(person, noise),
            "sex": "" if rng.random() < 0.05 else person.sex,
            "nationality": self._nationality(person),
        }
        return Registration(values, script, sorted(set(noise)))

    def _date(self, person: Person, noise: list[str]) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.12:
            noise.append("date_missing")
            return ""
        year = person.birth.year
        if person.year_only:
            shape = rng.random()
            if shape < 0.2:
                year += rng.choice((-2, -1, 1, 2))
                noise.append("year_estimated")
            if shape < 0.5:
                return str(year)
            if shape < 0.8:
                return f"{year}-01-01"
            return f"{year}-07-01"  # mid-year, as some offices write an unknown day
        if roll < 0.17:
            noise.append("year_estimated")
            return str(year + rng.choice((-1, 1)))
        if roll < 0.20 and person.birth.day <= 12:
            noise.append("day_month_swapped")
            return f"{year}-{person.birth.day:02d}-{person.birth.month:02d}"
        return person.birth.isoformat()

    def _nationality(self, person: Person) -> str:
        roll = self.rng.random()
        if roll < 0.06:
            return ""
        if roll < 0.08:
            # an Afghan born in Pakistan or Iran registered under the host country, and back
            return {"AF": "PK", "PK": "AF", "IR": "AF", "TJ": "AF"}.get(person.origin, "")
        return person.origin


@dataclass
class Dataset:
    records: list[dict[str, str]]
    labels: list[dict[str, str]]
    persons: list[dict[str, str]]
    queries: list[dict[str, str]]
    query_labels: list[dict[str, str]]


def _person_row(p: Person) -> dict[str, str]:
    return {
        "person_id": p.person_id,
        "household_id": p.household_id,
        "role": p.role,
        "sex": p.sex,
        "nationality": p.origin,
        "birth_date": p.birth.isoformat(),
        "twin_of": p.twin_of,
        "name_key": p.name_key,
        "registered": "1" if p.registered else "0",
    }


def generate(
    *, people: int | None = None, records: int | None = None, queries: int = 1000, seed: int = 101
) -> Dataset:
    """A labelled register of ``people`` registered persons (or ``records`` records)."""
    if not people and not records:
        raise ValueError("give people or records")
    rng = random.Random(seed)
    world = World(rng)
    clerk = Clerk(world, rng)
    registered: list[Person] = []
    unregistered: list[Person] = []
    everyone: list[Person] = []
    raw: list[tuple[dict[str, str], dict[str, str]]] = []

    def done() -> bool:
        return len(registered) >= people if people else len(raw) >= (records or 0)

    while not done():
        for person in world.household():
            everyone.append(person)
            if rng.random() >= P_REGISTERED:
                person.registered = False
                unregistered.append(person)
                continue
            registered.append(person)
            for _ in range(rng.choices(REGISTRATIONS, REGISTRATION_WEIGHTS)[0]):
                reg = clerk.write(person)
                raw.append((reg.values, _label(person, reg)))
    if records:
        raw = raw[:records]
    rng.shuffle(raw)
    record_rows: list[dict[str, str]] = []
    label_rows: list[dict[str, str]] = []
    for number, (values, label) in enumerate(raw, start=1):
        record_id = f"x{number:07d}"
        record_rows.append({"id": record_id, **values})
        label_rows.append({"record_id": record_id, **label})
    in_register = {label["person_id"] for _, label in raw}
    registered = [p for p in registered if p.person_id in in_register]
    query_rows, query_labels, extra = _queries(queries, registered, unregistered, world, clerk)
    persons = [_person_row(p) for p in everyone + extra]
    return Dataset(record_rows, label_rows, persons, query_rows, query_labels)


def _label(person: Person, reg: Registration) -> dict[str, str]:
    return {
        "person_id": person.person_id,
        "household_id": person.household_id,
        "script": reg.script,
        "context": "independent",
        "origin": person.origin,
        "noise": ";".join(reg.noise),
    }


def _queries(
    count: int,
    registered: list[Person],
    unregistered: list[Person],
    world: World,
    clerk: Clerk,
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[Person]]:
    """Half registered people; the rest relatives (twins first), namesakes and newcomers."""
    rng = world.rng
    n_registered = count // 2
    n_relative = count * 2 // 10
    n_namesake = count * 15 // 100
    n_new = count - n_registered - n_relative - n_namesake
    chosen: list[tuple[Person, str]] = [
        (p, "registered") for p in rng.sample(registered, min(n_registered, len(registered)))
    ]
    households = {p.household_id for p in registered}
    registered_ids = {p.person_id for p in registered}
    twin_partner: dict[str, str] = {}
    for p in registered + unregistered:
        if p.twin_of:
            twin_partner[p.person_id] = p.twin_of
            twin_partner[p.twin_of] = p.person_id
    relatives = [p for p in unregistered if p.household_id in households]
    twins = [p for p in relatives if twin_partner.get(p.person_id) in registered_ids]
    twin_ids = {p.person_id for p in twins}
    others = [p for p in relatives if p.person_id not in twin_ids]
    for p in (twins[: n_relative // 4] + rng.sample(others, len(others)))[:n_relative]:
        chosen.append((p, "twin" if p.person_id in twin_ids else "relative"))
    extra: list[Person] = []
    for of in rng.sample(registered, min(n_namesake, len(registered))):
        namesake = world.namesake(of)
        namesake.registered = False
        extra.append(namesake)
        chosen.append((namesake, "namesake"))
    while sum(1 for _, kind in chosen if kind == "new") < n_new:
        household = world.household()
        for member in household:
            member.registered = False
        extra.extend(household)
        chosen.append((rng.choice(household), "new"))
    rng.shuffle(chosen)
    rows: list[dict[str, str]] = []
    labels: list[dict[str, str]] = []
    for number, (person, kind) in enumerate(chosen, start=1):
        reg = clerk.write(person)
        query_id = f"y{number:06d}"
        rows.append({"id": query_id, **reg.values})
        labels.append(
            {
                "query_id": query_id,
                "person_id": person.person_id,
                "household_id": person.household_id,
                "kind": kind,
                "script": reg.script,
                "context": "independent",
                "origin": person.origin,
            }
        )
    return rows, labels, extra


def _write_csv(path: Path, rows: Sequence[dict[str, str]], columns: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_dataset(data: Dataset, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _write_csv(out / "records.csv", data.records, COLUMNS)
    _write_csv(out / "labels.csv", data.labels, list(data.labels[0]))
    _write_csv(out / "persons.csv", data.persons, list(data.persons[0]))
    _write_csv(out / "queries.csv", data.queries, COLUMNS)
    _write_csv(out / "query_labels.csv", data.query_labels, list(data.query_labels[0]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--people", type=int, help="registered persons in the register")
    size.add_argument("--records", type=int, help="records in the register")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=101)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    data = generate(people=args.people, records=args.records, queries=args.queries, seed=args.seed)
    write_dataset(data, args.out)
    print(f"{len(data.records)} records, {len(data.queries)} queries -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
