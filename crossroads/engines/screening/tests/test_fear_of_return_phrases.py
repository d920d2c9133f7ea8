"""The phrase lists find fear of return in the region's languages, after normalisation."""

from __future__ import annotations

import pytest

from crossroads.engines.screening.phrases import PhraseList, fear_of_return_phrases, normalise

REQUIRED = {"en", "ru", "fa", "ps", "tg", "uz-Latn", "uz-Cyrl", "ky", "kk"}


def test_the_phrase_file_covers_every_required_language() -> None:
    assert set(fear_of_return_phrases().languages()) >= REQUIRED


def test_each_required_language_has_many_phrasings() -> None:
    phrases = fear_of_return_phrases().phrases
    for language in REQUIRED:
        assert sum(p.language == language for p in phrases) >= 15, language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am afraid to go back to Kabul", "en"),
        ("THEY WILL KILL ME", "en"),
        ("я боюсь возвращаться", "ru"),
        ("Боюсь вернуться: меня убьют.", "ru"),
        ("прошу убежища", "ru"),
        ("می‌ترسم برگردم", "fa"),
        ("ميترسم برگردم", "fa"),  # Arabic yeh typed for Persian yeh, no ZWNJ
        ("جانم در خطر است", "fa"),
        ("ما به ووژني", "ps"),
        ("Маро мекушанд", "tg"),
        ("Men qaytishdan qoʻrqaman", "uz-Latn"),
        ("men qaytishdan qo`rqaman", "uz-Latn"),
        ("мени ўлдиришади", "uz-Cyrl"),
        ("мени өлтүрүшөт", "ky"),
        ("Мені өлтіреді", "kk"),
        ("Geri dönmekten korkuyorum", "tr"),
        ("Məni öldürəcəklər", "az"),
    ],
)
def test_realistic_statements_match_in_their_language(text: str, language: str) -> None:
    found = fear_of_return_phrases().find(text)
    assert any(m.language == language for m in found), found


def test_normalisation_folds_letter_variants_zwnj_tatweel_and_case() -> None:
    assert normalise("مي\u200cترسم") == normalise("میترسم")
    assert normalise("كشتن") == normalise("کشتن")
    assert normalise("مـــن") == normalise("من")
    assert normalise("  Боюсь   ВЕРНУТЬСЯ!! ") == "боюсь вернуться"


def test_a_phrase_matches_whole_words_only() -> None:
    phrases = PhraseList([PhraseList.compile("en", "refugee")])
    assert phrases.find("I am a refugee.")
    assert not phrases.find("refugeeship")


def test_a_trailing_star_matches_any_ending() -> None:
    phrases = PhraseList([PhraseList.compile("ru", "убежищ*")])
    assert phrases.find("Прошу убежища")
    assert phrases.find("об убежище")


def test_the_file_marks_every_language_as_reviewed_or_not() -> None:
    import yaml

    from crossroads.engines.screening.phrases import FEAR_OF_RETURN_FILE

    data = yaml.safe_load(FEAR_OF_RETURN_FILE.read_text(encoding="utf-8"))
    assert all("reviewed" in entry for entry in data["languages"])


@pytest.mark.parametrize(
    "text",
    [
        "I ran away from my employer, he took my passport",
        "Сбежал от работодателя, он забрал паспорт",
        "I came to work on a construction site",
        "Приехал на заработки, работаю на стройке",
        "Ish qidirib keldim",
        "Kar mekunam",
    ],
)
def test_statements_about_work_or_an_employer_do_not_match(text: str) -> None:
    assert fear_of_return_phrases().find(text) == []
