"""Fear-of-return phrase matching over free text (spec section 4, "Fear of return").

The phrases and word lists are data (``phrases/fear_of_return.yaml``). Both they and the
text go through the same normalisation, so that spelling variants that people actually
type (Arabic, Persian and Pashto letter forms, zero-width and direction marks, missing
diacritics, Uzbek apostrophes, Kazakh, Kyrgyz, Tajik and Uzbek letters typed on a Russian
keyboard, upper case) still match.

Two rules, per language:

* a *phrase* of the language occurs in the text, as whole words (a trailing ``*`` lets
  the last word have any ending);
* where no phrase matched, a *return word* of the language (return, go back, homeland,
  deportation) occurs together with a *fear word* (afraid, danger) or a *harm word*
  (kill, prison, torture) of the same language, in one sentence or in two consecutive
  sentences. This catches the ordinary variations of word order and inflection that no
  phrase list can enumerate, while a fear or harm word alone (which victims of
  exploitation use about an employer) never matches.

Matching errs on the side of protection: a phrase inside a negation ("I am not afraid to
go back") still matches, and the officer decides.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

FEAR_OF_RETURN_FILE = Path(__file__).resolve().parent / "phrases" / "fear_of_return.yaml"

# Letter variants that differ only by keyboard, region or orthography. Applied after the
# combining marks are dropped (so ۀ, ۂ, ۓ, ئ, ي with hamza have already lost it).
_LETTERS = str.maketrans(
    {
        # Arabic-script yeh forms -> Persian yeh ی (U+06CC)
        "\u064a": "\u06cc",  # ي Arabic yeh
        "\u0649": "\u06cc",  # ى alef maksura
        "\u06d0": "\u06cc",  # ې Pashto / Uzbek e (بېرته -> بیرته)
        "\u06cd": "\u06cc",  # ۍ Pashto yeh with tail
        "\u06ce": "\u06cc",  # ێ yeh with small v
        "\u06d2": "\u06cc",  # ے Urdu yeh barree (ۓ arrives here without its hamza)
        "\u0678": "\u06cc",  # ٸ high hamza yeh (after NFKC only when written alone)
        # kaf forms -> Persian kaf ک
        "\u0643": "\u06a9",  # ك Arabic kaf
        "\u06aa": "\u06a9",  # ڪ swash kaf
        # heh forms -> heh ه
        "\u0629": "\u0647",  # ة teh marbuta
        "\u06c3": "\u0647",  # ۃ teh marbuta goal
        "\u06d5": "\u0647",  # ە ae (ۀ arrives here without its yeh)
        "\u06c1": "\u0647",  # ہ heh goal
        "\u06be": "\u0647",  # ھ heh doachashmee
        "\u0671": "\u0627",  # ٱ alef wasla -> alef
        "\u0674": None,  # ٴ high hamza (left over from ٸ, ٵ, ٶ, ٷ): removed
        # Cyrillic letters of Kazakh, Kyrgyz, Tajik and Uzbek -> the Russian letter that is
        # typed for them on a Russian keyboard (ӣ ӯ ў й ё lose their marks above already).
        "\u049b": "\u043a",  # қ -> к
        "\u0493": "\u0433",  # ғ -> г
        "\u04a3": "\u043d",  # ң -> н
        "\u04e9": "\u043e",  # ө -> о
        "\u04af": "\u0443",  # ү -> у
        "\u04b1": "\u0443",  # ұ -> у
        "\u04d9": "\u0430",  # ә -> а
        "\u04bb": "\u0445",  # һ -> х
        "\u04b3": "\u0445",  # ҳ -> х
        "\u04b7": "\u0447",  # ҷ -> ч
        "\u0456": "\u0438",  # і -> и
        "\u0131": "i",  # Turkish dotless ı, so that "korkuyorum" typed either way matches
        # zero-width non-joiner / joiner, word joiner, BOM, direction marks, tatweel,
        # soft hyphen: removed (they must not split a word)
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u200e": None,
        "\u200f": None,
        "\u061c": None,
        "\u202a": None,
        "\u202b": None,
        "\u202c": None,
        "\u202d": None,
        "\u202e": None,
        "\u2066": None,
        "\u2067": None,
        "\u2068": None,
        "\u2069": None,
        "\u0640": None,
        "\u00ad": None,
        # apostrophes (Uzbek oʻ gʻ, English I'm): removed, so o'/oʻ/o‘/o` all agree
        "'": None,
        "\u02bb": None,
        "\u02bc": None,
        "\u2018": None,
        "\u2019": None,
        "`": None,
    }
)
_NON_WORD = re.compile(r"[\W_]+")
# A sentence: everything up to and including its closing punctuation (Latin, Arabic,
# Urdu full stop, question and semicolon marks, ellipsis, line breaks).
_SENTENCE = re.compile(r"[^.!?…;\n\r؟؛۔]*[.!?…;\n\r؟؛۔]*")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_LONGEST_QUOTE = 12  # words; a longer stretch is quoted as its two ends
# The Persian verb prefix می or نمی (Persian or Arabic yeh, not the Pashto ې of مې "me")
# standing alone before a word in Arabic script.
_PERSIAN_PREFIX = re.compile("(?<!\\S)(\u0646?\u0645[\u06cc\u064a])[ \t\u00a0]+(?=[\u0600-\u06ff])")


def normalise(text: str) -> str:
    """Fold ``text`` for matching: NFKC, casefold, strip marks, unify letters and spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    # Combining marks (harakat, Cyrillic breve, Latin accents) are dropped on both sides.
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = unicodedata.normalize("NFC", bare).translate(_LETTERS)
    return _NON_WORD.sub(" ", bare).strip()


