"""The texts of the screening packs that pages show (officer guidance and its source, the
added rules' descriptions and warnings), so that they are translated like the pages' own
strings. The packs stay in English, the language of the contract; `makemessages` finds
the texts here, and a test fails when a pack's text is missing from this list.
"""
# ruff: noqa: E501  (a pack's text is one msgid, kept whole)

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

PACK_TEXTS = [
    # Regenerate with: python -m crossroads.screening.pack_texts
    gettext_noop(
        "At a border checkpoint the immigration control officer explains the asylum procedure confidentially (Regulation No. 188, ch. 1): hear a protection request made at the border or airport apart from other travellers and keep it confidential."
    ),
    gettext_noop(
        "Kyrgyz Republic, Government Resolution No. 188 of 4 Apr 2003, ch. 1 (RIMAP node 62430)"
    ),
    gettext_noop(
        "People who cross irregularly and seek asylum are held by border guard units without penalties for illegal entry (Law on Refugees art. 6), which the core rules already give; the pack adds the reminder that the migration authority is notified within 72 hours."
    ),
    gettext_noop("Tajikistan, Law 'On Refugees', arts. 6 and 14 (RIMAP node 42388)"),
    gettext_noop(
        "The State Border Service refers a person who crossed irregularly and the claim immediately to the nearest Migration Service agency (Law No. 570-V of 2017): send the asylum referral at once, without waiting for its deadline."
    ),
    gettext_noop("Turkmenistan, Law 'On Refugees' No. 570-V of 3 Jun 2017 (RIMAP node 43534)"),
    gettext_noop(
        "Turkey keeps the geographical limitation of the 1951 Convention: a person fleeing events outside Council of Europe member states can get conditional refugee status or subsidiary protection, not full refugee status. The procedure is the same."
    ),
    gettext_noop("LFIP arts. 3(1)(b), 61-63; RLI blog, 22 Jun 2021"),
]


def is_pack_text(text: str) -> bool:
    return text in _KNOWN


def translated(text: str) -> str:
    """A pack's text in the reader's language (the text itself where none exists)."""
    return _(text) if text else text


def texts_of_packs() -> list[str]:
    """Every text of the shipped packs that a page may show."""
    from crossroads.engines.screening.packs import default_registry

    found: list[str] = []
    for pack in default_registry().packs():
        for guidance in pack.officer_guidance:
            found += [guidance.description, guidance.source]
        for rule in pack.added_rules:
            found += [rule.description, *rule.warnings]
    return list(dict.fromkeys(t for t in found if t))


_KNOWN = frozenset(PACK_TEXTS)

if __name__ == "__main__":  # pragma: no cover - a helper for whoever edits a pack
    for text in texts_of_packs():
        print(f"    gettext_noop({text!r}),")
