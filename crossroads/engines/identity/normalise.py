"""Names from Cyrillic, Latin and Perso-Arabic script into one comparable Latin form, plus keys.

Three forms per name token:

- ``latin``: lower-case ASCII, one transliteration per letter (tables in ``data/``). Readable,
  used for explanations and exact comparison.
- ``phonetic``: the Latin form folded so that the region's transliteration variants meet:
  kh/h/x, zh/j/dzh/dj, sh/sch, ch/tch, q/k/g/gh, v/f/w, y/i glides, ou/u, ai/ay. Vowels are
  kept as five classes (A, E, I, O, U) so that Hasan and Husan stay apart; E is compared as
  matching A or I, and O as matching A or U (scoring.py): Ahmed ~ Ahmad, Gulom ~ Ghulam
  (Tajik and Uzbek o for Persian long a), Mohammad ~ Muhammad.
- ``skeleton``: the phonetic form without vowels, doubled letters collapsed. Arabic script does
  not write short vowels, so محمد and MOHAMMAD only meet here (MHMD).

Why a hand-made table and not ICU: PyICU needs system ICU headers that a fresh machine lacks,
and ICU's Any-Latin is not language-aware anyway (see docs/identity-engine.md).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")


def _load_table(name: str) -> dict[str, str]:
    """Read a two-or-more-column TSV (``#`` comments) into ``{first column: second column}``."""
    table: dict[str, str] = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        table[cells[0]] = cells[1] if len(cells) > 1 else ""
    return table


CYRILLIC_LATIN = _load_table("cyrillic_latin.tsv")
LATIN_FOLD = _load_table("latin_fold.tsv")
ARABIC_LATIN = _load_table("arabic_latin.tsv")
PATRONYMIC_MARKERS = _load_table("name_markers.tsv")
NAME_HONORIFICS = _load_table("name_honorifics.tsv")
NAME_ABBREVIATIONS = _load_table("name_abbreviations.tsv")
NAME_EQUIVALENTS = _load_table("name_equivalents.tsv")
# "wife of" (Pakistani w/o, Persian زوجه and همسر, Russian жена): the name after it is the
# husband's, neither the woman's own nor her father's.
SPOUSE_MARKERS = frozenset(["wifeof", "zuja", "zauja", "zawja", "zvja", "hmsr", "zhena"])

# Arabic and Persian letter forms folded together before transliteration.
_ARABIC_FOLD = {
    "ي": "ی",  # Arabic yeh -> Farsi yeh
    "ى": "ی",  # alef maksura
    "ې": "ی",
    "ۍ": "ی",
    "ے": "ی",
    "ئ": "ی",
    "ك": "ک",  # Arabic kaf -> keheh
    "ة": "ه",  # teh marbuta
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ہ": "ه",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
}
_TATWEEL = "\u0640"
_ZWNJ = "\u200c"
_ZWJ = "\u200d"
_APOSTROPHES = "'ʻ‘’`ʼ′"  # Uzbek o‘ g‘ are written with any of these
_UZBEK_APOSTROPHE = re.compile(r"([gGoO])[" + _APOSTROPHES + "]")
_APOSTROPHE_RE = re.compile("[" + _APOSTROPHES + "]")
_NON_LETTER = re.compile(r"[^a-z]+")


@lru_cache(maxsize=200_000)
def detect_script(text: str) -> str:
    """The dominant script of ``text`` as an ISO 15924 code.

    ``Cyrl``, ``Latn`` or ``Arab`` for the scripts the region writes names in, ``Grek``,
    ``Hans``, ``Armn``, ``Geor``, ``Hebr`` or ``Deva`` for others, ``Zyyy`` (common) when the text
    has no letters and ``Zzzz`` when its letters belong to no script above.
    """
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        code = _char_script(ch)
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return "Zyyy"
    return max(counts.items(), key=lambda item: item[1])[0]


def _char_script(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x250 or 0x1E00 <= cp <= 0x1EFF:
        return "Latn"
    if 0x400 <= cp <= 0x52F or 0x1C80 <= cp <= 0x1C8F or 0x2DE0 <= cp <= 0x2DFF:
        return "Cyrl"
    if 0x600 <= cp <= 0x6FF or 0x750 <= cp <= 0x77F or 0x8A0 <= cp <= 0x8FF or cp >= 0xFB50:
        return "Arab" if cp <= 0xFEFF else "Zzzz"
    if 0x370 <= cp <= 0x3FF:
        return "Grek"
    if 0x530 <= cp <= 0x58F:
        return "Armn"
    if 0x590 <= cp <= 0x5FF:
        return "Hebr"
    if 0x10A0 <= cp <= 0x10FF:
        return "Geor"
    if 0x900 <= cp <= 0x97F:
        return "Deva"
    if 0x4E00 <= cp <= 0x9FFF:
        return "Hans"
    return "Zzzz"


_FALSE_DIGRAPHS = frozenset(
    ["sh", "kh", "zh", "gh", "ch", "ph", "th", "ts", "dz", "tz", "ck", "dj", "sc", "ng"]
)


def _arabic_word(word: str) -> str:
    """One Perso-Arabic word into consonantal Latin; long vowels as a, u, i."""
    letters = []
    for ch in word:
        ch = _ARABIC_FOLD.get(ch, ch)
        if ch in (_TATWEEL, _ZWNJ, _ZWJ) or unicodedata.category(ch) == "Mn":
            continue  # harakat, superscript alef, tatweel, joiners carry no consonant
        letters.append(ch)
    if "".join(letters) == "الله":
        return "allah"
    out: list[str] = []
    last = len(letters) - 1

    def emit(piece: str) -> None:
        # keep letters apart that would read as one Latin digraph (س+ه is s-h, not sh)
        if out and piece and out[-1] and (out[-1][-1] + piece[0]) in _FALSE_DIGRAPHS:
            out.append("'")
        out.append(piece)

    for i, ch in enumerate(letters):
        if ch == "ا":
            emit("a")
        elif ch == "و":
            emit("v" if i == 0 else "u")
        elif ch == "ی":
            emit("y" if i == 0 else "i")
        elif ch == "ه":
            if i == last and i > 0:
                # word-final heh is a vowel (Fatema, Zada) except in ...llah (Abdullah)
                emit("ah" if "".join(letters[-3:]) == "لله" else "a")
            else:
                emit("h")
        elif ch in ARABIC_LATIN:
            emit(ARABIC_LATIN[ch])
        elif "0" <= ch <= "9" or unicodedata.category(ch).startswith("N"):
            continue
    return "".join(out)


# "s/o", "d/o", "w/o" (son, daughter, wife of: Pakistani and Afghan documents) and the words
# written out, as one token each before the slash splits them.
_RELATION = re.compile(r"(?i)(?<![a-z])([sdw])\s*/\s*o(?![a-z])|\b(son|daughter|wife)\s+of\b")
_RELATION_TOKEN = {"s": " sonof ", "d": " daughterof ", "w": " wifeof "}
# Superscript alef after yeh is an alef maksura spoken a (مصطفیٰ Mustafa, بشریٰ Bushra).
_YEH_SUPERSCRIPT_ALEF = re.compile("[یيى]\u0670")


def _relation(match: re.Match[str]) -> str:
    letter = (match.group(1) or match.group(2))[0].lower()
    return _RELATION_TOKEN[letter]


@lru_cache(maxsize=200_000)
def latin_tokens(text: str) -> tuple[str, ...]:
    """Split ``text`` into name tokens in comparable Latin (lower-case ASCII), any script."""
    if not text:
        return ()
    text = unicodedata.normalize("NFC", text)
    if "/" in text or " of" in text.lower():
        text = _RELATION.sub(_relation, text)
    if "\u0670" in text:
        text = _YEH_SUPERSCRIPT_ALEF.sub("ا", text)
    text = _UZBEK_APOSTROPHE.sub(lambda m: "gh" if m.group(1) in "gG" else m.group(1), text)
    text = _APOSTROPHE_RE.sub("", text)
    # A zero-width non-joiner sits inside one Persian word (عبد‌الله): drop it, keep one word.
    text = text.replace(_ZWNJ, "").replace(_ZWJ, "").replace(_TATWEEL, "")
    tokens: list[str] = []
    for raw in re.split(r"[\s\-_.,;:/()\"]+", text):
        if not raw:
            continue
        if any(0x600 <= ord(c) <= 0x6FF or 0xFB50 <= ord(c) <= 0xFEFF for c in raw):
            word = _arabic_word(unicodedata.normalize("NFKC", raw))
        else:
            word = _latin_word(raw)
        if word:
            tokens.append(word)
    return tuple(tokens)


def _latin_word(raw: str) -> str:
    out: list[str] = []
    for ch in raw:
        if ch in "İI":
            out.append("i")
            continue
        low = ch.lower()
        if low in CYRILLIC_LATIN:
            out.append(CYRILLIC_LATIN[low])
        elif low in LATIN_FOLD:
            out.append(LATIN_FOLD[low])
        elif "a" <= low <= "z":
            out.append(low)
        else:
            decomposed = unicodedata.normalize("NFKD", low)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            out.append(LATIN_FOLD.get(base, base))
    return _NON_LETTER.sub("", "".join(out))


# ---------------------------------------------------------------------------------------------
# Compound names: Abdul Rahman / Abdulrahman / عبدالرحمن, Habib Ullah / Habibullah,
# Nasr ud Din / Nasruddin, Rahim Zoda / Rahimzoda are joined into one token before keys.

_JOIN_WITH_NEXT = frozenset(
    ["abd", "abdu", "abdul", "abdol", "abdal", "abdel", "abdur", "abdir", "bd", "abdel"]
)
_ARTICLES = frozenset(["ul", "ud", "ur", "al", "el", "ad", "ar", "as", "ash", "az", "uz", "us"])
_JOIN_WITH_PREVIOUS = frozenset(
    [
        "ullah",
        "ulla",
        "ollah",
        "olla",
        "allah",
        "alla",
        "llah",
        "ulloh",
        "ullo",
        "uddin",
        "udin",
        "addin",
        "iddin",
        "eddin",
        "aldin",
        "uldin",
        "din",
        "deen",
        "zoda",
        "zade",
        "zada",
        "zadeh",
        "zod",
    ]
)


def join_compounds(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Join the parts of compound names so that written-apart and written-joined forms agree."""
    out: list[str] = []
    pending = ""
    for token in tokens:
        if pending:
            token = pending + token
            pending = ""
        if token in _JOIN_WITH_NEXT or token in _ARTICLES:
            pending = token
            continue
        if out and token in _JOIN_WITH_PREVIOUS:
            out[-1] = out[-1] + token
            continue
        out.append(token)
    if pending:
        out.append(pending)
    # Tajik -zoda, Azerbaijani -zade, Persian -zadeh: one suffix, one spelling; Abdul-,
    # Abdur-, Abdel-, Abd-: the article after Abd in one spelling (Abdurrahman ~ Abdul Rahman)
    return tuple(_ABD.sub("abdu", _ZODA.sub("zoda", t)) if len(t) > 6 else t for t in out)


_ZODA = re.compile(r"z[ao]d(?:a|e|eh|ah)$")
_ABD = re.compile(r"^abd[aeiou]?[lr]?(?=[b-df-hj-np-tv-z])")


# ---------------------------------------------------------------------------------------------
# Phonetic and skeleton keys.

_DIGRAPHS = [
    ("shch", "X"),
    ("tsch", "C"),
    ("dsch", "J"),
    ("sch", "X"),
    ("tch", "C"),
    ("dzh", "J"),
    ("dsh", "J"),
    ("tsh", "C"),
    ("sh", "X"),
    ("ch", "C"),
    ("zh", "J"),
    ("dj", "J"),
    ("kh", "H"),
    ("gh", "K"),
    ("ph", "F"),
    ("th", "S"),
    ("ts", "S"),
    ("tz", "S"),
    ("dz", "Z"),
    ("ck", "K"),
]
# dz is one sound (Pashto ځ: Dzadran) at the start of a word only; inside it the d and z
# usually belong to two parts (Ahmad-zai, Ahmad-zoda, Mohammad-zada), which Arabic script
# writes as two letters.
_DIGRAPH_RE = re.compile("|".join("^dz" if d == "dz" else d for d, _ in _DIGRAPHS))
_DIGRAPH_MAP = dict(_DIGRAPHS)
_CONSONANTS = {
    "b": "B",
    "p": "B",
    "f": "F",
    "v": "F",
    "w": "F",  # Parwina ~ Parvina, Wali ~ Vali
    "k": "K",
    "q": "K",
    "g": "K",
    "c": "J",  # Turkish and Azerbaijani c is dzh (Cemil)
    "h": "H",
    "x": "H",  # Uzbek Latin x is kh
    "j": "J",
    "z": "Z",
    "s": "S",
    "t": "T",
    "d": "D",
    "l": "L",
    "m": "M",
    "n": "N",
    "r": "R",
}
_VOWEL_CLASS = {"a": "A", "e": "E", "i": "I", "y": "I", "o": "O", "u": "U"}
_VOWELS = frozenset("AEIOU")


@lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """Fold a comparable-Latin token into consonant classes and five vowel classes."""
    if not token:
        return ""
    # word-final h after a vowel is not written consistently (Abdullah/Abdulla, Shah/شا)
    if len(token) > 2 and token[-1] == "h" and token[-2] in "aeiou" and token[-3:] != "kh":
        token = token[:-1]
    if token.endswith("ng"):
        token = token[:-2] + "n"
    marked = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group(0)], token)
    out: list[str] = []
    i = 0
    n = len(marked)
    while i < n:
        ch = marked[i]
        if ch.isupper():
            out.append(ch)
            i += 1
            continue
        if ch in _VOWEL_CLASS:
            j = i
            while j < n and marked[j] in _VOWEL_CLASS:
                j += 1
            run = marked[i:j]
            # a leading glide before another vowel (Yusuf, Iusuf, Yakub) is dropped
            if len(run) > 1 and (run[0] == "y" or (run[0] in "ij" and i == 0)):
                run = run[1:]
            classes = {_VOWEL_CLASS[c] for c in run}
            if run[0] == "a" and ("I" in classes or "E" in classes):
                out.append("I")  # ai, ay, ae: Husayn ~ Hussain
            elif len(classes) == 1 or run[0] != "a":
                cls = _VOWEL_CLASS[run[0]]
                if run[0] in "eio" and "U" in classes:
                    cls = "U"  # iu, eu in ICAO spellings of yu; French ou
                elif run[0] == "o" and len(run) > 1 and run[1] == "o":
                    cls = "U"  # English oo (Dawood)
                out.append(cls)
            else:
                out.append("A")
            i = j
            continue
        out.append(_CONSONANTS.get(ch, ""))
        i += 1
    collapsed: list[str] = []
    for ch in out:
        if ch and (not collapsed or collapsed[-1] != ch):
            collapsed.append(ch)
    return "".join(collapsed)


# ---------------------------------------------------------------------------------------------
# Readings: one Latin spelling read by the conventions clerks and passports use. The same
# letters mean different sounds in different transcriptions: ch is ч in English and in
# ICAO 9303, х in German (Chasan, Rachimow) and ш in French (Chirine); s between vowels is з
# in German (Asisow, Issosoda) and French; j is дж in English, й in German (Jussuf,
# Sulajmon); z is ц in German; w is в. Russian clerks write Persian and Arabic h as г
# (Ибрагим, Агмади, Гусейн). A name is compared under each reading of each side, so Jussuf
# meets Yusuf and Achmadsoda meets Ахмадзода. Sources: German and French transcription of
# Russian (Duden; the French practice of the Bibliothèque nationale), ICAO Doc 9303 Part 3.

_V = "[aeiouy]"
# One pass, left to right, longest spelling first: what one rule writes is never read again
# by another (German tsch is ч, not the ch of another rule).
_GERMAN = {
    "tsch": "ch",
    "dsch": "j",
    "sch": "sh",
    "ch": "kh",
    "ss": "s",
    "ie": "i",
    "ei": "ai",
    "z": "ts",
    "j": "y",
    "s": "z",  # only between vowels, by the pattern below
}
_GERMAN_RE = re.compile(rf"tsch|dsch|sch|ch|ss|ie|ei|(?<![dt])z|(?<![dszk])j|(?<={_V})s(?={_V})")
# German writes з and с alike at the start of a word (Sahra for Захра, Sulejman for
# Сулейман): a second German reading takes the initial s as з.
_GERMAN_INITIAL_Z = re.compile(rf"^s(?={_V})")
_FRENCH = {"tch": "ch", "sch": "sh", "ch": "sh", "ss": "s", "ou": "u", "gu": "g", "j": "zh"}
_FRENCH.update({"s": "z"})
_FRENCH_RE = re.compile(rf"tch|sch|ch|ss|ou|gu(?=[eiy])|(?<!d)j|(?<={_V})s(?={_V})")
_BY_EAR_H_RE = re.compile(r"g(?!h)")
_J_AS_Y_RE = re.compile(r"(?<![dszk])j")


def _rewrite(token: str, pattern: re.Pattern[str], table: dict[str, str]) -> str:
    return pattern.sub(lambda m: table[m.group(0)], token)


@lru_cache(maxsize=200_000)
def readings(token: str, cyrillic: bool = False) -> tuple[str, str, str, str, str, str]:
    """The comparable-Latin token read six ways, always in this order: as written, German,
    German with an initial s as з, French, j as й alone (Jusuf, Sulajmon in Slavic and
    Turkic Latin), and (for a name written in Cyrillic) with г as h. A reading that changes
    nothing repeats the token."""
    german = _rewrite(token, _GERMAN_RE, _GERMAN)
    return (
        token,
        german,
        _GERMAN_INITIAL_Z.sub("z", german),
        _rewrite(token, _FRENCH_RE, _FRENCH),
        _J_AS_Y_RE.sub("y", token),
        _BY_EAR_H_RE.sub("h", token) if cyrillic else token,
    )


# Russian typed in Latin letters with no rule at all (chat, forms filled on a phone): я is
# written ya (cyrillic_latin.tsv), ia (ICAO 9303 Part 3) or ja (ISO 9, German and Czech
# habits), ю as yu, iu or ju, ц as ts or c (ISO 9). This reading brings a token to the
# letters of cyrillic_latin.tsv, so that "menia", "menja" and "menya" (меня) are one token
# and "konec" is "konets" (конец). It is meant for free text in Russian, read together with
# Cyrillic read through the same function; names keep their readings above.
_TRANSLIT_J = re.compile(r"(?<![dszk])j(?=[aeou])")
_TRANSLIT_ICAO_GLIDE = re.compile(r"(?<=[b-df-hj-np-tv-z])i(?=[aou])")
_TRANSLIT_C = re.compile(r"c(?!h)")


@lru_cache(maxsize=200_000)
def russian_translit_reading(token: str) -> str:
    """A comparable-Latin token of Russian typed freely, in cyrillic_latin.tsv's letters."""
    token = _TRANSLIT_J.sub("y", token)
    token = _TRANSLIT_ICAO_GLIDE.sub("y", token)
    return _TRANSLIT_C.sub("ts", token)


_ARTICLE_BEFORE_DIN = re.compile(r"(?<=[^AIU])L(DN)$")


@lru_cache(maxsize=200_000)
def skeleton_key(token: str) -> str:
    """Consonant skeleton: the phonetic key without vowels, the forms Arabic script writes."""
    phon = phonetic_key(token)
    out: list[str] = []
    for ch in phon:
        if ch in _VOWELS:
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    skel = "".join(out)
    # Abdul Rahman / Abdurrahman / عبدالرحمن: the article after Abd assimilates
    if len(skel) > 3 and skel.startswith("BDL") and skel[3] != "L":
        skel = "BD" + skel[3:]
    # Nasir al-Din / Nasruddin / نصرالدین
    skel = _ARTICLE_BEFORE_DIN.sub(r"\1", skel)
    return skel


def loose_skeleton(skeleton: str) -> str:
    """The skeleton without F (f, v, w): Arabic script writes -ov as وف or ف and v inside a
    word as و, which reads as a vowel (Parvina ~ پروینه, Rakhimov ~ رحیمف, Dawood ~ داوود)."""
    out: list[str] = []
    for ch in skeleton:
        if ch != "F" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


# Patronymic endings, longest first, as Russian, ICAO, BGN, German (-owitsch, -owna),
# French (-ovitch) and Turkmen (-owiç, -ewiç -> owich) spellings write them.
_PATRONYMIC_ENDINGS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [
            (e, "M")
            for e in (
                "ovich",
                "evich",
                "yevich",
                "ievich",
                "ovych",
                "ovitch",
                "evitch",
                "owitsch",
                "ewitsch",
                "ovitsch",
                "owitch",
                "owich",
                "ewich",
                "ich",
                "uly",
                "ulu",
            )
        ]
        + [
            (e, "F")
            for e in (
                "ovna",
                "evna",
                "yevna",
                "ievna",
                "owna",
                "ewna",
                "ichna",
                "inichna",
                "kyzy",
                "qyzy",
                "qizi",
                "kizi",
            )
        ],
        key=lambda item: -len(item[0]),
    )
)


def patronymic_stem(token: str) -> tuple[str, str]:
    """The father's name inside a patronymic token, and the sex it implies (``""`` if none).

    Rakhimovich -> (rakhim, M); Rakhimovna -> (rakhim, F); Nurlanuly -> (nurlan, M);
    Alievna -> (ali, F); Batyrowna -> (batyr, F). The longest ending that leaves a name of
    three letters or more is taken.
    """
    for ending, sex in _PATRONYMIC_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= 3:
            return token[: -len(ending)], sex
    return token, ""


_FEMININE_SURNAME = re.compile(r"(?:ova|eva|yeva|iyeva|ina|yna|skaya|tskaya|aya)$")
_MASCULINE_SURNAME = re.compile(r"(?:ov|ev|yev|skiy|skii|sky|ski|tskiy|iy)$")


def surname_sex(token: str) -> str:
    """The sex a Slavic-pattern surname ending implies (Rakhimova -> F), or ``""``."""
    if _FEMININE_SURNAME.search(token):
        return "F"
    if _MASCULINE_SURNAME.search(token):
        return "M"
    return ""


def surname_stem_key(phon: str) -> str:
    """Phonetic key of a surname with its feminine ending removed (Rakhimova ~ Rakhimov)."""
    if len(phon) > 3 and phon[-1] == "A" and phon[-2] in "FN":
        return phon[:-1]
    if len(phon) > 3 and phon.endswith("SKI"):
        return phon
    return phon


_SURNAME_LIKE = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|in|ina|skiy|skaya|sky|zoda|zada|zade|zadeh|yan|yants|enko|uk"
    r"|oglu|ogly|uulu|uly|i|zai|zay|khil|khel|ji)$"
)


def looks_like_surname(token: str) -> bool:
    """True for tokens with a surname ending (-ov, -ova, -zoda, -yan, Persian -i, Pashto -zai).

    Persian -i only on longer tokens (Rahimi, Ahmadi, Hashimi): the short given names Nabi,
    Wali, Hadi, Zaki end in i too."""
    if len(token) <= 3 or not _SURNAME_LIKE.search(token):
        return False
    return not (token.endswith("i") and len(token) < 6 and not token.endswith(("zai", "ji")))


_SLAVIC_SURNAME = re.compile(r"(?:ov|ova|ev|eva|yev|yeva|skiy|skaya|sky|zoda|yan|enko)$")


def looks_like_slavic_surname(token: str) -> bool:
    """True for unmistakable surname endings (-ov, -ova, -skiy, -zoda, -yan, -enko)."""
    return len(token) > 4 and bool(_SLAVIC_SURNAME.search(token))


_RUSSIAN_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|ovych|ievich|ievna)$")


def looks_like_patronymic(token: str) -> bool:
    """True for Russian-pattern patronymics (…ович/…овна/…евич)."""
    return len(token) > 5 and bool(_RUSSIAN_PATRONYMIC.search(token))
