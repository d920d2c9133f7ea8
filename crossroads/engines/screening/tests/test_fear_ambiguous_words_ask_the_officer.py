"""Words that may or may not say fear ("I don't know if it is safe to go back") count as
a protection request, and the ``because`` tells the officer to ask the person."""

from __future__ import annotations

import pytest

from crossroads.engines.screening.fear import hear_fear

from .helpers import need, needs, result


@pytest.mark.parametrize(
    "text",
    [
        "I don't know if it is safe for me to go back.",
        "Не знаю, безопасно ли мне возвращаться.",
        "Не уверен, что меня не ищут.",
        "نمی‌دانم برگشتن برایم امن است یا نه.",
        "Dönmek benim için güvenli mi, bilmiyorum.",
    ],
)
def test_hedged_words_are_heard_as_ambiguous(text: str) -> None:
    heard = hear_fear(text)
    assert heard and all(h.ambiguous for h in heard), heard


def test_ambiguous_words_give_protection_and_ask_the_officer() -> None:
    res = result(statements={"free_text": "I don't know if it is safe for me to go back."})
    assert "international_protection" in needs(res)
    because = need(res, "international_protection")["because"]
    assert any("ambiguous: ask the person" in b for b in because), because


def test_plain_fear_is_not_marked_ambiguous() -> None:
    assert not any(h.ambiguous for h in hear_fear("I am afraid to go back."))
