"""A Fellegi-Sunter match model over prepared records, with family guards and explanations.

Each field (given name, family name, patronymic, birth date, sex, nationality) is compared
into a level; each level has m = P(level | same person) and u = P(level | different people)
in ``data/model_weights.tsv``. The log-odds of a match is the prior plus the sum of
log2(m/u). Fellegi-Sunter assumes fields independent given the match status, which is false
inside a family (siblings share surname, patronymic, nationality and often birth years), so
three guards cap the probability when the evidence says "different person" in a way the sum
could outvote: a different stated sex, clearly different given names, and conflicting full
birth dates with a different given name.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA, Indel

from .dates import compare_birth_dates
from .normalise import detect_script, phonetic_key, readings
from .records import NameField, PersonRecord, PreparedRecord, prepare

_WEIGHTS_FILE = Path(__file__).with_name("data") / "model_weights.tsv"

# The prior: the log2-odds that a record and one other record of a register of
# REFERENCE_SIZE records are the same person, fitted with the m and u of the table (see
# data/model_weights.tsv). In a register of N records the odds that one given record is the
# person fall as 1/N (there are N to choose from), so the prior is lowered by log2(N /
# REFERENCE_SIZE): agreeing on "Mohammad Ahmadi, born 1990" says less in a million records
# than in ten thousand. Without a register (two records compared on their own) the reference
# size is assumed.
REFERENCE_SIZE = 10_000

# A search asks whether the person at the door is one of the register's records. Most people
# searched for are not registered, and those who are not include the relatives and namesakes
# of people who are; a pair of register records, which dedupe weighs, is far likelier to be
# one person. So a search starts from lower odds, by this many bits, chosen on the
# benchmark's validation register (seed 5) so that "the same person" is rarely said of
# someone who is not registered, at the cost of saying it less often of someone who is: the
# ranking, and so recall@10, does not change.
SEARCH_PRIOR_SHIFT = -4.0
PRIOR_LOG2_ODDS = -13.0

# Probability caps for evidence that Fellegi-Sunter's independence assumption cannot weigh.
CAP_DIFFERENT_SEX = 0.02
CAP_DIFFERENT_GIVEN_NAME = 0.05
# Two stated names that no spelling, slip or script explains (family names, fathers' names)
# keep a pair below "the same person": a supervisor may still see it among the candidates.
CAP_DIFFERENT_NAME = 0.3
CAP_SWAP_PENALTY_BITS = 1.0

FIELDS = ("given_name", "family_name", "patronymic", "birth_date", "sex", "nationality")


def load_probabilities(path: Path = _WEIGHTS_FILE) -> dict[str, dict[str, tuple[float, float]]]:
    """Read the m/u table: ``{field: {level: (m, u)}}`` (and the prior, if the file sets it)."""
    table: dict[str, dict[str, tuple[float, float]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, level, m, u = line.split("\t")
        table.setdefault(name, {})[level] = (float(m), float(u))
    return table


def load_weights(path: Path = _WEIGHTS_FILE) -> dict[str, dict[str, float]]:
    """Read m/u probabilities and return ``{field: {level: log2(m/u)}}``."""
    return {
        name: {level: math.log2(m / u) for level, (m, u) in levels.items()}
        for name, levels in load_probabilities(path).items()
        if name != "prior"
    }


PROBABILITIES = load_probabilities()
if "prior" in PROBABILITIES:
    PRIOR_LOG2_ODDS = PROBABILITIES.pop("prior")["log2_odds"][0]
WEIGHTS = load_weights()
DEFAULT_MODEL_VERSION = (
    "offline-fit"  # data/model_weights.tsv, fitted by bench/identity/fit_model.py
)

Probabilities = dict[str, dict[str, tuple[float, float]]]


@dataclass(frozen=True)
class Model:
    """One version of the model's parameters: m and u per field and level, and the prior at
    the reference size. The table shipped with the engine is ``DEFAULT_MODEL``; a state's
    refit (``learning.refit``) is another, named by ``version`` in every explanation it
    scores, so a decision can always be traced to the parameters that proposed it."""

    version: str
    probabilities: Probabilities
    prior: float

    @property
    def weights(self) -> dict[str, dict[str, float]]:
        return _weights_of(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "prior": self.prior,
            "probabilities": {
                name: {level: [m, u] for level, (m, u) in levels.items()}
                for name, levels in self.probabilities.items()
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        probabilities = {
            name: {level: (float(mu[0]), float(mu[1])) for level, mu in levels.items()}
            for name, levels in data["probabilities"].items()
        }
        return cls(str(data["version"]), probabilities, float(data["prior"]))


_WEIGHT_CACHE: dict[int, tuple[Model, dict[str, dict[str, float]]]] = {}


def _weights_of(model: Model) -> dict[str, dict[str, float]]:
    cached = _WEIGHT_CACHE.get(id(model))
    if cached is not None and cached[0] is model:
        return cached[1]
    weights = {
        name: {level: math.log2(m / u) for level, (m, u) in levels.items()}
        for name, levels in model.probabilities.items()
    }
    if len(_WEIGHT_CACHE) > 64:
        _WEIGHT_CACHE.clear()
    _WEIGHT_CACHE[id(model)] = (model, weights)
    return weights


DEFAULT_MODEL = Model(DEFAULT_MODEL_VERSION, PROBABILITIES, PRIOR_LOG2_ODDS)
_TF_LEVELS = frozenset(["exact", "transliteration", "skeleton_arabic"])
_TF_DATE_LEVELS = {
    "exact": "date",
    "same_year_month": "month",
    "same_year_placeholder": "year",
    "same_year": "year",
}


class NameFrequencies:
    """How often each name (by loose skeleton) and each birth date occurs in a register, and
    how large the register is.

    Term-frequency adjustment: u, the chance that two different people agree, is for an
    agreeing name or date the share of the register that carries it, when that is above the
    table's u. Agreeing on a name a tenth of the register carries (Mohammad), or on the
    1 January that registries write for an unknown day, is weak evidence; agreeing on a rare
    name or a real day is strong. The register's size sets the prior (``prior``).
    """

    # below this many records, frequencies are noise and the table's u is used
    MIN_TOTAL = 1000

    def __init__(self) -> None:
        self.given: dict[str, int] = {}
        self.family: dict[str, int] = {}
        self.father: dict[str, int] = {}
        self.nationality: dict[str, int] = {}
        # given name with family name, and given name with father's name: names run in
        # families and peoples, so "Mohammad Ahmadi" is far commoner than the shares of
        # Mohammad and of Ahmadi multiplied (Splink's advice: frequencies of the full name)
        self.joint: dict[tuple[str, str, str], int] = {}
        self.dates: dict[tuple[int, int, int], int] = {}
        self.total = 0

    @classmethod
    def of(cls, records: Iterable[PreparedRecord]) -> NameFrequencies:
        frequencies = cls()
        for record in records:
            frequencies.add(record)
        return frequencies

    def _date_keys(self, record: PreparedRecord) -> list[tuple[int, int, int]]:
        birth = record.birth
        if birth is None:
            return []
        keys = [(birth.year, 0, 0)]
        if birth.month:
            keys.append((birth.year, birth.month, 0))
        if birth.day:
            keys.append((birth.year, birth.month, birth.day))
        return keys

    def _joint_keys(self, record: PreparedRecord) -> list[tuple[str, str, str]]:
        g, f, p = record.given.key, record.family.key, record.patronymic.key
        keys = []
        if g and f:
            keys.append((g, f, ""))
        if g and p:
            keys.append((g, "", p))
        return keys

    def _change(self, record: PreparedRecord, step: int) -> None:
        self.total += step
        for table, key in (
            (self.given, record.given.key),
            (self.family, record.family.key),
            (self.father, record.patronymic.key),
            (self.nationality, record.nationality),
        ):
            if key:
                _bump(table, key, step)
        for joint in self._joint_keys(record):
            _bump(self.joint, joint, step)
        for date_key in self._date_keys(record):
            _bump(self.dates, date_key, step)

    def add(self, record: PreparedRecord) -> None:
        self._change(record, 1)

    def remove(self, record: PreparedRecord) -> None:
        self._change(record, -1)

    @property
    def counts(self) -> bool:
        return self.total >= self.MIN_TOTAL

    def prior(self) -> float:
        """The prior log2-odds for one candidate of this register."""
        return prior_for(self.total)

    def u(
        self,
        name_field: str,
        level: str,
        key_a: str,
        key_b: str,
        probabilities: Probabilities = PROBABILITIES,
    ) -> float:
        """u for an agreeing name: the table's, raised to the commoner spelling's share."""
        u = probabilities[name_field][level][1]
        if self.counts:
            table = {"given_name": self.given, "family_name": self.family}.get(
                name_field, self.father
            )
            count = max(table.get(key_a, 0), table.get(key_b, 0))
            u = max(u, count / self.total)
        return u

    def weight(self, name_field: str, level: str, key_a: str, key_b: str) -> float:
        """log2(m/u) for an agreeing name, with u raised to the commoner spelling's frequency."""
        m = PROBABILITIES[name_field][level][0]
        return math.log2(m / self.u(name_field, level, key_a, key_b))

    def joint_share(self, keys_a: tuple[str, str, str], keys_b: tuple[str, str, str]) -> float:
        """The share of the register carrying both names of a pair of agreeing fields."""
        if not self.counts:
            return 0.0
        return max(self.joint.get(keys_a, 0), self.joint.get(keys_b, 0)) / self.total

    def nationality_weight(
        self, level: str, a: PreparedRecord, probabilities: Probabilities = PROBABILITIES
    ) -> float:
        """log2(m/u) for the nationality, u raised to the nationality's share when agreeing:
        in a register of Afghans, being Afghan says little."""
        m, u = probabilities["nationality"][level]
        if level == "same" and self.counts:
            u = max(u, self.nationality.get(a.nationality, 0) / self.total)
        return math.log2(m / u)

    def date_weight(
        self,
        level: str,
        a: PreparedRecord,
        b: PreparedRecord,
        probabilities: Probabilities = PROBABILITIES,
    ) -> float:
        """log2(m/u) for agreeing birth dates, with u raised to the share of the register
        born on that day (or in that month or year, for the levels that agree on those)."""
        m, u = probabilities["birth_date"][level]
        part = _TF_DATE_LEVELS.get(level)
        if self.counts and part is not None and a.birth is not None and b.birth is not None:
            keys = []
            for birth in (a.birth, b.birth):
                if part == "date" and birth.day:
                    keys.append((birth.year, birth.month, birth.day))
                elif part == "month" and birth.month:
                    keys.append((birth.year, birth.month, 0))
                else:
                    keys.append((birth.year, 0, 0))
            count = max(self.dates.get(k, 0) for k in keys)
            u = max(u, count / self.total)
        return math.log2(m / u)


