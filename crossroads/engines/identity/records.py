"""A person's record as registered, and the same record prepared once for matching."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .dates import BirthDate, parse_birth_date
from .normalise import (
    NAME_ABBREVIATIONS,
    NAME_EQUIVALENTS,
    NAME_HONORIFICS,
    PATRONYMIC_MARKERS,
    SPOUSE_MARKERS,
    detect_script,
    join_compounds,
    latin_tokens,
    looks_like_patronymic,
    looks_like_slavic_surname,
    looks_like_surname,
    loose_skeleton,
    patronymic_stem,
    phonetic_key,
    readings,
    skeleton_key,
    surname_sex,
    surname_stem_key,
)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One registration as entered: every field a string, any field but ``id`` may be empty.

    ``birth_date`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or empty; ``sex`` is ``M``, ``F`` or
    empty; ``nationality`` is an ISO 3166-1 alpha-2 code or empty. Names may be in any script.
    """

    id: str
    given_name: str = ""
    family_name: str = ""
    patronymic: str = ""
    birth_date: str = ""
    sex: str = ""
    nationality: str = ""


@dataclass(frozen=True, slots=True)
class NameField:
    """One name field in comparable forms: Latin tokens, phonetic keys, consonant skeletons."""

    raw: str
    tokens: tuple[str, ...]
    phonetic: tuple[str, ...]
    skeleton: tuple[str, ...]
    arabic: bool
    key: str  # loose skeleton of the whole field: blocking and name-frequency key
    # the whole field's phonetic key and skeleton under each reading (normalise.readings):
    # as written, German, French, Russian г for h
    phonetic_readings: frozenset[str] = frozenset()
    skeleton_readings: frozenset[str] = frozenset()
    latin: str = ""  # the tokens joined: the comparable Latin of the whole field
    joined_phonetic: str = ""
    joined_skeleton: str = ""

    @property
    def present(self) -> bool:
        return bool(self.tokens)


EMPTY_FIELD = NameField("", (), (), (), False, "")


@dataclass(frozen=True, slots=True)
class PreparedRecord:
    """A record with its normalised forms computed once (names, date, sex evidence)."""

    record: PersonRecord
    given: NameField
    family: NameField
    patronymic: NameField
    birth: BirthDate | None
    sex: str
    implied_sex: str
    nationality: str
    script: str

    @property
    def id(self) -> str:
        return self.record.id


# Markers written after the father's name (Bakyt uulu, Rahim o'g'li) or before it (ibn Rahim).
_MARKERS_BEFORE = frozenset(["ibn", "bin", "bn", "walad", "valad", "vald", "veled", "vld", "bint"])
_MARKERS_BEFORE |= frozenset(["binti", "bnt", "sonof", "daughterof", "abn", "dkhtr", "dukhtar"])
_MARKERS_BEFORE |= frozenset(["dokhtar", "syn", "doch"])


def _split_markers(tokens: tuple[str, ...]) -> tuple[list[str], list[str], str]:
    """Separate "son of"/"daughter of" constructions: (other tokens, father's name tokens, sex).

    A marker written before the father's name (bin, walad, s/o, دختر) governs the tokens up to
    the next marker (a father's name may be two words: s/o Gul Ahmad); "wife of" (w/o, زوجه,
    жена) is followed by the husband's name, which is left out."""
    rest: list[str] = []
    father: list[str] = []
    sex = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in SPOUSE_MARKERS and i + 1 < len(tokens):
            sex = "F"
            i += 1
            while i < len(tokens) and tokens[i] not in PATRONYMIC_MARKERS:
                i += 1
            continue
        # A marker with no name beside it to govern is itself a name: "Bin" is a Chinese
        # given name, and a field holding only "uulu" must not become an empty field.
        if token in PATRONYMIC_MARKERS and token in _MARKERS_BEFORE and i + 1 < len(tokens):
            sex = PATRONYMIC_MARKERS[token]
            i += 1
            while i < len(tokens) and tokens[i] not in PATRONYMIC_MARKERS:
                if tokens[i] in SPOUSE_MARKERS:
                    break
                father.append(tokens[i])
                i += 1
            continue
        if token in PATRONYMIC_MARKERS and token not in _MARKERS_BEFORE and rest:
            sex = PATRONYMIC_MARKERS[token]
            father.append(rest.pop())
        else:
            rest.append(token)
        i += 1
    return rest, father, sex


# Joined respect words, tried in this order: the Cyrillic дж spellings before the short
# forms (Рустамджон -> rustamdzhon), the short forms before French dj (Ahmadjan, not Ahma).
_HONORIFIC_SUFFIXES = ("dzhan", "dzhon", "jaan", "jan", "jon", "zhon", "khan", "djan")
_COMPOUND_ENDINGS = ("ullah", "ulla", "ollah", "uddin", "udin", "allah", "ddin")


def strip_honorifics(tokens: list[str]) -> list[str]:
    """A given or father's name without the parts that say little about who the person is
    (``data/name_honorifics.tsv``): titles (Haji, Sayed, Mullah) wherever they stand,
    respect words at the end, written apart or joined (Ahmad Jan, Ahmadjan, Karimjon), and a
    leading Mohammad before another name (Mohammad Nabi ~ Nabi); abbreviations expanded first
    (Mohd). A name that is nothing but such parts is kept as written."""
    expanded = [NAME_ABBREVIATIONS.get(t, t) for t in tokens]
    kept = [t for t in expanded if NAME_HONORIFICS.get(t) != "before"]
    if not kept:
        return expanded
    while len(kept) > 1 and NAME_HONORIFICS.get(kept[-1]) == "after":
        kept.pop()
    for k, token in enumerate(kept):
        for suffix in _HONORIFIC_SUFFIXES:
            if token.endswith(suffix) and len(token) - len(suffix) >= 4:
                kept[k] = token[: -len(suffix)]
                break
    if len(kept) > 1 and NAME_HONORIFICS.get(kept[0]) == "lead":
        kept = kept[1:]
    elif len(kept) == 1:
        for lead in ("mohammad", "muhammad", "mohammed", "muhammed", "mohamad", "mohamed"):
            rest = kept[0][len(lead) :]
            if (
                kept[0].startswith(lead)
                and len(rest) >= 4
                and not rest.startswith(_COMPOUND_ENDINGS)
            ):
                kept = [rest]  # Mohammadnabi ~ Nabi
                break
    return kept


