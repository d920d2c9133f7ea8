"""Hearing fear of return in the person's own words, in the languages of the region.

Not a list of phrases: each language (``phrases/fear/<code>.yaml``) gives *word classes*
(fear, return, place, harm, persecution, me, seek, threat, family, grounds, asylum, plea,
no-return, negators, negated forms, hedges), and the same rules combine them in every
language, within a window of words rather than side by side:

* ``asylum``: a word for asylum, refuge or protection (inflected: a trailing ``*``);
* ``plea``: "don't send me back" in the language's own words (the negation is part of it);
* ``sought``: a verb of searching near "me", or a phrase of being sought;
* ``family_threat``: a threat or violence near a family member;
* ``persecution``: a word of persecution, or harm (kill, jail, torture) near "me", a word
  of return, a place ("at home", "there") or a ground (religion, party, ethnicity);
* ``fear_of_return``: fear or danger near a word of return or a place, or "I can never go
  back" (the negation is part of it).

Negation has a scope: a negator just before the word it negates (or just after, in the
languages that put it after the verb), in the same clause, or a negated verb form
("korkmuyorum", "наметарсам"), cancels fear, harm, seeking, threats and asylum words:
"I am not afraid to go back" is not heard. A hedge ("I don't know", "maybe") near a word
of return or harm makes what is heard *ambiguous*: it still counts, and the officer is
asked. Pleas and "I can never go back" carry their own negation and are never cancelled.

Words are compared after the same folding as before (letters, ZWNJ, marks, Central Asian
Cyrillic typed on a Russian keyboard), a word of the data matches a word of the text when
they are equal, when they share a Snowball stem of at least four letters (English,
Russian, Turkish, Persian), or when the data word ends in ``*`` and is a prefix of it.
Russian and Urdu typed in Latin letters are heard through the identity engine's
transliteration: data and text meet in its phonetic key (Russian) or consonant skeleton
(Urdu), so no second transliteration table exists.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import snowballstemmer
import yaml

from crossroads.engines.identity.normalise import (
    latin_tokens,
    phonetic_key,
    russian_translit_reading,
    skeleton_key,
)

from .phrases import normalise

FEAR_DATA_DIR = Path(__file__).resolve().parent / "phrases" / "fear"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where installed

WORD_CLASSES = (
    "fear",
    "return",
    "place",
    "harm",
    "persecution",
    "me",
    "seek",
    "sought",
    "threat",
    "family",
    "ground",
    "asylum",
    "plea",
    "no_return",
    "negators",
    "negated",
    "hedges",
    "clause_final",
    "employer",
    "impossible",
)
_LANGUAGE_KEYS = frozenset(
    {
        "code",
        "name",
        "script",
        "stemmer",
        "negation",
        "latin_view",
        "join_verb_prefix",
        "latin_markers",
        "first_person_endings",
        "negative_infixes",
        "passive_first_person_endings",
        "reviewed",
        "words",
    }
)
_SCRIPTS = ("cyrl", "latn", "arab")
_GAP = 2  # words allowed between the words of one multi-word entry
_WINDOW = 12  # words spanned by two classes that must occur together
_HEDGE_WINDOW = 12
_MIN_STEM = 4
# Clause ends: negation does not reach across them.
_CLAUSE_END = re.compile(r"[.!?…;:,\n\r؟؛۔،]")
_SENTENCE_END = re.compile(r"[.!?…\n\r؟۔]")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_PERSIAN_PREFIXES = frozenset({"می", "نمی"})
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPT_LETTERS = {
    "cyrl": re.compile("[\u0400-\u04ff]"),
    "arab": re.compile("[\u0600-\u06ff\ufb50-\ufeff]"),
    "latn": re.compile("[A-Za-z\u00c0-\u024f]"),
}
# Classes whose words also match by stem; pleas, negators and the like match as written
# (a stem would let "не боюсь возвращаться" pass for "не возвращайте"), and so do words
# of return (a stem would make "не возвращает паспорт" a return).
_OWN_NEGATION = frozenset(
    {"plea", "no_return", "negators", "negated", "clause_final", "hedges", "impossible"}
)
# Classes of words that a negation can be about.
_CONTENT = ("fear", "return", "place", "harm", "seek", "threat", "asylum", "persecution")
_STEMMED = frozenset(
    {"fear", "place", "harm", "persecution", "seek", "threat", "family", "ground", "asylum"}
)


@dataclass(frozen=True, slots=True)
class Heard:
    """One thing heard: category, the language (view) whose words matched, the text's
    words from first to last, and whether a hedge makes it ambiguous."""

    category: str
    language: str
    words: str
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    prefix: bool


@dataclass(frozen=True, slots=True)
class _Entry:
    word_class: str
    words: tuple[_Word, ...]


@dataclass(frozen=True, slots=True)
class _Occurrence:
    word_class: str
    start: int
    end: int
    skipped: tuple[int, ...] = ()  # words inside that are not the entry's own


class _Text:
    """The text as words: each word's clause and the raw piece of text it came from."""

    __slots__ = ("_lower", "folded", "pieces", "raw", "script_words", "sentence_of_raw")

    def __init__(self, text: str) -> None:
        self._lower: frozenset[str] | None = None
        self.folded: dict[
            tuple[object, bool],
            tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]],
        ] = {}
        self.raw: list[str] = []
        self.pieces: list[tuple[str, int, int]] = []  # (raw token, raw index, clause)
        clause = 0
        sentence = 0
        self.sentence_of_raw: list[int] = []
        for raw in text.split():
            index = len(self.raw)
            self.raw.append(raw)
            self.sentence_of_raw.append(sentence)
            if _SENTENCE_END.search(raw.rstrip("\"')»”")[-1:] or ""):
                sentence += 1
            parts = _CLAUSE_END.split(raw)
            for n, part in enumerate(parts):
                if n > 0:
                    clause += 1
                if part.strip():
                    self.pieces.append((part, index, clause))
        self.script_words = {
            script: pattern.search(text) is not None for script, pattern in _SCRIPT_LETTERS.items()
        }

    def has_any(self, words: frozenset[str]) -> bool:
        if self._lower is None:
            self._lower = frozenset(
                w for piece, _i, _c in self.pieces for w in _WORD.findall(piece.casefold())
            )
        return not self._lower.isdisjoint(words)

    def quote(self, first: int, last: int) -> str:
        return _EDGE_PUNCTUATION.sub("", " ".join(self.raw[first : last + 1]))


