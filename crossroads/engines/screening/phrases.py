"""Fear-of-return phrase matching over free text (spec section 4, "Fear of return").

The phrases are data (``phrases/fear_of_return.yaml``). Both the phrases and the text go
through the same normalisation, so that spelling variants that people actually type
(Arabic and Persian letter forms, zero-width joiners, missing diacritics, Uzbek
apostrophes, upper case) still match. Matching errs on the side of protection: a phrase
inside a negation ("I am not afraid to go back") still matches, and the officer decides.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

FEAR_OF_RETURN_FILE = Path(__file__).resolve().parent / "phrases" / "fear_of_return.yaml"

# Letter variants that differ only by keyboard or region: Arabic yeh and kaf to the
# Persian forms, alef maksura to yeh, teh marbuta and Kurdish/Persian heh forms to heh.
_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي -> ی
        "\u0649": "\u06cc",  # ى -> ی
        "\u0643": "\u06a9",  # ك -> ک
        "\u0629": "\u0647",  # ة -> ه
        "\u06d5": "\u0647",  # ە -> ه
        "\u06c1": "\u0647",  # ہ -> ه
        "\u0131": "i",  # Turkish dotless ı, so that "korkuyorum" typed either way matches
        # zero-width non-joiner / joiner, tatweel, soft hyphen: removed
        "\u200c": None,
        "\u200d": None,
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
    phrase: str


class PhraseList:
    """Phrases compiled once; :meth:`find` returns every phrase found, in file order."""

    def __init__(self, phrases: list[Phrase]) -> None:
        self.phrases = tuple(phrases)

    @classmethod
    def from_file(cls, path: Path | str) -> PhraseList:
        with Path(path).open("rb") as handle:
            data = yaml.safe_load(handle)
        if not isinstance(data, dict) or not isinstance(data.get("languages"), list):
            raise ValueError(f"{path}: expected a mapping with a list 'languages'")
        phrases: list[Phrase] = []
        seen: set[str] = set()
        for i, entry in enumerate(data["languages"]):
            if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
                raise ValueError(f"{path}: languages[{i}] needs a code")
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
        return cls(phrases)

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
        padded = f" {normalise(text)} "
        found: list[PhraseMatch] = []
        for phrase in self.phrases:
            if phrase.needle in padded:
                match = PhraseMatch(phrase.language, phrase.text)
                if match not in found:
                    found.append(match)
        return found

    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.language for p in self.phrases))


@functools.cache
def fear_of_return_phrases() -> PhraseList:
    """The shipped fear-of-return phrases, compiled on first use."""
    return PhraseList.from_file(FEAR_OF_RETURN_FILE)
