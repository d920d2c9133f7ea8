"""Registering someone shows who may be the same person, across scripts, and queues the
pair for review; what the officer sees of another agency's record is limited."""

from __future__ import annotations

import pytest

from crossroads.identity.models import DuplicateCandidate, IdentityKey

pytestmark = pytest.mark.django_db

RAKHIMOV = {
    "given_name": "Мухаммад",
    "family_name": "Рахимов",
    "birth_date": "1990-03-12",
    "sex": "male",
    "nationalities": ["TJ"],
}


def test_the_index_is_kept_up_to_date_when_a_person_is_registered_and_edited(
    kg_border_officer, register, api
):
    person = register(kg_border_officer, **RAKHIMOV)
    before = set(IdentityKey.objects.filter(person=person).values_list("key", flat=True))
    assert before
    api(kg_border_officer).patch(
        f"/api/v1/persons/{person.pk}/", {"given_name": "Farhod", "version": 1}, format="json"
    )
    after = set(IdentityKey.objects.filter(person=person).values_list("key", flat=True))
    assert after and after != before


def test_a_latin_registration_finds_the_cyrillic_record(kg_border_officer, register, api):
    first = register(kg_border_officer, **RAKHIMOV)
    response = api(kg_border_officer).post(
        "/api/v1/persons/",
        {
            "given_name": "MOHAMMAD",
            "family_name": "RAKHIMOV",
            "birth_date": "1990-03-12",
            "sex": "male",
            "nationalities": ["TJ"],
        },
        format="json",
    )
    assert response.status_code == 201
    duplicates = response.json()["possible_duplicates"]
    assert duplicates[0]["id"] == str(first.pk)
    assert duplicates[0]["same_person"] is True
    assert duplicates[0]["explanation"]
    assert DuplicateCandidate.objects.filter(status="open").count() == 1


def test_the_check_finds_a_perso_arabic_record_without_saving(kg_border_officer, register, api):
    first = register(
        kg_border_officer,
        given_name="محمد",
        family_name="رحیموف",
        birth_date="1990-03-12",
        sex="male",
        nationalities=["AF"],
    )
    response = api(kg_border_officer).post(
        "/api/v1/persons/check/",
        {"given_name": "Muhammad", "family_name": "Rahimov", "birth_date": "1990", "sex": "male"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["candidates"][0]["id"] == str(first.pk)
    from crossroads.registry.models import Person

    assert Person.objects.count() == 1


def test_brothers_are_not_called_the_same_person(kg_border_officer, register, api):
    register(
        kg_border_officer,
        given_name="Алишер",
        family_name="Каримов",
        patronymic="Рустамович",
        birth_date="1995-04-02",
        sex="male",
    )
    response = api(kg_border_officer).post(
        "/api/v1/persons/check/",
        {
            "given_name": "Бахтиёр",
            "family_name": "Каримов",
            "patronymic": "Рустамович",
            "birth_date": "1997-09-15",
            "sex": "male",
        },
        format="json",
    )
    assert all(not c["same_person"] for c in response.json()["candidates"])


def test_another_agencys_candidate_is_shown_without_its_personal_data(
    kg_border_officer, kg_migration_caseworker, register, api
):
    register(kg_migration_caseworker, **RAKHIMOV)
    response = api(kg_border_officer).post(
        "/api/v1/persons/check/",
        {
            "given_name": "Muhammad",
            "family_name": "Rakhimov",
            "birth_date": "1990-03-12",
            "sex": "male",
        },
        format="json",
    )
    candidate = response.json()["candidates"][0]
    assert candidate["visible"] is False
    assert candidate["registering_agency"] == kg_migration_caseworker.agency.name
    assert "given_name" not in candidate and "explanation" not in candidate
    assert "Рахимов" not in response.content.decode()


def test_people_of_another_state_are_never_candidates(
    kg_border_officer, kz_border_officer, register, api
):
    register(kz_border_officer, **RAKHIMOV)
    response = api(kg_border_officer).post("/api/v1/persons/check/", RAKHIMOV, format="json")
    assert response.json()["candidates"] == []


def test_the_register_page_shows_possibly_registered_before_and_lets_the_officer_go_on(
    kg_border_officer, register, web
):
    first = register(kg_border_officer, **RAKHIMOV)
    client = web(kg_border_officer)
    form = {
        "given_name": "MOHAMMAD",
        "family_name": "RAKHIMOV",
        "birth_date": "1990-03-12",
        "birth_date_calendar": "gregorian",
        "sex": "male",
        "nationalities": "TJ",
        "languages": "",
        "document_type": "",
    }
    page = client.post("/people/register/", form)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Possibly registered before" in html and first.reference in html
    done = client.post("/people/register/", {**form, "confirmed": "1"})
    assert done.status_code == 302


def test_rebuild_identity_index_restores_every_persons_keys(kg_border_officer, register):
    """After an upgrade that changes how keys are built, the command rebuilds the rows."""
    from django.core.management import call_command

    person = register(kg_border_officer, **RAKHIMOV)
    keys = set(IdentityKey.objects.filter(person=person).values_list("key", flat=True))
    IdentityKey.objects.filter(person=person).delete()
    call_command("rebuild_identity_index", "--country", "kg")
    assert set(IdentityKey.objects.filter(person=person).values_list("key", flat=True)) == keys


def test_rebuild_identity_index_names_an_unknown_state(db):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="country"):
        call_command("rebuild_identity_index", "--country", "ZZ")