def _bump(table: dict[Any, int], key: Any, step: int) -> None:
    count = table.get(key, 0) + step
    if count > 0:
        table[key] = count
    else:
        table.pop(key, None)


def prior_for(register_size: int) -> float:
    """The prior for one candidate in a register of ``register_size`` records: the fitted
    prior at the reference size, lowered by log2 of how many times larger the register is
    (never raised: a small register is not taken to make matches likelier)."""
    return PRIOR_LOG2_ODDS - math.log2(max(register_size, REFERENCE_SIZE) / REFERENCE_SIZE)


@dataclass(frozen=True, slots=True)
class Match:
    """A scored pair: calibrated probability, log2 match weight, levels and their explanation."""

    probability: float
    weight: float
    levels: dict[str, str] = field(default_factory=dict)
    explanation: dict[str, str] = field(default_factory=dict)

    @property
    def is_match(self) -> bool:
        """The engine's "same person" answer (probability 0.5 or more)."""
        return self.probability >= 0.5


# E for U too: Persian spellings write the unstressed u as e (Yousef ~ Yusuf, Hesam ~ Husam)
_COMPATIBLE_VOWELS = frozenset(["EA", "AE", "EI", "IE", "OA", "AO", "OU", "UO", "EU", "UE"])


def _vowels_compatible(pa: str, pb: str) -> bool:
    """Phonetic keys equal but for vowels the region's spellings swap: E for A or I (Ahmed ~
    Ahmad, Ghasem ~ Qasim), O for A or U (Gulom ~ Ghulam, Mohammad ~ Muhammad). A for U or I
    is not a spelling variant but another name (Hasan ~ Husan, twins)."""
    if len(pa) != len(pb):
        return False
    for x, y in zip(pa, pb, strict=True):
        if x != y and (x + y) not in _COMPATIBLE_VOWELS:
            return False
    return True


