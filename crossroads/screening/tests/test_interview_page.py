"""The interview page: questions with prompts, shortcuts, "Check" before "Save"."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.screening.models import PersonSafeguard, Screening

pytestmark = pytest.mark.django_db


def _url(person):
    return f"/screening/person/{person.pk}/new/"


def _answers(**extra):
    data = {"date": "2026-11-20", "location_kind": "border", "location_name": "Dostuk"}
    data.update(extra)
    return data


def test_the_page_asks_in_order_with_prompts_and_prefills_the_person(
    kg_border_officer, register, web
):
    person = register(kg_border_officer, birth_date="1990-03-04", nationalities=["AF"])
    page = web(kg_border_officer).get(_url(person)).content.decode()
    order = [page.index(f'id="section-{s}"') for s in ("who", "alone", "documents", "why")]
    assert order == sorted(order)
    assert 'value="1990-03-04"' in page
    assert 'value="Afghanistan"' in page  # the registered nationality, by name
    assert 'class="prompt" lang="ru"' in page  # Russian prompts unless chosen otherwise
    assert "interview.js" in page


def test_dari_prompts_are_right_to_left_and_marked_unreviewed(kg_border_officer, register, web):
    person = register(kg_border_officer)
    page = web(kg_border_officer).get(_url(person) + "?lang=prs").content.decode()
    assert 'lang="fa-AF" dir="rtl"' in page
    assert 'id="prompts-unreviewed"' in page


def test_opening_the_page_is_audited_as_a_read(kg_border_officer, register, web):
    person = register(kg_border_officer)
    web(kg_border_officer).get(_url(person))
    assert AuditEvent.objects.filter(
        action="read", object_id=str(person.pk), detail__view="screening_interview"
    ).exists()


def test_a_shortcut_fills_the_usual_answers_without_saving(kg_border_officer, register, web):
    person = register(kg_border_officer)
    page = (
        web(kg_border_officer).post(_url(person), _answers(shortcut="fear_return")).content.decode()
    )
    assert 'name="fear_of_return" value="yes" id="id_fear_of_return_0" checked' in page
    assert '<option value="protection" selected>' in page
    assert not Screening.objects.exists()


def test_check_shows_needs_referrals_and_safeguards_before_saving(kg_border_officer, register, web):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(
        _url(person), _answers(action="check", fear_of_return="yes")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-code="international_protection"' in page
    assert 'data-pathway="asylum_procedure"' in page
    assert 'data-code="non_refoulement"' in page
    assert "Says they fear returning." in page  # the because, as a sentence
    assert "statements.fear_of_return" not in page
    assert 'id="save"' in page
    assert not Screening.objects.exists()


def test_the_states_guidance_for_the_officer_is_shown_beside_the_result(
    kg_border_officer, register, web
):
    person = register(kg_border_officer)
    page = (
        web(kg_border_officer)
        .post(_url(person), _answers(action="check", fear_of_return="yes"))
        .content.decode()
    )
    assert 'data-id="KG-border-confidential-asylum-request"' in page
    assert "Resolution No. 188" in page
    inland = _answers(action="check", fear_of_return="yes", location_kind="inland")
    page = web(kg_border_officer).post(_url(person), inland).content.decode()
    assert 'id="result-guidance"' not in page


def test_bad_input_is_shown_next_to_the_field_not_a_500(kg_border_officer, register, web):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(
        _url(person), _answers(action="check", birth_date="2031-01-01")
    )
    assert response.status_code == 200
    page = response.content.decode()
    start = page.index('id="id_birth_date"')
    assert "errorlist" in page[start : start + 600]
    assert not Screening.objects.exists()


def test_a_malformed_date_is_a_field_error(kg_border_officer, register, web):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(_url(person), _answers(action="check", date="20-11"))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_save_creates_the_screening_and_its_safeguards(kg_border_officer, register, web):
    person = register(kg_border_officer, nationalities=["AF"])
    response = web(kg_border_officer).post(
        _url(person),
        _answers(
            action="save",
            fear_of_return="yes",
            documents_state="listed",
            doc1_type="passport",
            doc1_held_by="employer",
        ),
    )
    screening = Screening.objects.get(person=person)
    assert response.status_code == 302
    assert response["Location"] == f"/screening/{screening.pk}/?saved=1"
    assert screening.record["person"]["documents"] == [{"type": "passport", "held_by": "employer"}]
    assert screening.record["country"] == "KG"
    codes = set(PersonSafeguard.objects.filter(person=person).values_list("code", flat=True))
    assert "non_refoulement" in codes


def test_the_saved_page_clears_the_draft(kg_border_officer, register, web):
    person = register(kg_border_officer)
    client = web(kg_border_officer)
    client.post(_url(person), _answers(action="save", fear_of_return="yes"))
    screening = Screening.objects.get(person=person)
    page = client.get(f"/screening/{screening.pk}/?saved=1").content.decode()
    assert f'data-clear-draft="{_url(person)}"' in page


def test_an_expired_session_sends_the_officer_back_to_the_same_form(
    kg_border_officer, register, client
):
    person = register(kg_border_officer)
    response = client.post(_url(person), _answers(action="check"))
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={_url(person)}"


def test_the_kazakh_officer_cannot_open_the_form_for_a_kyrgyz_person(
    kg_border_officer, kz_border_officer, register, web
):
    person = register(kg_border_officer)
    assert web(kz_border_officer).get(_url(person)).status_code == 404


def test_a_partner_may_not_screen(kg_border_officer, kg_unhcr_partner, register, web):
    person = register(kg_border_officer)
    assert web(kg_unhcr_partner).get(_url(person)).status_code in (403, 404)


@pytest.mark.parametrize(
    "bad",
    [
        {"age_claimed": "fifteen"},
        {"age_claimed": "200"},
        {"years_in_country": "-1"},
        {"nationalities": "Atlantis"},
        {"country_of_origin": "Atlantis, Lemuria"},
        {"languages": "dari!"},
        {"birth_date": "2010-13"},
        {"location_kind": "beach"},
        {"doc1_type": "passport", "doc1_held_by": "cousin"},
        {"forced_labour": ["slavery"]},
        {"date": "1999-01-01"},
    ],
    ids=lambda bad: "-".join(bad),
)
def test_bad_answers_give_messages_on_the_page_never_a_500(kg_border_officer, register, web, bad):
    person = register(kg_border_officer)
    for action in ("check", "save"):
        response = web(kg_border_officer).post(_url(person), _answers(action=action, **bad))
        assert response.status_code == 200, bad
        assert "errorlist" in response.content.decode(), bad
    assert not Screening.objects.exists()


def test_the_interview_page_is_small(kg_border_officer, register, web):
    """For a slow connection: the page itself, without the shared stylesheet and fonts."""
    person = register(kg_border_officer)
    page = web(kg_border_officer).get(_url(person)).content
    assert len(page) < 60_000
