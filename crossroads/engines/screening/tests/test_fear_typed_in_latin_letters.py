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
    assert matcher.russian_translit_reading.__module__ == "crossroads.engines.identity.normalise"


@pytest.mark.parametrize("me", ["menya", "menia", "menja", "Menia"])
def test_me_typed_as_ya_ia_or_ja_reads_back_as_one_word(me: str) -> None:
    heard = hear_fear(f"{me} ishchut")
    assert [h.category for h in heard] == ["sought"]
    assert heard[0].words == f"{me} ishchut"


@pytest.mark.parametrize(
    "text",
    ["menia izbili i skazali chto ubyut", "esli vernus mne konec", "esli vernus, mne konets"],
)
def test_russian_typed_freely_is_heard(text: str) -> None:
    assert any(h.language == "ru-Latn" for h in hear_fear(text))


@pytest.mark.parametrize(
    "text",
    [
        "mujhe wapas jane se dar lagta hai",  # ڈر typed alone, two letters of skeleton
        "main wapas nahi ja sakta",  # نہیں typed without its noon ghunna
        "wahan mehfooz nahi hoon, wapas nahi ja sakti",
    ],
)
def test_roman_urdu_short_words_and_dropped_nasals_are_heard(text: str) -> None:
    assert any(h.language == "ur-Latn" for h in hear_fear(text))


@pytest.mark.parametrize(
    "text",
    [
        "koi mujhe nahi dhoond raha",  # nahi negates as نہیں does
        "main apni family ke paas wapas jana chahta hoon",  # apni is not پناہ (both BN)
        "main ghar wapas jana chahta hoon",  # main (I) is not ماں (mother)
        "mujhe wahan koi khatra nahi",
    ],
)
def test_roman_urdu_common_words_and_negations_are_not_heard(text: str) -> None:
    assert hear_fear(text) == ()


def test_the_words_of_one_entry_stand_in_one_clause() -> None:
    # "jana hai, bachon" (to go; children) has the skeleton of جان بچا (saving one's life)
    assert hear_fear("mujhe ghar wapas jana hai, bachon ki yaad aati hai") == ()
    assert hear_fear("main apni jaan bacha kar bhaga hoon")