# A vowel letter of Arabic script (a: alef, i: ye, u: vav) and the Latin vowels that spell it.
# o stands for a long a or u already folded in (-zoda from زاده, Tajik Gulom for غلام).
_SPELLS = {
    "a": frozenset("aeo"),
    "i": frozenset("ie"),
    "u": frozenset("uo"),
    "o": frozenset("aou"),
}
_LATIN_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=200_000)
def _slots(text: str) -> tuple[str, tuple[frozenset[str], ...]]:
    """A comparable-Latin name as its consonant classes and the vowel letters before, between
    and after them: "hasan" -> ("HSN", ({}, {a}, {a}, {})). y counts as the vowel i (Maryam
    is مریم), except before a vowel at the start (Yusuf)."""
    consonants: list[str] = []
    vowels: list[set[str]] = [set()]
    run = ""
    for k, ch in enumerate(text):
        vowel = ch in _LATIN_VOWELS and not (ch == "y" and k == 0)
        if vowel:
            if run:
                for letter in phonetic_key(run):
                    consonants.append(letter)
                    vowels.append(set())
                run = ""
            vowels[-1].add("i" if ch == "y" else ch)
        else:
            run += ch
    for letter in phonetic_key(run) if run else "":
        consonants.append(letter)
        vowels.append(set())
    return "".join(consonants), tuple(frozenset(v) for v in vowels)


