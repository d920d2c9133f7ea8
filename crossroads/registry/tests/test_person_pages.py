"""The register's pages: register, list and search, open, edit, in English and Russian."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossroads.registry.models import Person

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "given_name": "Farhod",
        "family_name": "Rahimov",
        "patronymic": "",
        "birth_date": "",
        "birth_date_calendar": "gregorian",
        "sex": "male",
        "nationalities": "TJ",
        "languages": "tgk, rus",
        "ethnicity": "",
        "religion": "",
        "alias_given_name": "",
        "alias_family_name": "",
        "document_type": "",
        "document_number": "",
        "document_issuing_state": "",
        "document_expiry": "",
    }
    data.update(overrides)
    return data


def test_an_officer_registers_a_person_through_the_page(kg_border_officer, web):
    client = web(kg_border_officer)
    response = client.post(
        "/people/register/",
        _form(document_type="passport", document_number="A1234567", document_issuing_state="TJ"),
    )
    assert response.status_code == 302
    person = Person.objects.get(family_name="Rahimov")
    assert person.languages == ["tgk", "rus"]
    assert person.documents.get().number == "A1234567"
    page = client.get(response["Location"])
    assert "Farhod" in page.content.decode()
    assert person.reference in page.content.decode()


def test_a_bad_birth_date_on_the_page_shows_a_message_and_saves_nothing(kg_border_officer, web):
    response = web(kg_border_officer).post("/people/register/", _form(birth_date="1990-13-01"))
    assert response.status_code == 200
    assert "is not a real date" in response.content.decode()
    assert not Person.objects.exists()


def test_the_list_finds_a_person_by_search(kg_border_officer, register, web):
    register(kg_border_officer, given_name="Dilnoza", family_name="Yusupova")
    register(kg_border_officer, given_name="Sardor", family_name="Saidov")
    page = web(kg_border_officer).get("/people/", {"q": "Yusupova"}).content.decode()
    assert "Dilnoza" in page and "Sardor" not in page


def test_a_caseworker_edits_a_person_and_a_stale_form_is_refused(
    kg_migration_caseworker, register, web
):
    person = register(kg_migration_caseworker, given_name="Aibek")
    client = web(kg_migration_caseworker)
    edit = _form(given_name="Aibek", family_name="Osmonov", version="1")
    for name in (
        "alias_given_name",
        "alias_family_name",
        "document_type",
        "document_number",
        "document_issuing_state",
        "document_expiry",
    ):
        edit.pop(name)
    assert client.post(f"/people/{person.pk}/edit/", edit).status_code == 302
    person.refresh_from_db()
    assert person.family_name == "Osmonov" and person.version == 2
    stale = client.post(f"/people/{person.pk}/edit/", {**edit, "family_name": "Other"})
    assert stale.status_code == 200
    assert "Someone else changed this record" in stale.content.decode()
    person.refresh_from_db()
    assert person.family_name == "Osmonov"


def test_the_language_switch_changes_the_users_language(kg_border_officer, web):
    client = web(kg_border_officer)
    client.post("/account/language/", {"language": "ru", "next": "/"})
    kg_border_officer.refresh_from_db()
    assert kg_border_officer.language == "ru"
    assert "Зарегистрировать" in client.get("/").content.decode()


def test_a_perso_arabic_name_is_isolated_for_right_to_left_display(
    kg_border_officer, register, web
):
    person = register(kg_border_officer, given_name="فاطمه", family_name="احمدی")
    page = web(kg_border_officer).get(f"/people/{person.pk}/").content.decode()
    assert '<bdi dir="auto" class="name" id="person-name">فاطمه احمدی</bdi>' in page


def test_the_fonts_are_served_by_the_app_itself(client):
    from django.contrib.staticfiles import finders

    assert finders.find("crossroads/fonts/NotoNaskhArabic-Regular.woff2")
    css = Path(finders.find("crossroads/app.css")).read_text(encoding="utf-8")
    assert "http" not in css
    assert "fonts/NotoNaskhArabic-Regular.woff2" in css