@dataclass(frozen=True, slots=True)
class _Tokens:
    words: tuple[str, ...]
    stems: tuple[str, ...]
    raw_index: tuple[int, ...]
    clause: tuple[int, ...]
    sentence: tuple[int, ...]


class _View:
    """One language as read in one script: its entries compiled to that script's words."""

    def __init__(
        self,
        code: str,
        script: str,
        entries: list[_Entry],
        fold: Callable[[str], tuple[str, ...]],
        stem: Callable[[str], str] | None,
        negation: tuple[int, int],
        persian_prefix: bool,
        markers: frozenset[str] = frozenset(),
        first_person: tuple[str, ...] = (),
        negative_infixes: tuple[str, ...] = (),
        passive_first_person: tuple[str, ...] = (),
    ) -> None:
        self.code = code
        self.markers = markers
        self.first_person = first_person
        self.negative_infixes = negative_infixes
        self.passive_first_person = passive_first_person
        self.script = script
        self.fold = fold
        self.stem = stem
        self.before, self.after = negation
        self.persian_prefix = persian_prefix
        self.exact: dict[str, list[_Entry]] = {}
        self.stemmed: dict[str, list[_Entry]] = {}
        self.prefixes: dict[str, list[_Entry]] = {}
        self.entries = entries
        for entry in entries:
            first = entry.words[0]
            if first.prefix:
                self.prefixes.setdefault(first.text, []).append(entry)
            else:
                self.exact.setdefault(first.text, []).append(entry)
                key = self._stem_key(first.text) if entry.word_class in _STEMMED else ""
                if key:
                    self.stemmed.setdefault(key, []).append(entry)
        self.prefix_lengths = sorted({len(p) for p in self.prefixes})
        # The entries a word may begin, by word: a pure function of the word, and words
        # recur, so it is remembered (bounded).
        self._candidates: dict[str, tuple[_Entry, ...]] = {}

    def _stem_key(self, word: str) -> str:
        if self.stem is None:
            return ""
        stem = self.stem(word)
        return stem if len(stem) >= _MIN_STEM else ""

    def tokens(self, text: _Text) -> _Tokens:
        """The text's words as this view reads them; views that fold alike share them."""
        key = (self.fold, self.persian_prefix)
        shared = text.folded.get(key)
        if shared is None:
            shared = text.folded[key] = self._fold_text(text)
        words, raw_index, clause, sentence = shared
        stems = tuple(self._stem_key(w) for w in words) if self.stem else ()
        return _Tokens(words, stems, raw_index, clause, sentence)

    def _fold_text(
        self, text: _Text
    ) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        words: list[str] = []
        raw_index: list[int] = []
        clause: list[int] = []
        for piece, index, piece_clause in text.pieces:
            for word in self.fold(piece):
                if (
                    self.persian_prefix
                    and words
                    and words[-1] in _PERSIAN_PREFIXES
                    and raw_index[-1] != index
                ):
                    # "می کشند" typed with a space is the one word میکشند.
                    words[-1] = words[-1] + word
                    continue
                words.append(word)
                raw_index.append(index)
                clause.append(piece_clause)
        sentence = tuple(text.sentence_of_raw[i] for i in raw_index)
        return tuple(words), tuple(raw_index), tuple(clause), sentence

    def _matches(self, word: _Word, tokens: _Tokens, i: int, stemmed: bool) -> bool:
        token = tokens.words[i]
        if word.prefix:
            # A stem undoes a consonant that changes before an ending (Turkish talep,
            # talebinde), so a prefix of a content word is also looked for in it.
            return token.startswith(word.text) or (
                stemmed and bool(tokens.stems) and tokens.stems[i].startswith(word.text)
            )
        if token == word.text:
            return True
        if stemmed and tokens.stems:
            key = self._stem_key(word.text)
            return bool(key) and tokens.stems[i] == key
        return False

    def occurrences(self, tokens: _Tokens) -> dict[str, list[_Occurrence]]:
        found: dict[str, list[_Occurrence]] = {}
        seen: set[tuple[str, int, int]] = set()
        words = tokens.words
        for i, token in enumerate(words):
            candidates = self._candidates.get(token)
            if candidates is None:
                candidates = self._begins(token, tokens.stems[i] if tokens.stems else "")
            for entry in candidates:
                matched = self._extend(entry, tokens, i)
                if not matched:
                    continue
                end = matched[-1]
                key = (entry.word_class, i, end)
                if key not in seen:
                    seen.add(key)
                    skipped = tuple(j for j in range(i, end + 1) if j not in matched)
                    found.setdefault(entry.word_class, []).append(
                        _Occurrence(entry.word_class, i, end, skipped)
                    )
        if self.passive_first_person:
            for i, token in enumerate(words):
                if len(token) > 6 and token.endswith(self.passive_first_person):
                    found.setdefault("done_to_me", []).append(_Occurrence("done_to_me", i, i))
        if self.negative_infixes:
            for i, token in enumerate(words):
                if any(infix in token[1:] for infix in self.negative_infixes):
                    found.setdefault("negated", []).append(_Occurrence("negated", i, i))
        # An entry whose words straddle a negation ("پناہ نہیں چاہیے" for "پناہ چاہیے") is
        # not that entry.
        negation = {
            j
            for cls in ("negators", "clause_final", "negated")
            for o in found.get(cls, ())
            for j in range(o.start, o.end + 1)
        }
        if negation:
            for cls, items in found.items():
                if cls not in _OWN_NEGATION:
                    found[cls] = [o for o in items if not negation.intersection(o.skipped)]
        return found

    def _begins(self, token: str, stem: str) -> tuple[_Entry, ...]:
        found: list[_Entry] = list(self.exact.get(token, ()))
        if stem and token not in self.exact:
            found.extend(self.stemmed.get(stem, ()))
        for length in self.prefix_lengths:
            if length > len(token):
                break
            hit = self.prefixes.get(token[:length])
            if hit:
                found.extend(hit)
        candidates = tuple(found)
        if len(self._candidates) < 100_000:
            self._candidates[token] = candidates
        return candidates

    def _extend(self, entry: _Entry, tokens: _Tokens, i: int) -> tuple[int, ...]:
        """The words of the text that ``entry`` matches from word ``i`` on, or ()."""
        if len(entry.words) == 1:
            return (i,)
        at = i
        matched = [i]
        stemmed = entry.word_class in _STEMMED
        for word in entry.words[1:]:
            for j in range(at + 1, min(at + 2 + _GAP, len(tokens.words))):
                if tokens.clause[j] != tokens.clause[i]:
                    return ()  # the words of one entry stand in one clause
                if self._matches(word, tokens, j, stemmed):
                    at = j
                    matched.append(j)
                    break
            else:
                return ()
        return tuple(matched)


