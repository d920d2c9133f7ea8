"""What the engine heard in the person's words reads as a sentence naming its category,
and ambiguous words ask the officer to ask the person."""

from __future__ import annotations

from django.utils import translation

from crossroads.engines.screening import hear_fear
from crossroads.screening import reasons


def _sentence(text: str) -> str:
    heard = hear_fear(text)
    (reason,) = reasons.parse(heard[0].describe())
    assert reason.code == "fear_heard"
    with translation.override("en"):
        return reasons.sentence(reason)


def test_words_heard_read_with_their_category() -> None:
    assert "they are looking for me" not in _sentence("I think they are looking for me")
    assert "is being sought" in _sentence("They are looking for me.")


def test_ambiguous_words_ask_the_person() -> None:
    assert "Ask the person" in _sentence("I don't know if it is safe for me to go back.")