@dataclass(frozen=True, slots=True)
class Phrase:
    language: str
    text: str
    needle: str  # normalised, padded with spaces for whole-word matching


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    language: str
    phrase: str  # the phrase of the list, or the words of the text for the "words" rule
    rule: str = "phrase"  # "phrase" or "words" (a return word with a fear or harm word)


@dataclass(frozen=True, slots=True)
class WordRule:
    """A return word together with a fear or harm word, in one language."""

    language: str
    returns: tuple[Phrase, ...]
    fears: tuple[Phrase, ...]  # fear words, then harm words


_RULE_KEYS = ("return_words", "fear_words", "harm_words")
_LANGUAGE_KEYS = frozenset({"code", "name", "reviewed", "phrases", *_RULE_KEYS})


class _Window:
    """The words of one or two consecutive sentences, with the text they came from."""

    __slots__ = ("padded", "tokens", "word_token")

    def __init__(self, sentences: list[str]) -> None:
        self.tokens: list[str] = []
        self.word_token: list[int] = []
        words: list[str] = []
        for sentence in sentences:
            for token in sentence.split():
                for word in normalise(token).split():
                    words.append(word)
                    self.word_token.append(len(self.tokens))
                self.tokens.append(token)
        self.padded = f" {' '.join(words)} "

    def span(self, needle: str) -> tuple[int, int]:
        """The first and last token of the first place where ``needle`` occurs."""
        first_word = self.padded[: self.padded.index(needle)].count(" ")
        last_word = first_word + needle.strip().count(" ")
        return self.word_token[first_word], self.word_token[last_word]

    def quote(self, a: tuple[int, int], b: tuple[int, int]) -> str:
        first, second = sorted((a, b))
        if max(first[1], second[1]) - first[0] < _LONGEST_QUOTE:
            return self._text(first[0], max(first[1], second[1]))
        return f"{self._text(*first)} … {self._text(*second)}"

    def _text(self, start: int, end: int) -> str:
        return _EDGE_PUNCTUATION.sub("", " ".join(self.tokens[start : end + 1]))


def _windows(text: str) -> list[_Window]:
    sentences = [s for s in _SENTENCE.findall(text) if normalise(s)]
    if len(sentences) < 2:
        return [_Window(sentences)] if sentences else []
    return [_Window(sentences[i : i + 2]) for i in range(len(sentences) - 1)]


