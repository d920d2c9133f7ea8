"""Negation has a scope: "I am not afraid to go back" is not a protection request, but a
plea or "I can never go back" carries its own negation, and a negation elsewhere in the
statement does not cancel fear said in other words."""

from __future__ import annotations

import pytest

from crossroads.engines.screening.fear import hear_fear

from .helpers import needs, result


@pytest.mark.parametrize(
    "text",
    [
        "I am not afraid to go back.",
        "Nobody is looking for me, I came to work.",
        "I am not a refugee, I am a worker.",
        "Я не боюсь возвращаться домой.",
        "Убежище мне не нужно.",
        "Опасности для меня дома нет.",
        "از برگشتن نمی‌ترسم.",
        "من پناهنده نیستم.",
        "Geri dönmekten korkmuyorum.",
        "Mülteci değilim.",
        "Qaytishdan qo'rqmayman.",
        "Кайтуудан коркпойм.",
        "Қайтудан қорықпаймын.",
        "Аз баргаштан наметарсам.",
        "د بېرته تګ نه نه ډارېږم.",
        "مجھے واپس جانے سے ڈر نہیں لگتا۔",
    ],
)
def test_negated_fear_is_not_heard(text: str) -> None:
    assert hear_fear(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Please don't send me back.",
        "I cannot go back.",
        "Не отправляйте меня обратно.",
        "Вернуться я не могу.",
        "نمی‌توانم برگردم.",
        "Geri dönemem.",
        "ما بېرته مه لېږئ.",
    ],
)
def test_a_plea_or_cannot_go_back_carries_its_own_negation(text: str) -> None:
    assert hear_fear(text)


def test_a_negation_before_one_fear_does_not_cancel_another() -> None:
    text = "I'm not afraid of the road, I'm afraid they will kill me if I go back."
    assert hear_fear(text)
    assert "international_protection" in needs(result(statements={"free_text": text}))


def test_a_negated_word_in_one_language_is_not_heard_by_another_of_the_same_script() -> None:
    # پناه is asylum in Persian and Pashto; the Persian negation must hold for both.
    assert hear_fear("پناهندگی نمی‌خواهم، اجازه کار می‌خواهم.") == ()


def test_a_pashto_postposition_is_not_taken_for_a_negation() -> None:
    # د ... نه is "from": "I am afraid of going back".
    assert hear_fear("زه د بېرته تګ نه وېرېږم.")
