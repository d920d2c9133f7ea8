"""Countries and languages named in the reader's language, never as codes: "Таджикистан",
"дари". The states and languages of the region are named in our own catalogue (so that
they read as officers of the region write them: "Кыргызстан"); others fall back to the
ISO names pycountry translates, then to the English name."""

from __future__ import annotations

import functools
import gettext as gettext_module
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy

COUNTRY_NAMES = {
    "AF": gettext_lazy("Afghanistan"),
    "AZ": gettext_lazy("Azerbaijan"),
    "CN": gettext_lazy("China"),
    "IR": gettext_lazy("Iran"),
    "KZ": gettext_lazy("Kazakhstan"),
    "KG": gettext_lazy("Kyrgyzstan"),
    "PK": gettext_lazy("Pakistan"),
    "TJ": gettext_lazy("Tajikistan"),
    "TR": gettext_lazy("Türkiye"),
    "TM": gettext_lazy("Turkmenistan"),
    "UZ": gettext_lazy("Uzbekistan"),
    "RU": gettext_lazy("Russia"),
    "stateless": gettext_lazy("stateless"),
    "unknown": gettext_lazy("not known"),
}

LANGUAGE_NAMES = {
    "prs": gettext_lazy("Dari"),
    "pus": gettext_lazy("Pashto"),
    "fas": gettext_lazy("Persian (Dari, Farsi)"),
    "tgk": gettext_lazy("Tajik"),
    "uzb": gettext_lazy("Uzbek"),
    "uzn": gettext_lazy("Uzbek"),
    "kir": gettext_lazy("Kyrgyz"),
    "kaz": gettext_lazy("Kazakh"),
    "rus": gettext_lazy("Russian"),
    "eng": gettext_lazy("English"),
    "tur": gettext_lazy("Turkish"),
    "aze": gettext_lazy("Azerbaijani"),
    "urd": gettext_lazy("Urdu"),
    "tuk": gettext_lazy("Turkmen"),
    "zho": gettext_lazy("Chinese"),
    "uig": gettext_lazy("Uyghur"),
    "ara": gettext_lazy("Arabic"),
}


