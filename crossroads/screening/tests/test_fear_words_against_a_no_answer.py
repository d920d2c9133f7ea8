"""When the person's words say fear and the officer answered "no", the page shows the words
heard and asks the officer to confirm; the screening keeps both, and the words still count
as a protection request (screening.md section 4: the free text prevails)."""

from __future__ import annotations

import pytest

from crossroads.screening.models import Screening

pytestmark = pytest.mark.django_db

WORDS = "Please do not send me back, they will kill me"


def _url(person):
    return f"/screening/person/{person.pk}/new/"


def _answers(**extra):
    data = {"date": "2026-11-20", "location_kind": "border", "location_name": "Dostuk"}
    data.update(extra)
    return data


def test_a_check_shows_the_words_heard_beside_the_answer_no(kg_border_officer, register, web):
    person = register(kg_border_officer)
    page = (
        web(kg_border_officer)
        .post(_url(person), _answers(action="check", fear_of_return="no", free_text=WORDS))
        .content.decode()
    )
    start = page.index('id="fear-words-heard"')
    assert "kill me" in page[start : start + 2000]
    assert 'name="fear_of_return_confirmed"' in page


def test_saving_no_against_words_of_fear_needs_the_officers_confirmation(
    kg_border_officer, register, web
):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(
        _url(person), _answers(action="save", fear_of_return="no", free_text=WORDS)
    )
    page = response.content.decode()
    assert response.status_code == 200
    start = page.index('id="fear-words-heard"')
    assert "errorlist" in page[start : start + 3000]
    assert not Screening.objects.exists()


def test_a_confirmed_no_is_saved_with_the_words_and_the_protection_request(
    kg_border_officer, register, web
):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(
        _url(person),
        _answers(
            action="save", fear_of_return="no", free_text=WORDS, fear_of_return_confirmed="on"
        ),
    )
    assert response.status_code == 302
    screening = Screening.objects.get(person=person)
    statements = screening.record["statements"]
    assert statements["fear_of_return"] is False
    assert statements["fear_of_return_confirmed"] is True
    assert statements["free_text"] == WORDS
    protection = next(
        n for n in screening.result["needs"] if n["code"] == "international_protection"
    )
    assert any("kill me" in reason for reason in protection["because"])
    assert "statements.fear_of_return_confirmed is true" in protection["because"]


def test_no_confirmation_is_asked_when_the_words_say_no_fear(kg_border_officer, register, web):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(
        _url(person),
        _answers(action="save", fear_of_return="no", free_text="I came to work on a building site"),
    )
    assert response.status_code == 302
    assert "fear_of_return_confirmed" not in Screening.objects.get().record["statements"]


def test_a_yes_answer_asks_no_confirmation(kg_border_officer, register, web):
    person = register(kg_border_officer)
    page = (
        web(kg_border_officer)
        .post(_url(person), _answers(action="check", fear_of_return="yes", free_text=WORDS))
        .content.decode()
    )
    assert 'id="fear-words-heard"' not in page