@lru_cache(maxsize=100_000)
def _latin_forms(tokens: tuple[str, ...], cyrillic: bool) -> frozenset[str]:
    """The field's comparable Latin under each reading (normalise.readings)."""
    return frozenset(
        "".join(readings(t, cyrillic)[convention] for t in tokens) for convention in range(6)
    )


def _written_vowels_agree(arabic: NameField, latin: NameField) -> bool:
    """Arabic script writes long vowels (ا و ی) and leaves short ones out: where it writes
    one, the Latin spelling has a vowel of that kind there. So حسین is Husain or Hossein but
    not Hasan, and احمد is Ahmad but not Hamid, although each pair has the same consonants.
    A word-initial alef carries any vowel (ابراهیم is Ibrahim), and the alef of the article
    al- is not spoken (عبدالله is Abdullah). Readings whose consonants do not line up with
    the Arabic are not judged; when none does, nothing contradicts the match."""
    cons_a, vowels_a = _slots("".join(arabic.tokens))
    judged = False
    cyrillic = detect_script(latin.raw) == "Cyrl"
    for form in _latin_forms(latin.tokens, cyrillic):
        cons_l, vowels_l = _slots(form)
        if cons_l != cons_a:
            continue
        judged = True
        if all(
            not written
            or (slot == 0 and spoken)
            or ("a" in written and cons_a[slot : slot + 1] == "L")
            or any(spoken & _SPELLS[w] for w in written if w in _SPELLS)
            for slot, (written, spoken) in enumerate(zip(vowels_a, vowels_l, strict=True))
        ):
            return True
    return not judged


def _other_vowels_only(pa: str, pb: str) -> bool:
    """Two phonetic keys of one length that differ only in vowels, letter for letter."""
    if len(pa) != len(pb) or pa == pb:
        return False
    return all(x == y or (x in "AEIOU" and y in "AEIOU") for x, y in zip(pa, pb, strict=True))


def _typo_distance(pa: str, pb: str) -> bool:
    """One or two slips of the pen: one edit or swap of neighbours in a name of up to seven
    letters, two beyond (Abdulrehman ~ Abdulrahman, Foima ~ Fotima, Rostma ~ Rostam);
    a name of three letters only against a longer one (Mus ~ Musa)."""
    la, lb = len(pa), len(pb)
    longer = la if la > lb else lb
    if longer < 4 or la < 3 or lb < 3:
        return False
    limit = 1 if longer <= 7 else 2
    if la - lb > limit or lb - la > limit:
        return False
    return OSA.distance(pa, pb, score_cutoff=limit) <= limit


