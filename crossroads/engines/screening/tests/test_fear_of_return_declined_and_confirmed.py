"""Two optional input fields the contract gained (screening.md: extend only by adding):
`statements.fear_of_return_declined` (the person declined to answer) and
`statements.fear_of_return_confirmed` (the officer kept "no" after reading the words heard).
Neither changes what `fear_of_return` means, and neither can hide words of fear."""

from __future__ import annotations

import pytest

from crossroads.engines.screening import InvalidRecord

from .helpers import need, needs, result


def test_declined_is_accepted_and_says_nothing_about_fear() -> None:
    res = result(statements={"fear_of_return_declined": True})
    assert "international_protection" not in needs(res)


def test_declined_with_an_answer_is_an_error_naming_the_field() -> None:
    with pytest.raises(InvalidRecord) as caught:
        result(statements={"fear_of_return_declined": True, "fear_of_return": False})
    assert caught.value.field == "statements.fear_of_return_declined"


def test_confirmed_without_an_answer_is_an_error_naming_the_field() -> None:
    with pytest.raises(InvalidRecord) as caught:
        result(statements={"fear_of_return_confirmed": True})
    assert caught.value.field == "statements.fear_of_return_confirmed"


def test_a_confirmed_no_keeps_the_words_and_the_protection_request() -> None:
    res = result(
        statements={
            "fear_of_return": False,
            "fear_of_return_confirmed": True,
            "free_text": "they will kill me if I go back",
        }
    )
    because = need(res, "international_protection")["because"]
    assert "statements.fear_of_return_confirmed is true" in because
    assert "statements.fear_of_return is false, but the free text prevails" in because


@pytest.mark.parametrize("field", ["fear_of_return_declined", "fear_of_return_confirmed"])
def test_the_new_fields_are_booleans(field: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        result(statements={field: "yes"})
    assert caught.value.field == f"statements.{field}"
