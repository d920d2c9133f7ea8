"""Names of what is counted, in the reader's language: countries through pycountry's own
translations (ISO 3166), the product's vocabularies through gettext."""

from __future__ import annotations

import gettext as gettext_module
from functools import lru_cache
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _


@lru_cache(maxsize=8)
def _iso3166(language: str) -> Any:
    import pycountry

    return gettext_module.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_label(code: str) -> str:
    """The name of a state (ISO alpha-2) in the active language; `stateless` and `unknown`
    as words."""
    from crossroads.registry.vocab import STATELESS, UNKNOWN_NATIONALITY

    if code == STATELESS:
        return _("stateless")
    if code == UNKNOWN_NATIONALITY:
        return _("unknown")
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    language = (translation.get_language() or "en").split("-")[0]
    if language == "en":
        return str(name)
    translated = _iso3166(language).gettext(country.name)
    return str(translated)