def _near(tokens: _Tokens, a: _Occurrence, b: _Occurrence, window: int = _WINDOW) -> bool:
    """Within ``window`` words, in one sentence or two that follow each other."""
    if max(a.end, b.end) - min(a.start, b.start) >= window:
        return False
    return abs(tokens.sentence[a.start] - tokens.sentence[b.start]) <= 1


class _Language:
    def __init__(self, code: str, data: dict[str, Any], where: str) -> None:
        unknown = sorted(set(data) - _LANGUAGE_KEYS)
        if unknown:  # a misspelt key would silently drop a list
            raise ValueError(f"{where}: unknown keys {unknown}")
        self.code = code
        self.script = str(data.get("script", ""))
        if self.script not in _SCRIPTS:
            raise ValueError(f"{where}: script must be one of {_SCRIPTS}")
        words = data.get("words")
        if not isinstance(words, dict):
            raise ValueError(f"{where}: words must be a mapping of word classes")
        unknown = sorted(set(words) - set(WORD_CLASSES))
        if unknown:
            raise ValueError(f"{where}: unknown word classes {unknown}")
        self.raw_entries: list[tuple[str, str]] = []
        for word_class, items in words.items():
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                raise ValueError(f"{where}: words.{word_class} must be a list of strings")
            self.raw_entries.extend((word_class, item) for item in items)
        negation = data.get("negation") or {}
        self.negation = (int(negation.get("before", 3)), int(negation.get("after", 0)))

        self.stemmer_name = data.get("stemmer")
        self.latin_view = data.get("latin_view")
        self.join_verb_prefix = bool(data.get("join_verb_prefix"))
        # Words by which a Latin text shows it may be this language ("mujhe", "menya"):
        # the Latin view is read only then (Turkish "beni" is no Roman Urdu).
        self.latin_markers = frozenset(str(w).casefold() for w in data.get("latin_markers") or ())
        # Endings by which a verb names the speaker, in languages that drop "me" (Turkish
        # tutuklanırım "I will be arrested"): a harm word so inflected is about the speaker.
        self.first_person = tuple(
            sorted({normalise(str(w)) for w in data.get("first_person_endings") or ()}, key=len)
        )
        # Endings of a passive verb in the first person (Turkish kelepçelenirim, "I will be
        # handcuffed"): something done to the speaker.
        self.passive_first_person = tuple(
            sorted({normalise(str(w)) for w in data.get("passive_first_person_endings") or ()})
        )
        # Infixes by which a verb is negated inside itself (Turkish görmüyorum, aramadı).
        self.negative_infixes = tuple(
            sorted({normalise(str(w)) for w in data.get("negative_infixes") or ()})
        )
        if self.latin_view not in (None, "phonetic", "russian", "skeleton"):
            raise ValueError(f"{where}: latin_view must be phonetic, russian or skeleton")

    def views(self) -> list[_View]:
        stem: Callable[[str], str] | None = None
        if self.stemmer_name:
            stemmer = snowballstemmer.stemmer(str(self.stemmer_name))
            stem = functools.lru_cache(maxsize=65536)(stemmer.stemWord)
        native = _View(
            self.code,
            self.script,
            self._compile(_fold_native),
            _fold_native,
            stem,
            self.negation,
            persian_prefix=self.join_verb_prefix,
            first_person=self.first_person,
            negative_infixes=self.negative_infixes,
            passive_first_person=self.passive_first_person,
        )
        views = [native]
        if self.latin_view:
            keys: dict[str, Callable[[str], str]] = {
                "phonetic": phonetic_key,
                "russian": _phonetic_russian,
                "skeleton": skeleton_key,
            }
            key = keys[str(self.latin_view)]
            fold = _latin_fold(key)
            views.append(
                _View(
                    f"{self.code}-Latn",
                    "latn",
                    self._compile(
                        _data_to_latin(key),
                        minimum=2,
                        variants=_roman_variants if self.latin_view == "skeleton" else None,
                    ),
                    fold,
                    None,
                    self.negation,
                    persian_prefix=False,
                    markers=self.latin_markers,
                )
            )
        return views

    def _compile(
        self,
        fold: Callable[[str], tuple[str, ...]],
        minimum: int = 1,
        variants: Callable[[str], tuple[str, ...]] | None = None,
    ) -> list[_Entry]:
        entries: list[_Entry] = []
        common = {k for marker in self.latin_markers for k in fold(marker)} if variants else set()
        seen: set[tuple[str, tuple[_Word, ...]]] = set()
        for word_class, item in self.raw_entries:
            spellings: list[list[_Word]] = [[]]
            for raw in item.split():
                prefix = raw.endswith("*")
                bare = raw.rstrip("*")
                readings: list[list[_Word]] = []
                for spelling in variants(bare) if variants else (bare,):
                    folded = fold(spelling)
                    readings.append(
                        [
                            _Word(text, prefix and n == len(folded) - 1)
                            for n, text in enumerate(folded)
                            if text
                        ]
                    )
                spellings = [done + more for done in spellings for more in readings]
            for words in spellings:
                if not words:
                    raise ValueError(f"{self.code}: {item!r} is empty after folding")
                if len(words) == 1 and minimum > 1 and len(words[0].text) < minimum:
                    continue  # one letter in the Latin view would match unrelated words
                if (
                    len(words) == 1
                    and minimum > 1
                    and len(words[0].text) < 3
                    and word_class not in ("negators", "clause_final", "me")
                ):
                    # A two-letter key in the Latin view is too ambiguous (پناہ and
                    # "apni", own, are both BN), except for the words of fear, harm and
                    # family, which people do type alone (ڈر "dar" is DR, جیل "jail" JL,
                    # بھائی "bhai" BH): those are read as a whole word, or with the
                    # consonant of a verb ending (ڈرتا "darta", ڈرنا "darna"), never as
                    # the start of any longer word, and never when a common word of the
                    # language has the same key (ماں and "main", I).
                    whole = words[0].text
                    if word_class not in ("fear", "harm", "family") or whole in common:
                        continue
                    for extra in ("", *_VERB_ENDINGS) if words[0].prefix else ("",):
                        short = (_Word(whole + extra, False),)
                        if (word_class, short) not in seen:
                            seen.add((word_class, short))
                            entries.append(_Entry(word_class, short))
                    continue
                key = (word_class, tuple(words))
                if key not in seen:
                    seen.add(key)
                    entries.append(_Entry(word_class, tuple(words)))
        return entries


