"""Countries and languages named in the reader's language, never as codes: "Таджикистан",
"дари". The states and languages of the region are named in our own catalogue (so that
they read as officers of the region write them: "Кыргызстан"); others fall back to the
ISO names pycountry translates, then to the English name."""

from __future__ import annotations

import functools
import gettext as gettext_module

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
