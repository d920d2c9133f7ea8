"""Fear of return is heard in every language of the contract, from word lists kept as
data (spec section 4: at least Russian, English, Dari/Farsi, Pashto, Tajik, Uzbek, Kyrgyz,
Kazakh; the issue adds Turkish, Urdu, and Russian and Urdu typed in Latin letters)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crossroads.engines.screening.fear import hear_fear
from crossroads.engines.screening.matcher import FEAR_DATA_DIR, FearMatcher, fear_matcher
from crossroads.engines.screening.phrases import normalise

REQUIRED = {
    "en",
    "ru",
    "ru-Latn",
    "fa",
    "ps",
    "tg",
    "uz",
    "uz-Latn",
    "ky",
    "kk",
    "tr",
    "ur",
    "ur-Latn",
}


def test_the_word_lists_cover_every_language_of_the_contract() -> None:
    assert set(fear_matcher().languages()) >= REQUIRED


@pytest.mark.parametrize("path", sorted(FEAR_DATA_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_word_list_says_whether_a_native_speaker_reviewed_it(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data.get("reviewed"), bool)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am afraid to go back to Kabul", "en"),
        ("THEY WILL KILL ME", "en"),
        ("я боюсь возвращаться", "ru"),
        ("Боюсь вернуться: меня убьют.", "ru"),
        ("прошу убежища", "ru"),
        ("proshu ubezhishcha", "ru-Latn"),
        ("می‌ترسم برگردم", "fa"),
        ("ميترسم برگردم", "fa"),  # Arabic yeh typed for Persian yeh, no ZWNJ
        ("جانم در خطر است", "fa"),
        ("من پناهنده‌ام", "fa"),
        ("من پناهندهام", "fa"),  # the ending joined once the ZWNJ is gone
        ("ما به ووژني", "ps"),
        ("Маро мекушанд", "tg"),
        ("Men qaytishdan qoʻrqaman", "uz-Latn"),
        ("men qaytishdan qo`rqaman", "uz-Latn"),
        ("мени ўлдиришади", "uz"),
        ("мени өлтүрүшөт", "ky"),
        ("Мені өлтіреді", "kk"),
        ("Geri dönmekten korkuyorum", "tr"),
        ("İltica etmek istiyorum", "tr"),
        ("مجھے واپس مت بھیجو", "ur"),
        ("mujhe wapas mat bhejo", "ur-Latn"),
        ("Məni öldürəcəklər", "az"),
    ],
)
def test_realistic_statements_are_heard_in_their_language(text: str, language: str) -> None:
    found = hear_fear(text)
    assert any(m.language == language for m in found), found


def test_normalisation_folds_letter_variants_zwnj_tatweel_and_case() -> None:
    assert normalise("مي\u200cترسم") == normalise("میترسم")
    assert normalise("كشتن") == normalise("کشتن")
    assert normalise("مـــن") == normalise("من")
    assert normalise("  Боюсь   ВЕРНУТЬСЯ!! ") == "боюсь вернуться"


def test_a_word_matches_whole_words_and_a_star_any_ending() -> None:
    assert hear_fear("I am a refugee.")
    assert hear_fear("Прошу убежища")
    assert hear_fear("об убежище")
    assert not hear_fear("refuse")


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
def test_statements_about_work_or_an_employer_are_not_heard(text: str) -> None:
    assert hear_fear(text) == ()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("script: latn\nwords: {fear_word: [x]}\n", "unknown word classes"),
        ("script: latn\nwords: {fear: afraid}\n", "must be a list of strings"),
        ("script: greek\nwords: {fear: [afraid]}\n", "script must be one of"),
        ("script: latn\nwords: {fear: [afraid]}\nreviewd: false\n", "unknown keys"),
    ],
)
def test_the_word_lists_are_checked_when_loaded(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "en.yaml").write_text("code: en\n" + body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        FearMatcher.from_dir(tmp_path)


def test_a_word_list_names_its_own_language(tmp_path: Path) -> None:
    (tmp_path / "en.yaml").write_text(
        "code: ru\nscript: latn\nwords: {fear: [afraid]}\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="code must be the file name"):
        FearMatcher.from_dir(tmp_path)