# The consonants of Urdu verb endings (-ta, -ti, -na, -ne) in the identity engine's keys.
_VERB_ENDINGS = ("T", "N")


_ROMAN_SPELLINGS: tuple[Callable[[str], str], ...] = (
    # a final noon ghunna (ں) only nasalises the vowel and is often left out (نہیں nahin
    # and nahi, ہیں hain and hai)
    lambda w: w[:-1] if len(w) > 2 and w.endswith("\u06ba") else w,
    # the aspiration ھ is often not typed (پیچھے pichhe and peeche, ڈھونڈ dhoond and doond)
    lambda w: w.replace("\u06be", "") if len(w.replace("\u06be", "")) > 1 else w,
    # the aspirated کھ is typed kh, which the identity engine reads as خ (رکھ rakh)
    lambda w: w.replace("\u06a9\u06be", "\u062e"),
    # the flap ڑ is typed r or d (پکڑ pakar and pakad)
    lambda w: w.replace("\u0691", "\u0688"),
    # و before alef is the consonant w (حوالے hawale), which the skeleton otherwise reads
    # as the vowel u
    lambda w: w[0] + w[1:].replace("\u0648\u0627", "\u0641\u0627") if len(w) > 2 else w,
)


def _roman_variants(word: str) -> tuple[str, ...]:
    """How an Urdu word may be typed in Latin letters beyond its skeleton."""
    spellings = [word]
    for spell in _ROMAN_SPELLINGS:
        for known in list(spellings):
            other = spell(known)
            if other not in spellings:
                spellings.append(other)
    return tuple(spellings)


