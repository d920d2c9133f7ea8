"""What the free text says about fear of return, as the engine hears it (screening.md
section 4, "Fear of return": a protection request in whatever words).

One function, :func:`hear_fear`, for the engine's rule and for the product, which shows an
officer the words heard before it lets them answer "no" to the fear question. Each thing
heard names its category, the language and the person's own words as written, so the
``because`` and the page can quote them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .matcher import fear_matcher


class FearCategory(StrEnum):
    """The kinds of words that make a protection request (issue: pleas, being sought,
    threats to family, persecution, asylum words, fear of return)."""

    PLEA = "plea"  # "please don't send me back"
    SOUGHT = "sought"  # "they are looking for me"
    FAMILY_THREAT = "family_threat"  # "they threatened my family because we are Hazara"
    PERSECUTION = "persecution"  # "they will jail me", "I was tortured for my faith"
    ASYLUM = "asylum"  # "I ask for asylum", "I am a refugee"
    FEAR_OF_RETURN = "fear_of_return"  # "I am afraid to go back", "I can never go back"


@dataclass(frozen=True, slots=True)
class FearHeard:
    """One thing heard: its category, the language whose words matched, and the words of
    the text. ``ambiguous`` is true when the words may be negated or hedged: the officer
    must ask the person (it still counts as a protection request)."""

    category: FearCategory
    language: str
    words: str
    ambiguous: bool = False

    def describe(self) -> str:
        """The ``because`` entry: the words heard, the language and the category."""
        note = ", ambiguous: ask the person" if self.ambiguous else ""
        return (
            f"statements.free_text matched '{self.words}' ({self.language}: {self.category}{note})"
        )


def hear_fear(text: str) -> tuple[FearHeard, ...]:
    """Everything in ``text`` that expresses fear of return or asks for protection."""
    if not text:
        return ()
    return tuple(
        FearHeard(FearCategory(item.category), item.language, item.words, item.ambiguous)
        for item in fear_matcher().hear(text)
    )
