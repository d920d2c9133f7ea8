"""The printed sheet: the person's rights and next steps in their language, only for the
referrals actually sent, with the slip they keep as proof of registration."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import include, path

import crossroads.urls
from crossroads.accounts.models import Agency
from crossroads.audit.models import AuditEvent
from crossroads.referrals.actions import decline_referral, send_referral
from crossroads.screening.actions import screen_person

# The lead includes sheet_urls at /sheets/; until then these tests include it themselves.
urlpatterns = list(crossroads.urls.urlpatterns)
if not any(getattr(p, "namespace", None) == "sheets" for p in urlpatterns):
    urlpatterns.append(path("sheets/", include("crossroads.referrals.sheet_urls")))

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def record(**parts):
    base = {"country": "KG", "date": "2026-11-20", "location": {"kind": "border"}}
    return {**base, **parts}


FEAR = record(person={"nationalities": ["AF"]}, statements={"fear_of_return": True})
CHILD_ALONE = record(
    person={"age_claimed": 15, "nationalities": ["AF"]}, travel={"accompanied_by": "none"}
)
TRAFFICKED = record(
    location={"kind": "inland"},
    person={"nationalities": ["UZ"]},
    travel={"moved_or_recruited_by_another": True},
    indicators={"forced_labour": ["deception", "withholding_of_wages"]},
)


@pytest.fixture
def kg_agencies(db):
    made = {}
    for name, kind in [
        ("Refugee department (KG)", "asylum_authority"),
        ("Child protection (KG)", "child_protection"),
        ("Police anti-trafficking unit (KG)", "police"),
        ("Legal aid centre (KG)", "legal_aid"),
    ]:
        made[kind], _ = Agency.objects.get_or_create(
            country_id="KG", name=name, defaults={"kind": kind}
        )
    return made


@pytest.fixture
def screened(kg_border_officer, register, kg_agencies):
    """screened(record, languages=[...]) -> (person, screening)."""

    def _screened(data, **person):
        person.setdefault("given_name", "Zahra")
        person.setdefault("family_name", "Ahmadi")
        someone = register(kg_border_officer, **person)
        screening = screen_person(
            acting_user=kg_border_officer, person_id=someone.pk, record_data=data
        )
        return someone, screening

    return _screened


def send(user, person, screening, pathway, priority="urgent", **kwargs):
    return send_referral(
        acting_user=user,
        person_id=person.pk,
        pathway=pathway,
        priority=priority,
        screening_id=screening.pk if screening else None,
        **kwargs,
    )


def sheet(client, screening, lang=None):
    url = f"/sheets/screening/{screening.pk}/" + (f"?lang={lang}" if lang else "")
    return client.get(url)


def test_the_sheet_shows_only_the_referrals_actually_sent_for_the_screening(
    kg_border_officer, screened, web
):
    person, screening = screened(TRAFFICKED)
    # The result names trafficking_identification and victim_assistance; only one is sent.
    sent = send(kg_border_officer, person, screening, "trafficking_identification")
    elsewhere = send(kg_border_officer, person, None, "legal_aid", "normal")
    response = sheet(web(kg_border_officer), screening, "eng")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-pathway="trafficking_identification"' in html
    assert 'data-pathway="victim_assistance"' not in html
    assert 'data-pathway="legal_aid"' not in html
    assert sent.reference in html
    assert elsewhere.reference not in html
    assert "Police anti-trafficking unit (KG)" in html


def test_a_declined_referral_is_not_a_door_on_the_sheet(
    kg_border_officer, kg_asylum_caseworker, screened, web
):
    person, screening = screened(FEAR)
    referral = send(kg_border_officer, person, screening, "asylum_procedure")
    decline_referral(
        acting_user=kg_asylum_caseworker, referral_id=referral.pk, reason="Wrong office"
    )
    html = sheet(web(kg_border_officer), screening, "eng").content.decode()
    assert referral.reference not in html
    assert "No referral has been made yet" in html


def test_with_no_referral_sent_the_sheet_says_so(kg_border_officer, screened, web):
    _person, screening = screened(FEAR)
    html = sheet(web(kg_border_officer), screening, "eng").content.decode()
    assert "No referral has been made yet" in html
    assert "data-pathway=" not in html


def test_the_child_paragraphs_appear_for_a_child(kg_border_officer, screened, web):
    person, screening = screened(CHILD_ALONE)
    send(kg_border_officer, person, screening, "child_protection")
    html = sheet(web(kg_border_officer), screening, "eng").content.decode()
    for key in ("child", "child_guardian", "child_age"):
        assert f'data-right="{key}"' in html
    assert "A child is not put in detention." in html
    assert 'data-right="trafficking"' not in html


def test_the_child_paragraphs_do_not_appear_for_an_adult(kg_border_officer, screened, web):
    person, screening = screened(FEAR)
    send(kg_border_officer, person, screening, "asylum_procedure")
    html = sheet(web(kg_border_officer), screening, "eng").content.decode()
    assert 'data-right="child"' not in html
    assert 'data-right="child_guardian"' not in html
    assert "A child is not put in detention." not in html
    assert 'data-right="asylum"' in html
    assert 'data-right="no_contact_origin"' in html
    assert 'data-right="trafficking"' not in html


def test_the_trafficking_paragraphs_appear_when_trafficking_needs_are_present(
    kg_border_officer, screened, web
):
    person, screening = screened(TRAFFICKED)
    send(kg_border_officer, person, screening, "trafficking_identification")
    html = sheet(web(kg_border_officer), screening, "eng").content.decode()
    assert 'data-right="trafficking"' in html
    assert 'data-right="non_punishment"' in html
    # The KG pack's reflection period, in days.
    assert re.search(r"reflection period of \d+ days", html)


@pytest.mark.parametrize(("lang", "html_lang"), [("prs", "fa-AF"), ("pus", "ps")])
def test_dari_and_pashto_are_laid_out_right_to_left(
    kg_border_officer, screened, web, lang, html_lang
):
    person, screening = screened(FEAR)
    send(kg_border_officer, person, screening, "asylum_procedure")
    html = sheet(web(kg_border_officer), screening, lang).content.decode()
    assert f'<html lang="{html_lang}" dir="rtl">' in html
    # Reference numbers stay left-to-right inside the right-to-left page.
    assert f'<bdi dir="ltr" class="ref" id="person-reference">{person.reference}</bdi>' in html


@pytest.mark.parametrize(
    ("lang", "html_lang"),
    [("rus", "ru"), ("eng", "en"), ("tgk", "tg"), ("uzn", "uz-Latn"), ("kir", "ky"), ("kaz", "kk")],
)
def test_left_to_right_languages(kg_border_officer, screened, web, lang, html_lang):
    _person, screening = screened(FEAR)
    html = sheet(web(kg_border_officer), screening, lang).content.decode()
    assert f'<html lang="{html_lang}" dir="ltr">' in html


def test_the_language_defaults_to_the_persons_own(kg_border_officer, screened, web):
    _person, screening = screened(FEAR, languages=["ara", "prs"])
    html = sheet(web(kg_border_officer), screening).content.decode()
    assert '<html lang="fa-AF" dir="rtl">' in html


def test_without_a_language_of_the_person_the_officers_is_used(kg_border_officer, screened, web):
    kg_border_officer.language = "ru"
    kg_border_officer.save()
    _person, screening = screened(FEAR, languages=["ara"])
    html = sheet(web(kg_border_officer), screening).content.decode()
    assert '<html lang="ru" dir="ltr">' in html


def _static(name):
    return Path(finders.find(name)).read_text(encoding="utf-8")


def test_the_fonts_are_served_by_the_app(kg_border_officer, screened, web):
    _person, screening = screened(FEAR)
    html = sheet(web(kg_border_officer), screening, "prs").content.decode()
    assert "/static/crossroads/app.css" in html
    assert "/static/referrals/sheet.css" in html
    assert "Noto Naskh Arabic" in _static("referrals/sheet.css")
    assert not re.search(r"""(href|src)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(http" not in html


def test_the_page_is_one_printable_a4_page_without_navigation(kg_border_officer, screened, web):
    _person, screening = screened(FEAR)
    html = sheet(web(kg_border_officer), screening, "eng").content.decode()
    assert "@page { size: A4" in _static("referrals/sheet.css")
    assert 'id="print-sheet"' in html and "/static/referrals/sheet.js" in html
    assert "window.print()" in _static("referrals/sheet.js")
    assert "<nav" not in html


def test_the_slip_carries_the_reference_numbers(kg_border_officer, screened, web):
    person, screening = screened(CHILD_ALONE)
    referral = send(kg_border_officer, person, screening, "child_protection")
    html = sheet(web(kg_border_officer), screening, "kir").content.decode()
    slip = html.split('id="referral-slip"', 1)[1]
    assert person.reference in slip
    assert screening.reference in slip
    assert referral.reference in slip
    assert "Child protection (KG)" in slip
    assert "Zahra" in slip
    # The slip names where to go, not why: no pathway is printed on it.
    assert "child_protection" not in slip


def test_opening_the_sheet_is_audited_as_an_export(kg_border_officer, screened, web):
    _person, screening = screened(FEAR)
    sheet(web(kg_border_officer), screening, "tgk")
    row = AuditEvent.objects.filter(action="export", object_id=str(screening.pk)).get()
    assert row.object_type == "screening.screening"
    assert row.detail == {"sheet": "tgk"}
    assert row.actor_username == "kg_border_officer"


def test_a_person_the_user_may_not_see_is_not_found(
    kg_border_officer, kz_border_officer, screened, web
):
    _person, screening = screened(FEAR)
    response = sheet(web(kz_border_officer), screening, "eng")
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="export", object_id=str(screening.pk)).exists()