# Theophoric parts that many names share (Habib-ullah, Zabih-ullah; Saif-uddin, Nizam-uddin;
# Abdul-Karim, Abdul-Qadir): a slip is judged on the rest of the name, where the names
# differ, so that Habibullah and Zabihullah are not "a similar spelling" of one another.
_SHARED_ENDINGS = (
    "ULLAH",
    "OLLAH",
    "ULLA",
    "UDDIN",
    "IDDIN",
    "ULA",
    "OLA",
    "ALA",
    "UDIN",
    "IDIN",
    "ADIN",
    "EDIN",
)
_SHARED_BEGINNINGS = ("ABDU", "ABDA", "ABDO", "ABDI", "ABD")


def _distinctive(pa: str, pb: str) -> tuple[str, str]:
    for ending in _SHARED_ENDINGS:
        if pa.endswith(ending) and pb.endswith(ending):
            pa, pb = pa[: -len(ending)], pb[: -len(ending)]
            break
    for beginning in _SHARED_BEGINNINGS:
        if pa.startswith(beginning) and pb.startswith(beginning):
            pa, pb = pa[len(beginning) :], pb[len(beginning) :]
            break
    return pa, pb


def _slip(pa: str, pb: str) -> bool:
    """``_typo_distance`` on the parts of two phonetic keys where the names differ."""
    da, db = _distinctive(pa, pb)
    if (da, db) == (pa, pb):
        return _typo_distance(pa, pb)
    if len(da) < 3 or len(db) < 3:
        return False
    return OSA.distance(da, db, score_cutoff=1) <= 1 and abs(len(da) - len(db)) <= 1


def compare_names(a: NameField, b: NameField) -> str:
    """The agreement level of two name fields (see ``data/model_weights.tsv``)."""
    if not a.tokens or not b.tokens:
        return "missing"
    if a.latin == b.latin:
        return "exact"
    cross = a.arabic != b.arabic
    if not cross:
        # both sides in Arabic script, or neither: the letters are comparable as written
        if a.phonetic_readings & b.phonetic_readings or any(
            _vowels_compatible(x, y)
            for x in a.phonetic_readings
            for y in b.phonetic_readings
            if len(x) == len(y)
        ):
            return "transliteration"
        if _other_vowels_only(a.joined_phonetic, b.joined_phonetic):
            # same consonants in the same places, a vowel that no spelling explains: another
            # name (the twins Hasan and Husan, Aziz and Aziza's brother), not a slip
            return "skeleton_latin"
        pa, pb = a.joined_phonetic, b.joined_phonetic
        if (
            _slip(a.latin.upper(), b.latin.upper())
            or any(_slip(x, pb) for x in a.phonetic_readings)
            or any(_slip(pa, y) for y in b.phonetic_readings)
        ):
            return "close"
        if a.joined_skeleton == b.joined_skeleton and a.joined_skeleton:
            return "skeleton_latin"
    else:
        arabic, latin = (a, b) if a.arabic else (b, a)
        shared = arabic.skeleton_readings & latin.skeleton_readings
        if shared or (arabic.key and arabic.key == latin.key):
            # the best a pair can do across the script gap, unless the vowels Arabic script
            # writes contradict the Latin spelling
            if _written_vowels_agree(arabic, latin):
                return "skeleton_arabic"
            return "skeleton_latin"
        sa, sb = a.joined_skeleton, b.joined_skeleton
        if (
            min(len(sa), len(sb)) >= 4
            and abs(len(sa) - len(sb)) <= 1
            and Indel.normalized_similarity(sa, sb) >= 0.8
        ):
            return "close"
    if len(a.tokens) > 1 or len(b.tokens) > 1:
        keys_a = set(a.skeleton if cross else a.phonetic)
        keys_b = set(b.skeleton if cross else b.phonetic)
        if keys_a & keys_b:
            return "partial"
    if (len(a.latin) == 1 or len(b.latin) == 1) and a.latin[0] == b.latin[0]:
        return "initial"
    return "disagree"


_NAME_LEVEL_TEXT = {
    "exact": "same name",
    "transliteration": "transliteration match",
    "skeleton_arabic": "same consonants across scripts",
    "skeleton_latin": "same consonants, different vowels",
    "close": "similar spelling",
    "partial": "one of several names agrees",
    "initial": "initial only",
    "disagree": "different",
    "missing": "missing on one side",
}


