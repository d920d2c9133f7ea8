"""Russian and Urdu typed in Latin letters are heard through the identity engine's
transliteration (its phonetic key and consonant skeleton), not through a second table."""

from __future__ import annotations

import pytest

from crossroads.engines.screening.fear import hear_fear


@pytest.mark.parametrize(
    "text",
    [
        "menya ishchut",
        "menya ischut",
        "ya boyus vozvrashatsya domoy",
        "proshu ubejisha",
        "Ne otpravlyayte menya obratno.",
    ],
)
def test_russian_in_latin_letters_is_heard(text: str) -> None:
    assert any(h.language == "ru-Latn" for h in hear_fear(text))


@pytest.mark.parametrize(
    "text",
    ["mujhe wapas mat bhejo", "meri jaan ko khatra hai", "mujhe siyasi panah chahiye"],
)
def test_roman_urdu_is_heard(text: str) -> None:
    assert any(h.language == "ur-Latn" for h in hear_fear(text))


@pytest.mark.parametrize(
    "text",
    ["Ya ne boyus vozvrashchatsya.", "mujhe wapas jane se dar nahi lagta", "I came by bus"],
)
def test_negated_or_ordinary_latin_text_is_not_heard(text: str) -> None:
    assert hear_fear(text) == ()


def test_the_latin_readings_come_from_the_identity_engine() -> None:
    import crossroads.engines.screening.matcher as matcher

    assert matcher.phonetic_key.__module__ == "crossroads.engines.identity.normalise"
    assert matcher.skeleton_key.__module__ == "crossroads.engines.identity.normalise"
