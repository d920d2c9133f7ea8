"""No silence: the interview cannot be saved until the officer records whether the person
fears return (yes, no, or declined to answer); "declined" is kept in the record by the
field the contract gained for it, never by changing `fear_of_return`."""

from __future__ import annotations

import pytest

from crossroads.screening.forms import InterviewForm
from crossroads.screening.models import Screening

pytestmark = pytest.mark.django_db


def _url(person):
    return f"/screening/person/{person.pk}/new/"


def _answers(**extra):
    data = {"date": "2026-11-20", "location_kind": "border", "location_name": "Dostuk"}
    data.update(extra)
    return data


def test_saving_without_an_answer_to_the_fear_question_is_refused_on_the_page(
    kg_border_officer, register, web
):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(_url(person), _answers(action="save"))
    page = response.content.decode()
    assert response.status_code == 200
    start = page.index('id="id_fear_of_return"')
    assert "errorlist" in page[start : start + 1200]
    assert not Screening.objects.exists()


def test_a_check_before_the_question_is_reached_is_allowed(kg_border_officer, register, web):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(_url(person), _answers(action="check"))
    assert 'id="screening-result"' in response.content.decode()


@pytest.mark.parametrize(
    ("answer", "statements"),
    [
        ("yes", {"fear_of_return": True}),
        ("no", {"fear_of_return": False}),
        ("declined", {"fear_of_return_declined": True}),
    ],
)
def test_each_answer_is_saved_in_the_record(kg_border_officer, register, web, answer, statements):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(
        _url(person), _answers(action="save", fear_of_return=answer)
    )
    assert response.status_code == 302
    assert Screening.objects.get(person=person).record["statements"] == statements


def test_a_declined_answer_leaves_fear_of_return_not_known(kg_border_officer, register, web):
    person = register(kg_border_officer)
    web(kg_border_officer).post(_url(person), _answers(action="save", fear_of_return="declined"))
    screening = Screening.objects.get(person=person)
    assert "fear_of_return" not in screening.record["statements"]
    assert "international_protection" not in {n["code"] for n in screening.result["needs"]}


def test_the_rule_lives_in_the_form_so_every_screening_form_shares_it():
    form = InterviewForm(_answers(), country="KG", saving=True)
    assert not form.is_valid()
    assert "fear_of_return" in form.errors
    assert InterviewForm(_answers(fear_of_return="no"), country="KG", saving=True).is_valid()