@functools.lru_cache(maxsize=65536)
def _fold_native(piece: str) -> tuple[str, ...]:
    return tuple(normalise(piece).split())


def _phonetic_russian(token: str) -> str:
    """The phonetic key of Russian typed in Latin letters, read freely (menia = menya)."""
    return phonetic_key(russian_translit_reading(token))


def _data_to_latin(key: Callable[[str], str]) -> Callable[[str], tuple[str, ...]]:
    def fold(word: str) -> tuple[str, ...]:
        return tuple(k for k in (key(t) for t in latin_tokens(word)) if k)

    return fold


def _latin_fold(key: Callable[[str], str]) -> Callable[[str], tuple[str, ...]]:
    @functools.lru_cache(maxsize=65536)
    def fold(piece: str) -> tuple[str, ...]:
        if not any(ch.isascii() and ch.isalpha() for ch in piece):
            return ()
        return tuple(k for k in (key(t) for t in latin_tokens(piece)) if k)

    return fold


class FearMatcher:
    """Every language's views, compiled once; :meth:`hear` returns what a text says."""

    def __init__(self, views: list[_View]) -> None:
        self.views = views

    @classmethod
    def from_dir(cls, directory: Path = FEAR_DATA_DIR) -> FearMatcher:
        views: list[_View] = []
        for path in sorted(directory.glob("*.yaml")):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
            if not isinstance(data, dict) or data.get("code") != path.stem:
                raise ValueError(f"{path}: code must be the file name ({path.stem})")
            views.extend(_Language(path.stem, data, str(path)).views())
        return cls(views)

    def languages(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.views)

    def hear(self, text: str) -> list[Heard]:
        parsed = _Text(text)
        heard: list[tuple[Heard, str, int, int]] = []
        # Spans a view heard and then found negated: another language of the same script
        # that shares a word ("پناه" in Persian and Pashto) but not the negation must not
        # hear it either.
        suppressed: list[tuple[str, str, int, int]] = []
        for view in self.views:
            if not parsed.script_words[view.script]:
                continue
            if view.markers and not parsed.has_any(view.markers):
                continue
            tokens = view.tokens(parsed)
            if not tokens.words:
                continue
            occ = view.occurrences(tokens)
            if not occ:
                continue
            for category, first, last, ambiguous, negated in _rules(view, tokens, occ):
                raw_first = tokens.raw_index[first]
                raw_last = tokens.raw_index[last]
                if negated:
                    suppressed.append((view.code, view.script, raw_first, raw_last))
                    continue
                item = Heard(category, view.code, parsed.quote(raw_first, raw_last), ambiguous)
                if all(item != h[0] for h in heard):
                    heard.append((item, view.script, raw_first, raw_last))
        kept = [
            (item, first, last)
            for item, script, first, last in heard
            if not any(
                code != item.language and s == script and f <= last and first <= e
                for code, s, f, e in suppressed
            )
        ]
        # Of two things heard in one category, one inside the other, the wider is quoted.
        return [
            item
            for item, first, last in kept
            if not any(
                other.category == item.category
                and f <= first
                and last <= e
                and (f, e) != (first, last)
                for other, f, e in kept
            )
        ]


