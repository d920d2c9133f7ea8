"""Labelled benchmark data for identity matching: households of the region, registered one to
several times in different scripts and transliteration systems, with entry noise.

    python -m bench.identity.generate --people 10000 --out bench/identity/data/p10000
    python -m bench.identity.generate --records 1000000 --out bench/identity/data/r1000000

Writes (all in the CLI contract's column order ``id,given_name,family_name,patronymic,
birth_date,sex,nationality`` where it is a record file):

- ``records.csv``       the register to deduplicate and to index for search
- ``labels.csv``        record id -> true person id, household id, script, writing system
- ``persons.csv``       person id -> household, role, twin, name key (for namesakes)
- ``queries.csv``       search queries (same columns as records.csv)
- ``query_labels.csv``  query id -> person id, kind (registered / relative / twin /
                        namesake / new), script

Seeded and deterministic: the same arguments give byte-identical files. The tables come from
``bench/identity/tables/`` (sources cited there); nothing is imported from the engine.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .scripts import CYRILLIC_VOWELS, PHONEME_VOWELS, System, load_systems, read_tsv

COLUMNS = ("id", "given_name", "family_name", "patronymic", "birth_date", "sex", "nationality")

# Nationalities of the Almaty Process region that the benchmark covers, weighted roughly by
# their share among people on the move in Central Asia (Afghans first; UNHCR/IOM reporting [K]).
CULTURE_WEIGHTS: dict[str, float] = {
    "AF": 24,
    "TJ": 15,
    "UZ": 13,
    "KG": 8,
    "KZ": 8,
    "IR": 10,
    "PK": 8,
    "TM": 5,
    "AZ": 5,
    "TR": 4,
}
CYRILLIC_CULTURE_SYSTEM = {"TJ": "cyrl_tg", "UZ": "cyrl_uz", "KG": "cyrl_ky", "KZ": "cyrl_kk"}

# Where a person of each nationality gets registered and how the clerk writes the name there.
# Context names: native (the nationality's own script and alphabet), ru (a Russian-language
# document or officer), icao/bgn/gost (Latin from a Cyrillic document by that standard), de/fr
# (German- or French-style transcription), en (everyday English as UN/NGO staff write it),
# arab (an Afghan or Iranian office writing Perso-Arabic), uz_cyrl, kk_latn.
CONTEXTS: dict[str, dict[str, float]] = {
    "TJ": {
        "native": 28,
        "ru": 24,
        "icao": 18,
        "en": 10,
        "arab": 10,
        "bgn": 3,
        "gost": 2,
        "de": 3,
        "fr": 2,
    },
    "UZ": {
        "native": 30,
        "uz_cyrl": 15,
        "ru": 22,
        "icao": 12,
        "en": 10,
        "arab": 5,
        "de": 3,
        "fr": 3,
    },
    "KG": {"native": 28, "ru": 28, "icao": 22, "en": 10, "bgn": 4, "gost": 3, "de": 3, "fr": 2},
    "KZ": {"native": 26, "ru": 28, "icao": 22, "kk_latn": 5, "en": 10, "bgn": 3, "de": 3, "fr": 3},
    "TM": {"native": 40, "ru": 32, "en": 15, "arab": 8, "de": 3, "fr": 2},
    "AZ": {"native": 38, "ru": 32, "en": 10, "arab": 14, "de": 3, "fr": 3},
    "TR": {"native": 60, "ru": 22, "en": 10, "arab": 4, "de": 4},
    "AF": {"native": 44, "en": 28, "ru": 15, "bgn": 5, "de": 4, "fr": 4},
    "IR": {"native": 48, "en": 28, "ru": 10, "bgn": 4, "de": 5, "fr": 5},
    "PK": {"native": 45, "arab": 25, "ru": 15, "de": 5, "fr": 5, "en": 5},
}
NATIVE_SYSTEM = {
    "TJ": "cyrl_tg",
    "UZ": "latn_uz",
    "KG": "cyrl_ky",
    "KZ": "cyrl_kk",
    "TM": "latn_tk",
    "AZ": "latn_az",
    "TR": "latn_tr",
    "AF": "arab",
    "IR": "arab",
    "PK": "latn_en",
}
PERSIAN_VOWEL_CULTURES = {"AF", "IR"}

# Registrations per registered person: 1 to 5 (mean about 1.9), so that every script pair has
# enough true pairs to measure recall.
REGISTRATIONS = (1, 2, 3, 4, 5)
REGISTRATION_WEIGHTS = (45, 30, 14, 7, 4)

# Entry noise, per registration (probabilities).
P_TYPO = 0.06
P_DROP_DOUBLE = 0.05
P_SWAP_FIELDS = 0.04
P_ONE_FIELD = 0.03
P_DROP_PATRONYMIC = 0.15
P_MASCULINE_SURNAME_FOR_WOMAN = 0.06
P_ARABIC_LETTER_FORMS = 0.3  # ي ك typed on an Arabic keyboard instead of Persian ی ک
P_SEX_MISSING = 0.05
P_NATIONALITY_MISSING = 0.04
P_NATIONALITY_WRONG = 0.01
P_UPPER = 0.2
P_REGISTERED = 0.85  # a household member who is never registered is a "relative" query
P_TWIN = 0.04


@dataclass(frozen=True)
class Name:
    key: str
    sex: str
    cultures: frozenset[str]
    weight: float
    phonemic: tuple[str, ...]
    arabic: tuple[str, ...]
    forms: dict[str, str]

    def sound(self, culture: str, rng: random.Random) -> str:
        if culture in self.forms:
            return self.forms[culture]
        return self.phonemic[0] if len(self.phonemic) == 1 else rng.choice(self.phonemic)


@dataclass(frozen=True)
class Affix:
    """A family-name or patronymic pattern of one nationality (family_patterns.tsv)."""

    culture: str
    field: str
    pattern: str
    weight: float
    phon_m: str
    phon_f: str
    arab_m: str
    arab_f: str


@dataclass
class Person:
    person_id: str
    household_id: str
    culture: str
    role: str
    sex: str
    given: Name
    father: Name | None
    family_root: Name | None
    family_list: Name | None
    family_affix: Affix
    patronymic_affix: Affix
    birth: dt.date
    year_only: bool
    twin_of: str = ""
    registered: bool = True

    @property
    def name_key(self) -> str:
        """The true full name, script-free: namesakes share it (gender endings ignored)."""
        if self.family_affix.pattern == "root" and self.family_root:
            family = f"{self.family_root.key}+{self.family_affix.phon_m}"
        elif self.family_affix.pattern == "marker" and self.father:
            family = f"{self.father.key}+{self.family_affix.phon_m}"
        elif self.family_affix.pattern == "father" and self.father:
            family = self.father.key
        elif self.family_affix.pattern == "list" and self.family_list:
            family = self.family_list.key
        else:
            family = ""
        return f"{self.given.key}|{family}"


@dataclass
class Tables:
    phonemes: dict[str, System]
    cyrillic_latin: dict[str, System]
    cyrillic_russian: System
    given: dict[str, list[Name]]  # (culture + sex) -> names
    given_weights: dict[str, list[float]]
    family: dict[str, list[Name]]
    family_weights: dict[str, list[float]]
    affixes: dict[tuple[str, str], list[Affix]]

    @classmethod
    def load(cls) -> Tables:
        names = [
            Name(
                key=row["key"],
                sex=row["sex"],
                cultures=frozenset(row["cultures"].split()),
                weight=float(row["weight"]),
                phonemic=tuple(row["phonemic"].split("/")),
                arabic=tuple(a for a in row["arabic"].split("/") if a),
                forms=dict(f.split(":", 1) for f in row["forms"].split(";") if f),
            )
            for row in read_tsv(_tables() / "names.tsv")
        ]
        given: dict[str, list[Name]] = {}
        family: dict[str, list[Name]] = {}
        for name in names:
            for culture in name.cultures:
                if name.sex == "-":
                    family.setdefault(culture, []).append(name)
                else:
                    given.setdefault(culture + name.sex, []).append(name)
        affixes: dict[tuple[str, str], list[Affix]] = {}
        for row in read_tsv(_tables() / "family_patterns.tsv"):
            affix = Affix(
                culture=row["culture"],
                field=row["field"],
                pattern=row["pattern"],
                weight=float(row["weight"]),
                phon_m=row["phon_m"],
                phon_f=row["phon_f"],
                arab_m=row["arab_m"],
                arab_f=row["arab_f"],
            )
            affixes.setdefault((affix.culture, affix.field), []).append(affix)
        return cls(
            phonemes=load_systems("phonemes.tsv", PHONEME_VOWELS),
            cyrillic_latin=load_systems("cyrillic_latin.tsv", CYRILLIC_VOWELS),
            cyrillic_russian=load_systems("cyrillic_russian.tsv", CYRILLIC_VOWELS)["ru"],
            given=given,
            given_weights={k: [n.weight for n in v] for k, v in given.items()},
            family=family,
            family_weights={k: [n.weight for n in v] for k, v in family.items()},
            affixes=affixes,
        )


def _tables() -> Path:
    return Path(__file__).resolve().parent / "tables"


# --- people and households -----------------------------------------------------------------


class Population:
    """Draws households; every person gets a stable id in drawing order."""

    def __init__(self, tables: Tables, rng: random.Random) -> None:
        self.t = tables
        self.rng = rng
        self.cultures = list(CULTURE_WEIGHTS)
        self.culture_weights = list(CULTURE_WEIGHTS.values())
        self.next_person = 0
        self.next_household = 0

    def _given(self, culture: str, sex: str, avoid: set[str] | None = None) -> Name:
        key = culture + sex
        name = self.rng.choices(self.t.given[key], self.t.given_weights[key])[0]
        # Parents rarely give two children, or a child and a parent, the same name: redraw.
        for _ in range(20):
            if not avoid or name.key not in avoid:
                break
            name = self.rng.choices(self.t.given[key], self.t.given_weights[key])[0]
        return name

    def _affix(self, culture: str, fieldname: str) -> Affix:
        options = self.t.affixes[(culture, fieldname)]
        return self.rng.choices(options, [a.weight for a in options])[0]

    def _date(self, year: int) -> dt.date:
        start = dt.date(year, 1, 1).toordinal()
        return dt.date.fromordinal(start + self.rng.randrange(365))

    def _person(self, household: str, culture: str, role: str, sex: str, **kw: object) -> Person:
        self.next_person += 1
        year_only_share = 0.35 if culture == "AF" else 0.05
        return Person(
            person_id=f"P{self.next_person:07d}",
            household_id=household,
            culture=culture,
            role=role,
            sex=sex,
            year_only=self.rng.random() < year_only_share,
            **kw,  # type: ignore[arg-type]
        )

    def household(self, culture: str | None = None) -> list[Person]:
        rng = self.rng
        culture = culture or rng.choices(self.cultures, self.culture_weights)[0]
        self.next_household += 1
        hid = f"H{self.next_household:07d}"
        family_affix = self._affix(culture, "family")
        family_root = self._given(culture, "M")
        family_list = (
            rng.choices(self.t.family[culture], self.t.family_weights[culture])[0]
            if culture in self.t.family
            else None
        )
        grandfather = self._given(culture, "M")
        father_year = rng.randint(1950, 1995)
        father = self._person(
            hid,
            culture,
            "father",
            "M",
            given=self._given(culture, "M"),
            father=grandfather,
            family_root=family_root,
            family_list=family_list,
            family_affix=family_affix,
            patronymic_affix=self._affix(culture, "patronymic"),
            birth=self._date(father_year),
        )
        members = [father]
        if rng.random() < 0.3:
            return members  # a man on the move alone
        mother_year = min(2005, father_year + rng.randint(-2, 8))
        # Post-Soviet wives mostly take the husband's surname (feminine form); elsewhere the
        # mother keeps her own family name.
        takes_husbands = culture in {"TJ", "UZ", "KG", "KZ", "TM", "AZ", "TR"} and (
            rng.random() < 0.75
        )
        mother = self._person(
            hid,
            culture,
            "mother",
            "F",
            given=self._given(culture, "F"),
            father=self._given(culture, "M"),
            family_root=family_root if takes_husbands else self._given(culture, "M"),
            family_list=family_list
            if takes_husbands
            else (
                rng.choices(self.t.family[culture], self.t.family_weights[culture])[0]
                if culture in self.t.family
                else None
            ),
            family_affix=family_affix if takes_husbands else self._affix(culture, "family"),
            patronymic_affix=self._affix(culture, "patronymic"),
            birth=self._date(mother_year),
        )
        members.append(mother)
        used = {father.given.key, mother.given.key}
        children = rng.choices((0, 1, 2, 3, 4, 5, 6), (10, 18, 22, 20, 14, 9, 7))[0]
        year = mother_year + rng.randint(18, 26)
        for _ in range(children):
            if year > 2025:
                break
            sex = rng.choice("MF")
            child_affix = self._affix(culture, "patronymic")
            child = self._person(
                hid,
                culture,
                "child",
                sex,
                given=self._given(culture, sex, used),
                father=father.given,
                family_root=family_root,
                family_list=family_list,
                family_affix=family_affix,
                patronymic_affix=child_affix,
                birth=self._date(year),
            )
            members.append(child)
            used.add(child.given.key)
            if rng.random() < P_TWIN:
                twin_sex = rng.choice("MF")
                given = self._given(culture, twin_sex, used)
                used.add(given.key)
                members.append(
                    self._person(
                        hid,
                        culture,
                        "child",
                        twin_sex,
                        given=given,
                        father=father.given,
                        family_root=family_root,
                        family_list=family_list,
                        family_affix=family_affix,
                        patronymic_affix=child_affix,
                        birth=child.birth,
                        twin_of=child.person_id,
                    )
                )
            year += rng.randint(1, 4)
        return members

    def namesake(self, of: Person) -> Person:
        """An unrelated person with the same given and family name and a nearby birth year."""
        self.next_household += 1
        year = max(1940, min(2024, of.birth.year + self.rng.randint(-12, 12)))
        return self._person(
            f"H{self.next_household:07d}",
            of.culture,
            "namesake",
            of.sex,
            given=of.given,
            father=self._given(of.culture, "M"),
            family_root=of.family_root,
            family_list=of.family_list,
            family_affix=of.family_affix,
            patronymic_affix=of.patronymic_affix,
            birth=self._date(year),
        )


# --- writing a registration ----------------------------------------------------------------


@dataclass
class Registration:
    values: dict[str, str]
    script: str
    context: str


@dataclass
class Writer:
    """Writes one registration of a person: choose where and how, render, add noise."""

    t: Tables
    rng: random.Random
    _contexts: dict[str, tuple[list[str], list[float]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for culture, weights in CONTEXTS.items():
            self._contexts[culture] = (list(weights), list(weights.values()))

    # Each context says which script the clerk writes and how.
    def _render_sound(self, sound: str, culture: str, context: str) -> tuple[str, str]:
        """Render a name given as sound; returns (text, script)."""
        rng = self.rng
        ph = self.t.phonemes
        cl = self.t.cyrillic_latin
        cyrl_native = CYRILLIC_CULTURE_SYSTEM.get(culture)
        if context == "uz_cyrl":
            return ph["cyrl_uz"].render(sound, rng), "Cyrl"
        if context == "kk_latn":
            return ph["latn_kk"].render(sound, rng), "Latn"
        if context == "native":
            system = NATIVE_SYSTEM[culture]
            if system == "latn_en" and culture in PERSIAN_VOWEL_CULTURES:
                system = "latn_en_fa"
            text = ph[system].render(sound, rng)
            return text, "Arab" if system == "arab" else (
                "Cyrl" if system[:4] == "cyrl" else "Latn"
            )
        if context == "arab":
            return ph["arab"].render(sound, rng), "Arab"
        # Cyrillic first: the national Cyrillic form, or a Russian clerk's by ear.
        if cyrl_native:
            cyrillic = ph[cyrl_native].render(sound, rng)
            russian = self.t.cyrillic_russian.render(cyrillic, rng)
        else:
            cyrillic = russian = ph["cyrl_ru"].render(sound, rng)
        if context == "ru":
            return russian, "Cyrl"
        if context in ("icao", "gost"):
            source = cyrillic if context == "icao" else russian
            return cl["icao" if context == "icao" else "gost_b"].render(source, rng), "Latn"
        if context == "bgn":
            if cyrl_native:
                return cl["bgn"].render(cyrillic, rng), "Latn"
            return ph["latn_bgn_fa"].render(sound, rng), "Latn"
        if context in ("de", "fr"):
            # German and French offices work from a Russian-language document for people of
            # the Cyrillic states, by ear otherwise.
            if cyrl_native:
                return cl[context].render(russian, rng), "Latn"
            return ph["latn_" + context].render(sound, rng), "Latn"
        if context == "en":
            if cyrl_native:
                return cl["everyday"].render(cyrillic, rng), "Latn"
            if culture in PERSIAN_VOWEL_CULTURES:
                return ph["latn_en_fa"].render(sound, rng), "Latn"
            if culture in ("TR", "AZ", "TM"):
                return _ascii_fold(ph[NATIVE_SYSTEM[culture]].render(sound, rng)), "Latn"
            return ph["latn_en"].render(sound, rng), "Latn"
        raise ValueError(context)

    def _stored_arabic(self, name: Name) -> str | None:
        if not name.arabic:
            return None
        return name.arabic[0] if len(name.arabic) == 1 else self.rng.choice(name.arabic)

    def _name(self, name: Name, culture: str, context: str, script_hint: str) -> str:
        if script_hint == "Arab":
            stored = self._stored_arabic(name)
            if stored:
                return stored
        return self._render_sound(name.sound(culture, self.rng), culture, context)[0]

    def _affixed(
        self, root: Name, affix_phon: str, affix_arab: str, culture: str, context: str, script: str
    ) -> str:
        """Root + suffix, e.g. Rahim + ov; -ov becomes -yev after a vowel, as in Russian."""
        sound = root.sound(culture, self.rng)
        phon = affix_phon
        if phon.startswith("ov") and sound[-1:] in PHONEME_VOWELS:
            phon = "yev" + phon[2:]
            affix_arab = "ی" + affix_arab[1:] if affix_arab.startswith("و") else affix_arab
        if script == "Arab":
            stored = self._stored_arabic(root)
            if stored:
                joiner = (
                    self.rng.choices(("", "\u200c", " "), (5, 3, 2))[0]
                    if phon
                    in (
                        "zāda",
                        "pūr",
                        "zay",
                    )
                    else ""
                )
                return stored.replace(" ", "") + joiner + affix_arab
        return self._render_sound(sound + phon, culture, context)[0]

    def _script_of(self, culture: str, context: str) -> str:
        if context in ("arab",) or (context == "native" and NATIVE_SYSTEM[culture] == "arab"):
            return "Arab"
        if context in ("ru", "uz_cyrl") or (
            context == "native" and NATIVE_SYSTEM[culture].startswith("cyrl")
        ):
            return "Cyrl"
        return "Latn"

    def write(self, person: Person) -> Registration:
        rng = self.rng
        culture = person.culture
        options, weights = self._contexts[culture]
        context = rng.choices(options, weights)[0]
        script = self._script_of(culture, context)
        female = person.sex == "F"

        given = self._name(person.given, culture, context, script)

        affix = person.family_affix
        masculine = female and rng.random() < P_MASCULINE_SURNAME_FOR_WOMAN
        suffix_f = not masculine and female
        if affix.pattern == "root" and person.family_root:
            family = self._affixed(
                person.family_root,
                affix.phon_f if suffix_f else affix.phon_m,
                affix.arab_f if suffix_f else affix.arab_m,
                culture,
                context,
                script,
            )
        elif affix.pattern == "marker" and person.father:
            family = (
                self._name(person.father, culture, context, script)
                + " "
                + self._marker(affix, female, culture, context, script)
            )
        elif affix.pattern == "father" and person.father:
            family = self._name(person.father, culture, context, script)
        elif affix.pattern == "list" and person.family_list:
            family = self._name(person.family_list, culture, context, script)
        else:
            family = ""

        pat = person.patronymic_affix
        patronymic = ""
        if person.father and pat.pattern != "none" and rng.random() >= P_DROP_PATRONYMIC:
            if pat.pattern == "root" and script != "Arab":
                patronymic = self._affixed(
                    person.father,
                    pat.phon_f if female else pat.phon_m,
                    pat.arab_f if female else pat.arab_m,
                    culture,
                    context,
                    script,
                )
            elif pat.pattern == "marker":
                patronymic = (
                    self._name(person.father, culture, context, script)
                    + " "
                    + self._marker(pat, female, culture, context, script)
                )
            else:
                patronymic = self._name(person.father, culture, context, script)

        upper = context == "icao" or (script != "Arab" and rng.random() < P_UPPER)
        fields = [_case(v, upper) for v in (given, family, patronymic)]
        fields = [self._typo(v, context) for v in fields]
        given, family, patronymic = fields
        if script == "Arab" and rng.random() < P_ARABIC_LETTER_FORMS:
            given, family, patronymic = (_arabic_letter_forms(v) for v in fields)
        roll = rng.random()
        if roll < P_SWAP_FIELDS:
            given, family = family, given
        elif roll < P_SWAP_FIELDS + P_ONE_FIELD and family:
            given, family = f"{given} {family}", ""

        sex = "" if rng.random() < P_SEX_MISSING else person.sex
        nationality = culture
        roll = rng.random()
        if roll < P_NATIONALITY_MISSING:
            nationality = ""
        elif roll < P_NATIONALITY_MISSING + P_NATIONALITY_WRONG:
            nationality = rng.choice(list(CULTURE_WEIGHTS))
        return Registration(
            values={
                "given_name": given,
                "family_name": family,
                "patronymic": patronymic,
                "birth_date": self._birth_date(person),
                "sex": sex,
                "nationality": nationality,
            },
            script=script,
            context=context,
        )

    def _marker(self, affix: Affix, female: bool, culture: str, context: str, script: str) -> str:
        if script == "Arab":
            return affix.arab_f if female else affix.arab_m
        return self._render_sound(affix.phon_f if female else affix.phon_m, culture, context)[0]

    def _birth_date(self, person: Person) -> str:
        """The true date with the slips registers are known for."""
        rng = self.rng
        birth = person.birth
        if person.year_only:
            # Only the year is known: written as a placeholder 1 January, the year alone, or
            # nothing.
            return rng.choices(
                (f"{birth.year}-01-01", f"{birth.year}", "", f"{birth.year + rng.choice((-1, 1))}"),
                (55, 25, 10, 10),
            )[0]
        roll = rng.random()
        if roll < 0.05:
            return ""
        if roll < 0.13:
            return f"{birth.year}-01-01"  # placeholder date given by an officer
        if roll < 0.17:
            return f"{birth.year}"
        if roll < 0.19:
            return f"{birth.year}-{birth.month:02d}"
        if roll < 0.22 and birth.day <= 12 and birth.day != birth.month:
            return f"{birth.year}-{birth.day:02d}-{birth.month:02d}"  # day and month swapped
        if roll < 0.26:
            year = birth.year + rng.choice((-1, 1))
            day = min(birth.day, 28) if birth.month == 2 else birth.day
            return f"{year}-{birth.month:02d}-{day:02d}"
        return birth.isoformat()

    def _typo(self, text: str, context: str) -> str:
        rng = self.rng
        if not text:
            return text
        if rng.random() < P_DROP_DOUBLE:
            for i in range(len(text) - 1):
                if text[i] == text[i + 1] and text[i].isalpha():
                    return text[:i] + text[i + 1 :]
        if rng.random() >= P_TYPO or len(text) < 3:
            return text
        chars = list(text)
        i = rng.randrange(1, len(chars))
        op = rng.randrange(4)
        letters = [c for c in chars if c.isalpha()]
        if op == 0:  # substitution by a letter of the same script (from the same name)
            chars[i] = rng.choice(letters)
        elif op == 1:
            del chars[i]
        elif op == 2:
            chars.insert(i, chars[i - 1])
        elif i < len(chars) - 1:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        return "".join(chars)


def _case(text: str, upper: bool) -> str:
    if upper:
        return text.upper()
    return " ".join(
        "-".join(w[:1].upper() + w[1:] for w in word.split("-")) for word in text.split(" ")
    )


def _ascii_fold(text: str) -> str:
    text = text.replace("ı", "i").replace("ə", "a")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _arabic_letter_forms(text: str) -> str:
    """Arabic ي and ك for Persian ی and ک (Arabic keyboard layout); identity-sources §4.3."""
    return text.replace("ی", "ي").replace("ک", "ك")


# --- the benchmark files -------------------------------------------------------------------


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
        "nationality": p.culture,
        "birth_date": p.birth.isoformat(),
        "twin_of": p.twin_of,
        "name_key": p.name_key,
        "registered": "1" if p.registered else "0",
    }


def generate(
    *, people: int | None = None, records: int | None = None, queries: int = 1000, seed: int = 1
) -> Dataset:
    """Generate a register of ``people`` registered persons (or ``records`` records)."""
    if not people and not records:
        raise ValueError("give people or records")
    tables = Tables.load()
    rng = random.Random(seed)
    population = Population(tables, rng)
    writer = Writer(tables, rng)

    registered: list[Person] = []
    unregistered: list[Person] = []
    raw: list[tuple[dict[str, str], dict[str, str]]] = []
    all_persons: list[Person] = []

    def done() -> bool:
        if people:
            return len(registered) >= people
        return len(raw) >= (records or 0)

    while not done():
        for person in population.household():
            all_persons.append(person)
            if rng.random() >= P_REGISTERED:
                person.registered = False
                unregistered.append(person)
                continue
            registered.append(person)
            count = rng.choices(REGISTRATIONS, REGISTRATION_WEIGHTS)[0]
            for _ in range(count):
                reg = writer.write(person)
                raw.append(
                    (
                        reg.values,
                        {
                            "person_id": person.person_id,
                            "household_id": person.household_id,
                            "script": reg.script,
                            "context": reg.context,
                        },
                    )
                )
    if records:
        raw = raw[:records]
    # Shuffle so that ids say nothing about who is who.
    rng.shuffle(raw)
    record_rows: list[dict[str, str]] = []
    label_rows: list[dict[str, str]] = []
    for number, (values, label) in enumerate(raw, start=1):
        record_id = f"r{number:07d}"
        record_rows.append({"id": record_id, **values})
        label_rows.append({"record_id": record_id, **label})
    in_register = {label["person_id"] for _, label in raw}
    registered = [p for p in registered if p.person_id in in_register]

    query_rows, query_label_rows, extra_persons = _queries(
        queries, registered, unregistered, population, writer, rng
    )
    persons = [_person_row(p) for p in all_persons + extra_persons]
    return Dataset(record_rows, label_rows, persons, query_rows, query_label_rows)


def _queries(
    count: int,
    registered: list[Person],
    unregistered: list[Person],
    population: Population,
    writer: Writer,
    rng: random.Random,
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[Person]]:
    """Half registered people (a new registration of someone indexed), half people who are not
    in the index: unregistered relatives (siblings, parents, twins) of indexed people,
    namesakes of indexed people, and unrelated newcomers."""
    n_registered = count // 2
    n_relative = count * 2 // 10
    n_namesake = count * 15 // 100
    n_new = count - n_registered - n_relative - n_namesake
    chosen: list[tuple[Person, str]] = []
    for person in rng.sample(registered, min(n_registered, len(registered))):
        chosen.append((person, "registered"))
    registered_households = {p.household_id for p in registered}
    registered_ids = {p.person_id for p in registered}
    partner: dict[str, str] = {}
    for p in registered + unregistered:
        if p.twin_of:
            partner[p.person_id] = p.twin_of
            partner[p.twin_of] = p.person_id
    relatives = [p for p in unregistered if p.household_id in registered_households]
    # Twins of registered people first: the hardest case, and rare.
    twins = [p for p in relatives if partner.get(p.person_id) in registered_ids]
    twin_ids = {p.person_id for p in twins}
    others = [p for p in relatives if p.person_id not in twin_ids]
    picked = (twins[: n_relative // 4] + rng.sample(others, len(others)))[:n_relative]
    for p in picked:
        chosen.append((p, "twin" if p.person_id in twin_ids else "relative"))
    extra: list[Person] = []
    for of in rng.sample(registered, min(n_namesake, len(registered))):
        namesake = population.namesake(of)
        namesake.registered = False
        extra.append(namesake)
        chosen.append((namesake, "namesake"))
    while sum(1 for _, kind in chosen if kind == "new") < n_new:
        household = population.household()
        newcomer = rng.choice(household)
        for member in household:
            member.registered = False
        extra.extend(household)
        chosen.append((newcomer, "new"))
    rng.shuffle(chosen)
    rows: list[dict[str, str]] = []
    labels: list[dict[str, str]] = []
    for number, (person, kind) in enumerate(chosen, start=1):
        reg = writer.write(person)
        query_id = f"q{number:06d}"
        rows.append({"id": query_id, **reg.values})
        labels.append(
            {
                "query_id": query_id,
                "person_id": person.person_id,
                "household_id": person.household_id,
                "kind": kind,
                "script": reg.script,
                "context": reg.context,
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
    _write_csv(
        out / "labels.csv",
        data.labels,
        ("record_id", "person_id", "household_id", "script", "context"),
    )
    _write_csv(out / "persons.csv", data.persons, list(data.persons[0]))
    _write_csv(out / "queries.csv", data.queries, COLUMNS)
    _write_csv(
        out / "query_labels.csv",
        data.query_labels,
        ("query_id", "person_id", "household_id", "kind", "script", "context"),
    )


def iter_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--people", type=int, help="registered persons in the register")
    size.add_argument("--records", type=int, help="records in the register")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    data = generate(people=args.people, records=args.records, queries=args.queries, seed=args.seed)
    write_dataset(data, args.out)
    print(f"{len(data.records)} records, {len(data.queries)} queries -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