def _name_text(level: str, a: NameField, b: NameField) -> str:
    text = _NAME_LEVEL_TEXT[level]
    if level == "missing":
        return text
    if level == "exact" and detect_script(a.raw) != detect_script(b.raw):
        text = _NAME_LEVEL_TEXT["transliteration"]
    return f"{text} ({a.raw or a.latin} ~ {b.raw or b.latin})"


def _sex_level(a: PreparedRecord, b: PreparedRecord) -> str:
    if a.sex and b.sex:
        return "same" if a.sex == b.sex else "different"
    sa = a.sex or a.implied_sex
    sb = b.sex or b.implied_sex
    if sa and sb and sa != sb:
        return "different_implied"
    return "missing"


def _nationality_level(a: PreparedRecord, b: PreparedRecord) -> str:
    if not a.nationality or not b.nationality:
        return "missing"
    return "same" if a.nationality == b.nationality else "different"


_NameComparison = tuple[str, NameField, NameField]
AGREEING_NAME_LEVELS = frozenset(["exact", "transliteration", "skeleton_arabic"])
# Shifting the father's name out of the family-name field costs this much: a pair must be
# clearly better read that way to be read that way.
FATHER_IN_FAMILY_PENALTY_BITS = 0.5


def father_in_family_field(
    a: PreparedRecord,
    b: PreparedRecord,
    compare: Callable[[NameField, NameField], str] | None = None,
) -> tuple[str, NameField, NameField] | None:
    """The father's name written in the family-name field of one record and in the father's
    field of the other (Afghan and Pakistani practice: people without a family name give
    their father's name where a form asks for one; the tazkira gives name, father's name,
    grandfather's name): the level at which they agree and the two fields, or None."""
    compare = compare or compare_names
    for family, father in ((a.family, b.patronymic), (b.family, a.patronymic)):
        if family.present and father.present:
            level = compare(family, father)
            if level in AGREEING_NAME_LEVELS:
                return level, family, father
    return None


def _names_weight(
    frequencies: NameFrequencies | None,
    given: _NameComparison,
    family: _NameComparison,
    father: _NameComparison,
    probabilities: Probabilities = PROBABILITIES,
) -> float:
    """The weight of the three name fields. Where names agree, u is each name's share of the
    register; where the given name agrees together with the family name or the father's
    name, u of the two together is at least the share of the register carrying both
    (names are not independent: they run in families and peoples)."""
    total = 0.0
    agreeing: dict[str, tuple[float, float]] = {}
    for name_field, (level, a, b) in zip(FIELDS[:3], (given, family, father), strict=True):
        m, u = probabilities[name_field][level]
        if frequencies is not None and level in _TF_LEVELS:
            u = frequencies.u(name_field, level, a.key, b.key, probabilities)
            agreeing[name_field] = (m, u)
        total += math.log2(m / u)
    if frequencies is None or "given_name" not in agreeing:
        return total
    _g_level, g_a, g_b = given
    for other, (_level, o_a, o_b), slot in (
        ("family_name", family, 1),
        ("patronymic", father, 2),
    ):
        if other not in agreeing:
            continue
        keys_a = (g_a.key, o_a.key, "") if slot == 1 else (g_a.key, "", o_a.key)
        keys_b = (g_b.key, o_b.key, "") if slot == 1 else (g_b.key, "", o_b.key)
        share = frequencies.joint_share(keys_a, keys_b)
        u_both = agreeing["given_name"][1] * agreeing[other][1]
        if share > u_both:
            total -= math.log2(share / u_both)
        break  # the given name is corrected once
    return total