class PhraseList:
    """Phrases and word rules compiled once; :meth:`find` returns every match found."""

    def __init__(self, phrases: list[Phrase], rules: list[WordRule] | None = None) -> None:
        self.phrases = tuple(phrases)
        self.rules = tuple(rules or ())

    @classmethod
    def from_file(cls, path: Path | str) -> PhraseList:
        with Path(path).open("rb") as handle:
            data = yaml.safe_load(handle)
        if not isinstance(data, dict) or not isinstance(data.get("languages"), list):
            raise ValueError(f"{path}: expected a mapping with a list 'languages'")
        phrases: list[Phrase] = []
        rules: list[WordRule] = []
        seen: set[str] = set()
        for i, entry in enumerate(data["languages"]):
            if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
                raise ValueError(f"{path}: languages[{i}] needs a code")
            unknown = sorted(set(entry) - _LANGUAGE_KEYS)
            if unknown:  # a misspelt key would silently drop a list
                raise ValueError(f"{path}: languages[{i}] has unknown keys {unknown}")
            items = entry.get("phrases")
            if not isinstance(items, list) or not items:
                raise ValueError(f"{path}: languages[{i}].phrases must be a non-empty list")
            for j, raw in enumerate(items):
                if not isinstance(raw, str):
                    raise ValueError(f"{path}: languages[{i}].phrases[{j}] must be a string")
                phrase = cls.compile(entry["code"], raw)
                if phrase.needle not in seen:  # spelling variants that fold to one phrase
                    seen.add(phrase.needle)
                    phrases.append(phrase)
            lists = {key: cls._word_list(path, i, entry, key) for key in _RULE_KEYS}
            if any(lists.values()):
                if not lists["return_words"] or not (lists["fear_words"] or lists["harm_words"]):
                    raise ValueError(
                        f"{path}: languages[{i}] needs return_words and fear_words or harm_words"
                    )
                rules.append(
                    WordRule(
                        entry["code"],
                        lists["return_words"],
                        lists["fear_words"] + lists["harm_words"],
                    )
                )
        return cls(phrases, rules)

    @classmethod
    def _word_list(
        cls, path: Path | str, i: int, entry: dict[str, object], key: str
    ) -> tuple[Phrase, ...]:
        items = entry.get(key)
        if items is None:
            return ()
        if not isinstance(items, list) or not items:
            raise ValueError(f"{path}: languages[{i}].{key} must be a non-empty list")
        words: dict[str, Phrase] = {}
        for j, raw in enumerate(items):
            if not isinstance(raw, str):
                raise ValueError(f"{path}: languages[{i}].{key}[{j}] must be a string")
            word = cls.compile(str(entry["code"]), raw)
            words.setdefault(word.needle, word)
        return tuple(words.values())

    @staticmethod
    def compile(language: str, raw: str) -> Phrase:
        # A trailing "*" matches any ending of the last word (Russian or Turkic suffixes).
        prefix = raw.endswith("*")
        body = normalise(raw.rstrip("*"))
        if not body:
            raise ValueError(f"phrase {raw!r} ({language}) is empty after normalisation")
        needle = f" {body}" if prefix else f" {body} "
        return Phrase(language, raw.rstrip("*"), needle)

    def find(self, text: str) -> list[PhraseMatch]:
        found = self._find(text)
        if not found:
            # Persian writes the verb prefix می / نمی joined by a zero-width non-joiner, and
            # people type it with a plain space as often ("مرا می کشند"): try that spelling.
            joined = _PERSIAN_PREFIX.sub("\\1\u200c", text)
            if joined != text:
                found = self._find(joined)
        return found

    def _find(self, text: str) -> list[PhraseMatch]:
        padded = f" {normalise(text)} "
        found: list[PhraseMatch] = []
        for phrase in self.phrases:
            if phrase.needle in padded:
                match = PhraseMatch(phrase.language, phrase.text)
                if match not in found:
                    found.append(match)
        if not found:
            # The word rule is the fallback: a phrase, where one matched, is the clearer quote.
            # Sentences are only split for a language whose words occur in the whole text.
            rules = tuple(
                rule
                for rule in self.rules
                if any(w.needle in padded for w in rule.returns)
                and any(w.needle in padded for w in rule.fears)
            )
            if rules:
                found.extend(self._find_words(text, rules))
        return found

    @staticmethod
    def _find_words(text: str, rules: tuple[WordRule, ...]) -> list[PhraseMatch]:
        found: list[PhraseMatch] = []
        windows = _windows(text)
        for rule in rules:
            for window in windows:
                back = next((w for w in rule.returns if w.needle in window.padded), None)
                if back is None:
                    continue
                fear = next((w for w in rule.fears if w.needle in window.padded), None)
                if fear is None:
                    continue
                quote = window.quote(window.span(back.needle), window.span(fear.needle))
                found.append(PhraseMatch(rule.language, quote, "words"))
                break
        return found

    def languages(self) -> tuple[str, ...]:
        codes = [p.language for p in self.phrases] + [r.language for r in self.rules]
        return tuple(dict.fromkeys(codes))


@functools.cache
def fear_of_return_phrases() -> PhraseList:
    """The shipped fear-of-return phrases, compiled on first use."""
    return PhraseList.from_file(FEAR_OF_RETURN_FILE)