def _negated(
    view: _View, tokens: _Tokens, head: _Occurrence, occ: dict[str, list[_Occurrence]]
) -> bool:
    for negated in occ.get("negated", ()):
        if head.start <= negated.start and negated.end <= head.end and head.end > head.start:
            continue  # the entry carries its own negation ("güvende değilim", not safe)
        if negated.start <= head.end and head.start <= negated.end:
            return True
        # A negated verb right after its object, in the languages that put the verb
        # last: "sığınma istemiyorum" (I do not want asylum).
        if (
            head.end < negated.start <= head.end + view.after
            and tokens.clause[negated.start] == tokens.clause[head.end]
            and not any(
                head.end < o.start < negated.start for cls in _CONTENT for o in occ.get(cls, ())
            )
        ):
            return True  # unless it negates a nearer word ("korkuyorum, dönmek istemiyorum")
    clause = tokens.clause
    last = len(clause) - 1
    for final in occ.get("clause_final", ()):
        # A word that ends the clause negates it: "Опасности для меня дома нет".
        if (
            final.start > head.end
            and clause[final.start] == clause[head.end]
            and (final.end == last or clause[final.end + 1] != clause[final.end])
        ):
            return True
    for negator in occ.get("negators", ()):
        if head.start <= negator.start and negator.end <= head.end:
            continue  # the entry carries its own negation ("not safe")
        if clause[negator.start] != clause[head.start] and clause[negator.end] != clause[head.end]:
            continue
        if head.start - view.before <= negator.end < head.start:
            return True
        if head.end < negator.start <= head.end + view.after:
            return True
    return False