def _field(raw: str, tokens: list[str] | tuple[str, ...], *, surname: bool = False) -> NameField:
    if not tokens:
        return EMPTY_FIELD
    toks = tuple(tokens)
    # the script of what was written, even when the field is repaired (a title left out of
    # سید اسماعیل is still a name in Arabic script, without its short vowels)
    script = detect_script(raw)
    if latin_tokens_joined(raw) != toks:
        raw = " ".join(toks)  # the field was repaired (split, moved): show what is compared
    return _cached_field(raw, toks, surname, script)


@lru_cache(maxsize=500_000)
def _cached_field(raw: str, toks: tuple[str, ...], surname: bool, script: str) -> NameField:
    """Names repeat across a register; one shared object per distinct field saves memory."""
    phon = tuple(phonetic_key(t) for t in toks)
    if surname:
        phon = tuple(surname_stem_key(p) for p in phon)
    skel = tuple(skeleton_key(t) for t in toks)
    key = loose_skeleton("".join(skel))
    per_token = [readings(t, script == "Cyrl") for t in toks]
    phon_readings: set[str] = set()
    skel_readings: set[str] = set()
    for convention in range(6):
        forms = [r[convention] for r in per_token]
        phons = [phonetic_key(f) for f in forms]
        if surname:
            phons = [surname_stem_key(p) for p in phons]
        phon_readings.add("".join(phons))
        skel_readings.add("".join(skeleton_key(f) for f in forms))
    return NameField(
        raw,
        toks,
        phon,
        skel,
        script == "Arab",
        key,
        frozenset(phon_readings),
        frozenset(skel_readings),
        "".join(toks),
        "".join(phon),
        "".join(skel),
    )


def prepare(record: PersonRecord) -> PreparedRecord:
    """Normalise a record once: tokens, keys, the father's name, sex evidence, the date.

    Repairs the usual entry slips: a whole name typed into one field, a patronymic typed into
    the given or family field, "son of" markers (uulu, o'g'li, ibn) in any field.
    """
    given = list(latin_tokens_joined(record.given_name))
    family = list(latin_tokens_joined(record.family_name))
    patro = list(latin_tokens_joined(record.patronymic))
    implied = ""

    given, father_g, sex_g = _split_markers(tuple(given))
    family, father_f, sex_f = _split_markers(tuple(family))
    patro, father_p, sex_p = _split_markers(tuple(patro))
    implied = sex_p or sex_g or sex_f
    father = father_p + father_g + father_f
    patro = father + patro if father else patro

    if not patro:
        for field in (given, family):
            for token in list(field):
                if looks_like_patronymic(token) and len(field) > 1:
                    field.remove(token)
                    patro.append(token)
    if (
        given
        and family
        and any(looks_like_slavic_surname(t) for t in given)
        and not any(looks_like_slavic_surname(t) for t in family)
    ):
        # "RAKHIMOV" in the given-name field and "MOHAMMAD" in the family-name field
        given, family = family, given
    if not family and len(given) > 1:
        surnames = [t for t in given if looks_like_surname(t)]
        if surnames and surnames[-1] != given[0]:
            given.remove(surnames[-1])
            family = [surnames[-1]]
    elif not given and len(family) > 1:
        surnames = [t for t in family if looks_like_surname(t)]
        if surnames:
            family = [surnames[0]]
            given = [t for t in latin_tokens_joined(record.family_name) if t != surnames[0]]

    # titles and respect words once the fields are sorted out: "MOHAMMAD RAKHIMOV" in one
    # field is split on the surname first, then keeps its Mohammad (nothing else is left)
    given = [NAME_EQUIVALENTS.get(t, t) for t in strip_honorifics(given)] if given else given
    stems: list[str] = []
    for token in patro:
        stem, sex = patronymic_stem(token)
        stems.append(stem)
        implied = implied or sex
    # the father's name without its titles, once the patronymic ending is off (Муҳаммадовна)
    stems = [NAME_EQUIVALENTS.get(t, t) for t in strip_honorifics(stems)] if stems else stems
    if family and stems and family == stems:
        family = []  # the father's name written in both fields: no family name was given
    if family:
        implied = implied or surname_sex(family[-1])

    script = detect_script(record.given_name + record.family_name + record.patronymic)
    return PreparedRecord(
        record=record,
        given=_field(record.given_name or record.family_name, given),
        family=_field(record.family_name or record.given_name, family, surname=True),
        patronymic=_field(record.patronymic or record.given_name, stems),
        birth=parse_birth_date(record.birth_date),
        sex=record.sex.strip().upper(),
        implied_sex=implied,
        nationality=record.nationality.strip().upper(),
        script=script,
    )


@lru_cache(maxsize=200_000)
def latin_tokens_joined(text: str) -> tuple[str, ...]:
    """Comparable-Latin tokens of ``text`` with compound names joined."""
    return join_compounds(latin_tokens(text))
