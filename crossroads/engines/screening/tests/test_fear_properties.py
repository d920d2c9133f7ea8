"""Properties of hearing fear, for any text: nothing raises, every quote is the person's
own words, and screening with words of fear never loses the protection request."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crossroads.engines.screening.fear import hear_fear

from .helpers import needs, result

WORDS = st.sampled_from(
    [
        "I",
        "am",
        "not",
        "afraid",
        "to",
        "go",
        "back",
        "they",
        "will",
        "kill",
        "me",
        "please",
        "don't",
        "send",
        "home",
        "work",
        "boss",
        "asylum",
        "maybe",
        "меня",
        "не",
        "боюсь",
        "вернуться",
        "убьют",
        "домой",
        "хозяин",
        "می‌ترسم",
        "برگردم",
        "نمی",
        "ترسم",
        "پناهنده",
        "نیستم",
        "،",
        ".",
        "?",
        "qo'rqaman",
        "qaytishdan",
        "korkuyorum",
        "dönmekten",
        "mujhe",
        "wapas",
        "mat",
    ]
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=30).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_quote_is_made_of_the_texts_own_words(text: str) -> None:
    words = text.split()
    for heard in hear_fear(text):
        assert heard.words, heard
        for word in heard.words.split():
            assert any(word in original for original in words), (word, text)


FEAR = st.sampled_from(
    [
        "Please don't send me back.",
        "Меня убьют.",
        "من پناهنده‌ام.",
        "Geri dönemem.",
        "mujhe wapas mat bhejo",
    ]
)


@settings(max_examples=100, deadline=None)
@given(FEAR, st.lists(WORDS, max_size=12).map(" ".join))
def test_words_of_fear_followed_by_another_sentence_still_give_protection(
    fear: str, after: str
) -> None:
    text = f"{fear} {after}"
    assert "international_protection" in needs(result(statements={"free_text": text}))
