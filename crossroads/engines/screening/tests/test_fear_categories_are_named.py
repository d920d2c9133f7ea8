"""The ``because`` quotes the words heard and names what they are: a plea, being sought,
a threat to the family, persecution, an asylum word or fear of return."""

from __future__ import annotations

import pytest

from crossroads.engines.screening.fear import FearCategory, hear_fear

from .helpers import need, result


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Please don't send me back.", FearCategory.PLEA),
        ("They are looking for me.", FearCategory.SOUGHT),
        ("They threatened my family because we are Hazara.", FearCategory.FAMILY_THREAT),
        ("At home they will jail me for my posts.", FearCategory.PERSECUTION),
        ("I want to apply for asylum.", FearCategory.ASYLUM),
        ("I am afraid to go back.", FearCategory.FEAR_OF_RETURN),
        ("Меня ищут.", FearCategory.SOUGHT),
        ("Моей семье угрожают из-за нашей веры.", FearCategory.FAMILY_THREAT),
        ("Sığınma talep ediyorum.", FearCategory.ASYLUM),
    ],
)
def test_each_kind_of_statement_is_heard_in_its_category(text: str, category: FearCategory) -> None:
    assert category in {h.category for h in hear_fear(text)}


def test_the_because_quotes_the_persons_words_and_the_category() -> None:
    res = result(statements={"free_text": "They came to our house. They are looking for me!"})
    because = need(res, "international_protection")["because"]
    assert "statements.free_text matched 'looking for me' (en: sought)" in because


def test_a_place_between_the_words_is_still_heard() -> None:
    for text in (
        "Do not send me back to Afghanistan.",
        "Не отправляйте меня, пожалуйста, обратно.",
        "At home they will jail me.",
    ):
        assert hear_fear(text), text