@functools.cache
def _iso_catalogue(domain: str, language: str) -> gettext_module.NullTranslations:
    import pycountry

    return gettext_module.translation(
        domain, pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_name(code: str) -> str:
    own = COUNTRY_NAMES.get(code)
    if own is not None:
        return str(own)
    import pycountry

    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        return code
    language = (translation.get_language() or "en").split("-")[0]
    return _iso_catalogue("iso3166-1", language).gettext(found.name)


def language_name(code: str) -> str:
    own = LANGUAGE_NAMES.get(code)
    if own is not None:
        return str(own)
    import pycountry

    found = pycountry.languages.get(alpha_3=code) if len(code) == 3 else None
    if found is None:
        return code
    language = (translation.get_language() or "en").split("-")[0]
    return _iso_catalogue("iso639-3", language).gettext(found.name)


# --- Reading a country or a language as the officer types it ----------------------------------
#
# Forms ask for countries and languages by name, in the officer's language: "Афганистан",
# "افغانستان", "Afghanistan", "дари". Codes (AF, AFG, prs) are still understood, so that an
# officer who copies one from a passport is never refused. Each name is read case-, accent-
# and punctuation-blind; the same tables name the options the pages suggest.

STAFF_LANGUAGES = ("en", "ru", "fa")
# Other words an officer may type for the two answers that are not a country.
NATIONALITY_WORDS = {
    "stateless": [gettext_lazy("stateless"), gettext_lazy("no nationality")],
    "unknown": [gettext_lazy("not known"), gettext_lazy("unknown")],
}
_PUNCTUATION = dict.fromkeys(map(ord, "'\"«»“”‘’.()[]-_/"), " ")
_LETTERS = str.maketrans(
    {"ё": "е", "ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "\u200c": " "}
)


def name_key(text: str) -> str:
    """A name as compared: NFKC, case-folded, ё as е, Arabic letters as Persian ones, no
    punctuation, one space between words."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    return " ".join(folded.translate(_PUNCTUATION).split())


def _translated(domain: str, language: str, text: str) -> str:
    return _iso_catalogue(domain, language).gettext(text)


@functools.cache
def _country_index() -> dict[str, str]:
    import pycountry

    index: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        english = [
            country.name,
            getattr(country, "common_name", ""),
            getattr(country, "official_name", ""),
        ]
        names = [code, country.alpha_3, *english]
        for language in STAFF_LANGUAGES[1:]:
            names += [_translated("iso3166-1", language, n) for n in english if n]
        for name in names:
            if name:
                index.setdefault(name_key(name), code)
    own_names = [(code, own) for code, own in COUNTRY_NAMES.items()]
    own_names += [(code, word) for code, words in NATIONALITY_WORDS.items() for word in words]
    for code, own in own_names:
        for language in STAFF_LANGUAGES:
            with translation.override(language):
                index[name_key(str(own))] = code
    return index


@functools.cache
def _language_index() -> dict[str, str]:
    import pycountry

    index: dict[str, str] = {}
    for language_row in pycountry.languages:
        code = language_row.alpha_3
        names = [code, getattr(language_row, "alpha_2", ""), language_row.name]
        if getattr(language_row, "alpha_2", ""):
            # Only the languages with a two-letter code have translated names worth reading:
            # the other seven thousand would make every misspelling mean some language.
            names += [
                _translated("iso639-3", language, language_row.name)
                for language in STAFF_LANGUAGES[1:]
            ]
        for name in names:
            if name:
                index.setdefault(name_key(name), code)
    ours: set[str] = set()
    for code, own in LANGUAGE_NAMES.items():
        for language in STAFF_LANGUAGES:
            with translation.override(language):
                key = name_key(str(own))
            if key not in ours:  # the first code of a name is its main one (uzb, not uzn)
                index[key] = code
                ours.add(key)
    return index


def find_country(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code (or `stateless`, `unknown`) that `text` names, if any."""
    return _country_index().get(name_key(text))


def find_language(text: str) -> str | None:
    """The ISO 639-3 code of the language that `text` names, if any."""
    return _language_index().get(name_key(text))


def split_names(text: str, find: Any) -> tuple[list[str], list[str]]:
    """Several names in one field, separated by commas, semicolons or new lines; a part that
    names nothing is tried word by word (codes typed with spaces: "AF TJ"). Returns the codes
    found, in order and once each, and the parts that name nothing."""
    import re

    codes: list[str] = []
    unknown: list[str] = []
    for part in (p.strip() for p in re.split(r"[,;،؛\n]+", text or "")):
        if not part:
            continue
        code = find(part)
        found = [code] if code else [find(word) for word in part.split()]
        if not found or None in found:
            unknown.append(part)
            continue
        codes += [c for c in found if c not in codes]
    return codes, unknown


def country_options() -> list[tuple[str, str]]:
    """Every country, then "stateless" and "not known", named in the active language."""
    import pycountry

    rows = sorted(
        ((c.alpha_2, country_name(c.alpha_2)) for c in pycountry.countries),
        key=lambda row: name_key(row[1]),
    )
    return [*rows, ("stateless", country_name("stateless")), ("unknown", country_name("unknown"))]


def language_options() -> list[tuple[str, str]]:
    """The region's languages and every language with a two-letter code, named in the
    active language."""
    import pycountry

    active = (translation.get_language() or "en").split("-")[0]
    named: dict[str, str] = {}
    for code in LANGUAGE_NAMES:
        named.setdefault(language_name(code), code)
    for row in pycountry.languages:
        if not hasattr(row, "alpha_2"):
            continue
        name = language_name(row.alpha_3)
        if active != "en" and name == row.name:
            continue  # no name in the reader's language: not offered in English instead
        named.setdefault(name, row.alpha_3)
    return sorted(((code, name) for name, code in named.items()), key=lambda r: name_key(r[1]))