def score_prepared(
    a: PreparedRecord,
    b: PreparedRecord,
    *,
    explain: bool = True,
    frequencies: NameFrequencies | None = None,
    prior_shift: float = 0.0,
    model: Model | None = None,
) -> Match:
    """Score two prepared records; ``explain=False`` skips building the explanation text.

    ``frequencies`` (from the register being searched) weakens agreement on common names;
    ``model`` is the version of the parameters to score with (``DEFAULT_MODEL`` if None).
    """
    model = model or DEFAULT_MODEL
    probabilities = model.probabilities
    weights = WEIGHTS if model is DEFAULT_MODEL else model.weights
    w_given, w_family = weights["given_name"], weights["family_name"]
    g_level = compare_names(a.given, b.given)
    f_level = compare_names(a.family, b.family)
    straight = w_given[g_level] + w_family[f_level]
    swapped = False
    ga, fa, gb, fb = a.given, a.family, b.given, b.family
    if g_level not in ("exact", "transliteration") and (
        (a.family.present and b.given.present) or (a.given.present and b.family.present)
    ):
        # one side typed the given name into the family field and the family name into the
        # given field: a's family field holds the given name to compare with b's given name
        # given name from the family field and the reverse. Which side was swapped is not
        # known, so both readings are weighed and the less favourable one is kept: a sibling
        # typed in swapped order must not pass as the same person on the shared surname.
        cross_1 = compare_names(a.family, b.given)
        cross_2 = compare_names(a.given, b.family)
        reading_1 = w_given[cross_1] + w_family[cross_2]
        reading_2 = w_given[cross_2] + w_family[cross_1]
        crossed = min(reading_1, reading_2) - CAP_SWAP_PENALTY_BITS
        if crossed > straight + 1.0:
            swapped = True
            if reading_1 <= reading_2:
                g_level, f_level = cross_1, cross_2
                ga, fa = a.family, a.given
            else:
                g_level, f_level = cross_2, cross_1
                gb, fb = b.family, b.given
    given_found_elsewhere = False
    if g_level == "disagree" and ga.present and gb.present:
        # a given name typed into the family field on one side only
        for probe, other in ((ga, fb), (gb, fa)):
            if other.present and compare_names(probe, other) in (
                "exact",
                "transliteration",
                "skeleton_arabic",
            ):
                g_level = "partial"
                given_found_elsewhere = True
                break
    p_level = compare_names(a.patronymic, b.patronymic)
    d_level, d_text = compare_birth_dates(a.birth, b.birth)
    s_level = _sex_level(a, b)
    n_level = _nationality_level(a, b)

    weight = model.prior
    if frequencies is not None:
        weight += frequencies.prior() - PRIOR_LOG2_ODDS  # the register's size
    weight += prior_shift
    names_weight = _names_weight(
        frequencies,
        (g_level, ga, gb),
        (f_level, fa, fb),
        (p_level, a.patronymic, b.patronymic),
        probabilities,
    )
    pa_field, pb_field = a.patronymic, b.patronymic
    father_moved = False
    if not swapped and (f_level not in AGREEING_NAME_LEVELS or p_level not in AGREEING_NAME_LEVELS):
        found = father_in_family_field(a, b)
        if found is not None:
            x_level, x_a, x_b = found
            moved = (
                _names_weight(
                    frequencies, (g_level, ga, gb), ("missing", fa, fb), found, probabilities
                )
                - FATHER_IN_FAMILY_PENALTY_BITS
            )
            if moved > names_weight:
                names_weight = moved
                f_level, p_level, pa_field, pb_field = "missing", x_level, x_a, x_b
                father_moved = True
    weight += names_weight
    weight -= CAP_SWAP_PENALTY_BITS if swapped else 0.0
    if frequencies is not None:
        weight += frequencies.date_weight(d_level, a, b, probabilities)
        weight += frequencies.nationality_weight(n_level, a, probabilities)
    else:
        weight += weights["birth_date"][d_level]
        weight += weights["nationality"][n_level]
    weight += weights["sex"][s_level]
    probability = 1.0 / (1.0 + 2.0 ** (-weight))

    guard = ""
    if s_level == "different":
        probability = min(probability, CAP_DIFFERENT_SEX)
        guard = "different sex: not the same person"
    elif g_level in ("disagree", "skeleton_latin", "initial") and ga.present and gb.present:
        probability = min(probability, CAP_DIFFERENT_GIVEN_NAME)
        guard = "different given names: a relative or a namesake, not the same person"
    elif f_level in ("disagree", "skeleton_latin") and fa.present and fb.present:
        probability = min(probability, CAP_DIFFERENT_NAME)
        guard = "different family names: a namesake, not the same person on this evidence"
    elif p_level == "disagree":
        probability = min(probability, CAP_DIFFERENT_NAME)
        guard = "different fathers' names: a namesake, not the same person on this evidence"
    probability = min(1.0, max(0.0, probability))

    levels = {
        "given_name": g_level,
        "family_name": f_level,
        "patronymic": p_level,
        "birth_date": d_level,
        "sex": s_level,
        "nationality": n_level,
    }
    explanation: dict[str, str] = {}
    if explain:
        explanation["given_name"] = _name_text(g_level, ga, gb)
        if given_found_elsewhere:
            explanation["given_name"] = "given name found in the other record's family name field"
        explanation["family_name"] = _name_text(f_level, fa, fb)
        if swapped:
            explanation["name_order"] = "given and family names swapped"
        explanation["patronymic"] = _name_text(p_level, pa_field, pb_field)
        if father_moved:
            explanation["father_in_family"] = "father's name written in the family-name field"
        explanation["birth_date"] = d_text
        explanation["sex"] = {
            "same": "same sex",
            "different": "different sex",
            "different_implied": "name endings imply different sex (e.g. -ov / -ova)",
            "missing": "sex missing on one side",
        }[s_level]
        explanation["nationality"] = {
            "same": f"same nationality {a.nationality}",
            "different": f"different nationality ({a.nationality} ~ {b.nationality})",
            "missing": "nationality missing on one side",
        }[n_level]
        if guard:
            explanation["guard"] = guard
        explanation["model"] = f"model version {model.version}"
    return Match(probability, weight, levels, explanation)


