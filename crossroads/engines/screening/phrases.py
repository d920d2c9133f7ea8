"""Text normalisation for hearing fear of return (spec section 4, "Fear of return").

The word lists (``phrases/fear/<code>.yaml``) and the text go through the same folding,
so that spelling variants that people actually type (Arabic, Persian, Pashto and Urdu
letter forms, zero-width and direction marks, missing diacritics, Uzbek apostrophes,
Kazakh, Kyrgyz, Tajik and Uzbek letters typed on a Russian keyboard, Pashto and Urdu
letters typed on a Persian keyboard, upper case) still meet. The matching itself is in
``matcher.py``.
"""

from __future__ import annotations

import re
import unicodedata

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
        # Pashto letters typed on a Persian keyboard as the nearest Persian letter
        "\u06ab": "\u06af",  # ګ -> گ
        "\u0696": "\u0698",  # ږ -> ژ
        "\u067c": "\u062a",  # ټ -> ت
        "\u0689": "\u062f",  # ډ -> د
        "\u0693": "\u0631",  # ړ -> ر
        "\u069a": "\u0634",  # ښ -> ش
        "\u0681": "\u0632",  # ځ -> ز
        "\u0685": "\u0686",  # څ -> چ
        "\u06bc": "\u0646",  # ڼ -> ن
        "\u0688": "\u062f",  # ڈ Urdu ddal -> د
        "\u0679": "\u062a",  # ٹ Urdu tteh -> ت
        "\u0691": "\u0631",  # ڑ Urdu rreh -> ر
        "\u06ba": "\u0646",  # ں noon ghunna -> ن
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
# Urdu ے (and ۓ) stands only at the end of a word, and does not join the next letter, so a
# missing space after it is invisible to the writer ("مجھےڈر" for "مجھے ڈر"): a word
# always ends there.
_URDU_NA = re.compile(r"(?<!\S)\u0646\u0627(?!\S)")
_URDU_WORD_END = re.compile("([\u06d2\u06d3])(?=[\u0600-\u06ff])")


def normalise(text: str) -> str:
    """Fold ``text`` for matching: NFKC, casefold, strip marks, unify letters and spaces."""
    if "\u06d2" in text or "\u06d3" in text:
        text = _URDU_WORD_END.sub(r"\1 ", text)
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    # Combining marks (harakat, Cyrillic breve, Latin accents) are dropped on both sides.
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = unicodedata.normalize("NFC", bare).translate(_LETTERS)
    words = _NON_WORD.sub(" ", bare).strip()
    if "\u0646\u0627" in words:
        # Urdu نا standing alone is the negation نہ typed as it sounds ("واپس نا بھیجیں")
        words = _URDU_NA.sub("\u0646\u0647", words)
    return words