def test_another_agency_of_the_same_state_without_access_is_not_found(
    kg_border_officer, kg_migration_caseworker, screened, web
):
    _person, screening = screened(FEAR)
    assert sheet(web(kg_migration_caseworker), screening, "eng").status_code == 404


def test_an_unknown_screening_is_not_found(kg_border_officer, web):
    response = web(kg_border_officer).get("/sheets/screening/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


def test_a_partner_may_not_print_the_sheet(kg_border_officer, kg_unhcr_partner, screened, web):
    _person, screening = screened(FEAR)
    assert sheet(web(kg_unhcr_partner), screening, "eng").status_code == 403


def test_an_unknown_language_falls_back_instead_of_failing(kg_border_officer, screened, web):
    _person, screening = screened(FEAR, languages=["rus"])
    response = sheet(web(kg_border_officer), screening, "../../etc")
    assert response.status_code == 200
    assert '<html lang="ru" dir="ltr">' in response.content.decode()


def test_the_sheet_needs_a_signed_in_user(screened, client):
    _person, screening = screened(FEAR)
    response = sheet(client, screening, "eng")
    assert response.status_code == 302


def test_the_slip_never_leaves_a_contact_empty(kg_border_officer, screened, web):
    """An agency's address and phone are printed on the slip, in the sheet's language;
    where one is not known, the slip says how to ask for it instead of a blank cell."""
    from crossroads.accounts.models import Agency

    person, screening = screened(CHILD_ALONE)
    referral = send(kg_border_officer, person, screening, "child_protection")
    slip = sheet(web(kg_border_officer), screening, "eng").content.decode()
    slip = slip.split('id="referral-slip"', 1)[1]
    assert "Not known yet: ask the officer who gave you this slip." in slip

    Agency.objects.filter(pk=referral.to_agency_id).update(
        address="3 Sample Avenue, Bishkek",
        phone="+996 312 000 104",
        translations={"rus": {"name": "Защита детей (КР)", "address": "Бишкек, пр. Образцовый, 3"}},
    )
    english = sheet(web(kg_border_officer), screening, "eng").content.decode()
    assert "3 Sample Avenue, Bishkek" in english and "+996 312 000 104" in english
    russian = sheet(web(kg_border_officer), screening, "rus").content.decode()
    slip = russian.split('id="referral-slip"', 1)[1]
    assert "Защита детей (КР)" in slip and "Бишкек, пр. Образцовый, 3" in slip
    assert "спросите сотрудника" not in slip
