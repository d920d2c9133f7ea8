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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import Indel, Levenshtein

from .dates import compare_birth_dates
from .normalise import detect_script
from .records import NameField, PersonRecord, PreparedRecord, prepare

_WEIGHTS_FILE = Path(__file__).with_name("data") / "model_weights.tsv"

# Prior log2-odds that two blocked candidates are the same person. Chosen on the engine's own
# synthetic register (synthetic.py) among -10, -13, -15 and -16: at -13 two records that agree
# only on given and family name (no date) stay near 0.5-0.9 depending on how common the names
# are, cross-script matches with a birth year reach 0.8-0.99, and "same person" answers for
# people not registered stay well under 1 %. Re-fit with refit_weights on labelled data.
PRIOR_LOG2_ODDS = -13.0

# Probability caps for evidence that Fellegi-Sunter's independence assumption cannot weigh.
CAP_DIFFERENT_SEX = 0.02
CAP_DIFFERENT_GIVEN_NAME = 0.05
CAP_SWAP_PENALTY_BITS = 1.0

FIELDS = ("given_name", "family_name", "patronymic", "birth_date", "sex", "nationality")


def load_probabilities(path: Path = _WEIGHTS_FILE) -> dict[str, dict[str, tuple[float, float]]]:
    """Read the m/u table: ``{field: {level: (m, u)}}``."""
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
    }


PROBABILITIES = load_probabilities()
WEIGHTS = load_weights()
_TF_LEVELS = frozenset(["exact", "transliteration", "skeleton_arabic"])


class NameFrequencies:
    """How often each given and family name (by loose skeleton) occurs in a register.

    Term-frequency adjustment: agreeing on a name that a tenth of the register carries
    (Mohammad) is weaker evidence than agreeing on a rare one, so u for an agreeing name is
    raised to the name's frequency when that is higher than the table's u.
    """

    # below this many records, frequencies are noise and the table's u is used
    MIN_TOTAL = 1000

    def __init__(self) -> None:
        self.given: dict[str, int] = {}
        self.family: dict[str, int] = {}
        self.total = 0

    @classmethod
    def of(cls, records: Iterable[PreparedRecord]) -> NameFrequencies:
        frequencies = cls()
        for record in records:
            frequencies.add(record)
        return frequencies

    def add(self, record: PreparedRecord) -> None:
        self.total += 1
        if record.given.key:
            self.given[record.given.key] = self.given.get(record.given.key, 0) + 1
        if record.family.key:
            self.family[record.family.key] = self.family.get(record.family.key, 0) + 1

    def remove(self, record: PreparedRecord) -> None:
        self.total -= 1
        for table, key in ((self.given, record.given.key), (self.family, record.family.key)):
            if key and key in table:
                table[key] -= 1
                if not table[key]:
                    del table[key]

    def weight(self, name_field: str, level: str, key_a: str, key_b: str) -> float:
        """log2(m/u) for an agreeing name, with u raised to the commoner spelling's frequency."""
        m, u = PROBABILITIES[name_field][level]
        if self.total >= self.MIN_TOTAL:
            table = self.given if name_field == "given_name" else self.family
            count = max(table.get(key_a, 0), table.get(key_b, 0))
            u = max(u, count / self.total)
        return math.log2(m / u)


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


_COMPATIBLE_VOWELS = frozenset(["EA", "AE", "EI", "IE", "OA", "AO", "OU", "UO"])


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


def compare_names(a: NameField, b: NameField) -> str:
    """The agreement level of two name fields (see ``data/model_weights.tsv``)."""
    if not a.tokens or not b.tokens:
        return "missing"
    if a.latin == b.latin:
        return "exact"
    cross = a.arabic or b.arabic
    pa, pb = a.joined_phonetic, b.joined_phonetic
    sa, sb = a.joined_skeleton, b.joined_skeleton
    if not cross and (pa == pb or _vowels_compatible(pa, pb)):
        return "transliteration"
    if cross:
        # both sides need consonants: a lone vowel letter (ا) agrees with nothing
        if sa and sb and (sa == sb or (a.key and a.key == b.key)):
            return "skeleton_arabic"
        if (
            min(len(sa), len(sb)) >= 3
            and sa[0] == sb[0]
            and abs(len(sa) - len(sb)) <= 1
            and Indel.normalized_similarity(sa, sb) >= 0.8
        ):
            return "close"
        # Russian writes Persian and Arabic h as г (Ибрагим ~ ابراهیم, Гулям ~ غلام)
        if a.key and b.key and a.key.replace("K", "H") == b.key.replace("K", "H"):
            return "close"
    else:
        if sa == sb and sa:
            # same consonants, incompatible vowels: another name (Hasan ~ Husan, Aziz ~ Aziza)
            return "skeleton_latin"
        # a spelling slip keeps the first consonant and all but one or two letters
        # (Abdulrehman ~ Abdulrahman); names of one family differ more (Ibrahim ~ Rahim,
        # Bekrakhimov ~ Bekrakhimgulov)
        if (
            sa[:1] == sb[:1]
            and min(len(pa), len(pb)) >= 4
            and Levenshtein.distance(pa, pb) <= (1 if max(len(pa), len(pb)) <= 7 else 2)
        ):
            return "close"
        if sa == sb and sa:
            return "skeleton_latin"
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


def score_prepared(
    a: PreparedRecord,
    b: PreparedRecord,
    *,
    explain: bool = True,
    frequencies: NameFrequencies | None = None,
) -> Match:
    """Score two prepared records; ``explain=False`` skips building the explanation text.

    ``frequencies`` (from the register being searched) weakens agreement on common names.
    """
    w_given, w_family = WEIGHTS["given_name"], WEIGHTS["family_name"]
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

    weight = PRIOR_LOG2_ODDS
    if frequencies is not None and g_level in _TF_LEVELS:
        weight += frequencies.weight("given_name", g_level, ga.key, gb.key)
    else:
        weight += w_given[g_level]
    if frequencies is not None and f_level in _TF_LEVELS:
        weight += frequencies.weight("family_name", f_level, fa.key, fb.key)
    else:
        weight += w_family[f_level]
    weight -= CAP_SWAP_PENALTY_BITS if swapped else 0.0
    weight += WEIGHTS["patronymic"][p_level]
    weight += WEIGHTS["birth_date"][d_level]
    weight += WEIGHTS["sex"][s_level]
    weight += WEIGHTS["nationality"][n_level]
    probability = 1.0 / (1.0 + 2.0 ** (-weight))

    guard = ""
    if s_level == "different":
        probability = min(probability, CAP_DIFFERENT_SEX)
        guard = "different sex: not the same person"
    elif g_level in ("disagree", "skeleton_latin", "initial") and ga.present and gb.present:
        probability = min(probability, CAP_DIFFERENT_GIVEN_NAME)
        guard = "different given names: a relative or a namesake, not the same person"
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
        explanation["patronymic"] = _name_text(p_level, a.patronymic, b.patronymic)
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
    return Match(probability, weight, levels, explanation)


def score_pair(a: PersonRecord | PreparedRecord, b: PersonRecord | PreparedRecord) -> Match:
    """The match probability of two records and why (records are prepared if needed)."""
    pa = a if isinstance(a, PreparedRecord) else prepare(a)
    pb = b if isinstance(b, PreparedRecord) else prepare(b)
    return score_prepared(pa, pb)


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