def score_pair(
    a: PersonRecord | PreparedRecord,
    b: PersonRecord | PreparedRecord,
    *,
    register_size: int = 0,
    search: bool = False,
    model: Model | None = None,
) -> Match:
    """The match probability of two records and why (records are prepared if needed).

    ``register_size``: how many records the candidate was found among (the prior falls with
    it, see ``prior_for``); ``search``: the first record is a person being looked for rather
    than a record of the register (``index.SEARCH_PRIOR_SHIFT``)."""
    pa = a if isinstance(a, PreparedRecord) else prepare(a)
    pb = b if isinstance(b, PreparedRecord) else prepare(b)
    shift = prior_for(register_size) - PRIOR_LOG2_ODDS
    if search:
        shift += SEARCH_PRIOR_SHIFT
    return score_prepared(pa, pb, prior_shift=shift, model=model)


def refit_weights(
    pairs: Iterable[tuple[PersonRecord | PreparedRecord, PersonRecord | PreparedRecord]],
    labels: Sequence[bool],
    *,
    smoothing: float = 1.0,
) -> dict[str, dict[str, tuple[float, float]]]:
    """Estimate m and u for every level by counting levels on labelled pairs.

    ``labels[i]`` says whether ``pairs[i]`` is the same person. The pairs should be blocked
    candidates (what the engine will actually score), so u reflects hard non-matches. Laplace
    ``smoothing`` keeps unseen levels finite. Returns ``{field: {level: (m, u)}}``; write it
    to ``data/model_weights.tsv`` to use it.
    """
    counts: dict[bool, dict[str, dict[str, float]]] = {True: {}, False: {}}
    totals = {True: 0, False: 0}
    for (a, b), label in zip(pairs, labels, strict=True):
        pa = a if isinstance(a, PreparedRecord) else prepare(a)
        pb = b if isinstance(b, PreparedRecord) else prepare(b)
        match = score_prepared(pa, pb, explain=False)
        totals[label] += 1
        for name, level in match.levels.items():
            per_field = counts[label].setdefault(name, {})
            per_field[level] = per_field.get(level, 0.0) + 1.0
    fitted: dict[str, dict[str, tuple[float, float]]] = {}
    for name, levels in WEIGHTS.items():
        n_levels = len(levels)
        fitted[name] = {}
        for level in levels:
            m = (counts[True].get(name, {}).get(level, 0.0) + smoothing) / (
                totals[True] + smoothing * n_levels
            )
            u = (counts[False].get(name, {}).get(level, 0.0) + smoothing) / (
                totals[False] + smoothing * n_levels
            )
            fitted[name][level] = (m, u)
    return fitted