def _rules(
    view: _View, tokens: _Tokens, occ: dict[str, list[_Occurrence]]
) -> Iterator[tuple[str, int, int, bool, bool]]:
    hedges = occ.get("hedges", [])
    employers = occ.get("employer", [])
    going_back = occ.get("return", []) + occ.get("place", [])

    def about_employer(o: _Occurrence) -> bool:
        """Harm or threats said of an employer in this country, with no word of return or
        of the home country in the sentence: labour exploitation, for the indicators."""
        sentence = tokens.sentence[o.start]
        return any(tokens.sentence[e.start] == sentence for e in employers) and not any(
            tokens.sentence[g.start] == sentence for g in going_back
        )

    def hedged(first: int, last: int) -> bool:
        return any(
            h.end >= first - _HEDGE_WINDOW and h.start <= last + _HEDGE_WINDOW for h in hedges
        )

    def emit(
        category: str,
        head: _Occurrence,
        other: _Occurrence | None = None,
        negatable: bool = True,
    ) -> Iterator[tuple[str, int, int, bool, bool]]:
        first = min(head.start, other.start) if other else head.start
        last = max(head.end, other.end) if other else head.end
        is_hedged = hedged(first, last)
        if negatable and _negated(view, tokens, head, occ) and not is_hedged:
            yield category, first, last, False, True
            return
        yield category, first, last, is_hedged, False

    def nearest(
        o: _Occurrence, others: list[_Occurrence], window: int = _WINDOW
    ) -> _Occurrence | None:
        """The closest other occurrence within the window, not made of the same words."""
        best: _Occurrence | None = None
        best_gap = window
        for other in others:
            if other.start <= o.end and o.start <= other.end:
                continue  # the same words
            gap = other.start - o.end if other.start > o.end else o.start - other.end
            if gap < best_gap and _near(tokens, o, other, window):
                best, best_gap = other, gap
        return best

    def pair(
        category: str, heads: list[_Occurrence], others: list[_Occurrence], window: int = _WINDOW
    ) -> Iterator[tuple[str, int, int, bool, bool]]:
        for o in heads:
            if employers and category in ("persecution", "family_threat") and about_employer(o):
                continue
            other = nearest(o, others, window)
            if other is not None:
                yield from emit(category, o, other)

    for o in occ.get("asylum", ()):
        yield from emit("asylum", o)
    for o in occ.get("plea", ()):
        yield from emit("plea", o, negatable=False)
    for o in occ.get("sought", ()):
        yield from emit("sought", o)
    family = occ.get("family", [])
    seekers_of_me = occ.get("me", [])
    if family:
        # "Annem beni arıyor": a relative who looks for the person, named first in the
        # clause and just before "me", is calling them, not hunting them. (Only then: a
        # relative first in the clause may be the one asked, "Отцу звонят и спрашивают
        # про меня", and a miss costs more than a question.)
        starts = {
            f.end + 1
            for f in family
            if f.start == 0 or tokens.clause[f.start - 1] != tokens.clause[f.start]
        }
        seekers_of_me = [m for m in seekers_of_me if m.start not in starts]
    yield from pair("sought", occ.get("seek", []), seekers_of_me, 5)
    yield from pair("family_threat", occ.get("threat", []), family)
    # Threats made to the person, or for their faith, people or politics, with no word of
    # family: "شیعہ ہونے کی وجہ سے مجھے دھمکیاں ملیں", "they burned our house because we
    # are Ahmadi".
    yield from pair(
        "persecution", occ.get("threat", []), occ.get("me", []) + occ.get("ground", []), 10
    )
    for o in occ.get("persecution", ()):
        yield from emit("persecution", o)
    context = (
        occ.get("me", []) + occ.get("return", []) + occ.get("place", []) + occ.get("ground", [])
    )
    yield from pair("persecution", occ.get("harm", []), context, 8)
    if view.first_person:
        # "Tutuklanırım" (I will be arrested), "dövüldüm" (I was beaten): the verb names
        # the speaker.
        for o in occ.get("harm", []) + occ.get("threat", []):
            if employers and about_employer(o):
                continue
            last = min(o.end + 1, len(tokens.words) - 1)
            if any(
                tokens.clause[j] == tokens.clause[o.end]
                and len(tokens.words[j]) > len(e) + 2
                and tokens.words[j].endswith(e)
                for j in range(o.end, last + 1)
                for e in view.first_person
            ):
                yield from emit("persecution", o)
    for o in occ.get("no_return", ()):
        yield from emit("fear_of_return", o, negatable=False)
    # "Dönersem kelepçelenirim", "oraya vardığım an kelepçelenirim": a return or the place,
    # then something done to the speaker. Nearly always
    # harm, but not always ("işe alınırım", I would be hired): the officer asks.
    returning = {j for r in occ.get("return", ()) for j in range(r.start, r.end + 1)}
    for o in occ.get("done_to_me", ()):
        if o.start in returning:
            continue  # "döneceğim" is the return itself
        if nearest(o, going_back, 8) is not None and not _negated(view, tokens, o, occ):
            yield "fear_of_return", o.start, o.end, True, False
    # A word of return and, just after it, "not possible" ("geri dönüşüm mümkün değil",
    # "گھر لوٹنے کا کوئی راستہ نہیں"): "I can never go back" in other words.
    for o in occ.get("impossible", ()):
        for r in occ.get("return", ()):
            if r.end < o.start <= r.end + 4 and tokens.sentence[r.end] == tokens.sentence[o.start]:
                yield from emit("fear_of_return", r, o, negatable=False)
                break
    yield from pair("fear_of_return", occ.get("fear", []), going_back)
    if hedges:
        doubtful = (
            occ.get("return", [])
            + occ.get("harm", [])
            + occ.get("seek", [])
            + occ.get("negated", [])
        )
        for h in hedges:
            other = nearest(h, doubtful, _HEDGE_WINDOW)
            if other is not None:
                start, end = min(h.start, other.start), max(h.end, other.end)
                yield "fear_of_return", start, end, True, False


@functools.cache
def fear_matcher() -> FearMatcher:
    """The shipped languages, compiled on first use."""
    return FearMatcher.from_dir()
