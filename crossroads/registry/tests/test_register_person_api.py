"""Registering and changing people through the API, including every kind of bad input."""

from __future__ import annotations

import unicodedata

import pytest

from crossroads.registry.models import Person

pytestmark = pytest.mark.django_db

URL = "/api/v1/persons/"


def test_an_officer_registers_a_person_with_a_perso_arabic_name(kg_border_officer, api):
    body = {
        "given_name": "محمد",
        "family_name": "رحیمی",
        "patronymic": "عبدالله",
        "birth_date": "1990-01",
        "sex": "male",
        "nationalities": ["AF"],
        "languages": ["prs", "pus"],
        "aliases": [{"given_name": "MOHAMMAD", "family_name": "RAHIMI"}],
        "documents": [{"type": "tazkira", "number": "1234-5678", "issuing_state": "af"}],
    }
    response = api(kg_border_officer).post(URL, body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["name_script"] == "Arab"
    assert data["birth_date_precision"] == "month"
    assert data["aliases"][0]["name_script"] == "Latn"
    assert data["documents"][0]["issuing_state"] == "AF"
    assert data["reference"].startswith("KG-")
    assert data["version"] == 1
    assert data["country"] == "KG"


def test_the_reference_number_carries_a_valid_check_digit(kg_border_officer, register):
    from crossroads.core.models import reference_is_valid

    person = register(kg_border_officer)
    assert reference_is_valid(person.reference)
    broken = person.reference[:-1] + str((int(person.reference[-1]) + 1) % 10)
    assert not reference_is_valid(broken)


def test_names_are_stored_nfc_normalised(kg_border_officer, api):
    decomposed = unicodedata.normalize("NFD", "Гүлнара Йўлдошева")
    given, family = decomposed.split(" ")
    response = api(kg_border_officer).post(
        URL, {"given_name": given, "family_name": family}, format="json"
    )
    person = Person.objects.get(pk=response.json()["id"])
    assert person.given_name == unicodedata.normalize("NFC", given)
    assert unicodedata.is_normalized("NFC", person.family_name)


def test_a_solar_hijri_birth_date_is_converted(kg_border_officer, api):
    response = api(kg_border_officer).post(
        URL,
        {"given_name": "Shakila", "birth_date": "1369-01-01", "birth_date_calendar": "solar_hijri"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["birth_date"] == "1990-03-21"
    assert response.json()["birth_date_estimated"] is False


def test_a_solar_hijri_year_alone_becomes_an_estimated_gregorian_year(kg_border_officer, api):
    response = api(kg_border_officer).post(
        URL,
        {"given_name": "Shakila", "birth_date": "1369", "birth_date_calendar": "solar_hijri"},
        format="json",
    )
    assert response.json()["birth_date"] == "1990"
    assert response.json()["birth_date_estimated"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"given_name": "A", "birth_date": "1990-02-30"}, "birth_date"),
        ({"given_name": "A", "birth_date": "2999-01-01"}, "birth_date"),
        ({"given_name": "A", "birth_date": "90-1-1"}, "birth_date"),
        (
            {"given_name": "A", "birth_date": "1369-13-01", "birth_date_calendar": "solar_hijri"},
            "birth_date",
        ),
        ({"given_name": "A", "nationalities": ["XX"]}, "nationalities"),
        ({"given_name": "A", "nationalities": "AF"}, "nationalities"),
        ({"given_name": "A", "nationalities": ["stateless", "AF"]}, "nationalities"),
        ({"given_name": "A", "languages": ["klingon"]}, "languages"),
        ({"given_name": "A", "sex": "F"}, "sex"),
        ({"given_name": 12}, "given_name"),
        ({"given_name": "A" * 201}, "given_name"),
        ({"family_name": ""}, "given_name"),
        ({"given_name": "A", "documents": [{"type": "driving_licence"}]}, "documents"),
        ({"given_name": "A", "documents": [{"type": "passport", "expiry": "soon"}]}, "documents"),
        (
            {"given_name": "A", "family_links": [{"relative": "nobody", "relation": "parent"}]},
            "family_links",
        ),
    ],
)
def test_bad_input_gets_a_400_naming_the_field_and_saves_nothing(
    kg_border_officer, api, body, field
):
    before = Person.objects.count()
    response = api(kg_border_officer).post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Person.objects.count() == before


def test_a_family_link_to_someone_not_visible_is_refused_and_nothing_is_saved(
    kg_border_officer, kz_border_officer, register, api
):
    stranger = register(kz_border_officer)
    before = Person.objects.count()
    response = api(kg_border_officer).post(
        URL,
        {"given_name": "A", "family_links": [{"relative": str(stranger.pk), "relation": "parent"}]},
        format="json",
    )
    assert response.status_code == 400
    assert "family_links" in response.json()
    assert Person.objects.count() == before


def test_messages_follow_the_users_language(kg_border_officer, api):
    kg_border_officer.language = "ru"
    kg_border_officer.save()
    response = api(kg_border_officer).post(
        URL, {"given_name": "A", "birth_date": "2999"}, format="json"
    )
    assert response.status_code == 400
    assert "после сегодняшнего" in response.json()["birth_date"][0]


def test_messages_follow_accept_language_without_a_user_setting(api):
    response = api().post(
        "/api/v1/auth/token/",
        {"username": "x", "password": "y"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 400
    assert "Невозможно" in response.json()["non_field_errors"][0]


def test_malformed_json_is_a_400_not_a_500(kg_border_officer, api):
    response = api(kg_border_officer).post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400


def test_an_oversized_request_is_refused_with_413(kg_border_officer, api):
    response = api(kg_border_officer).post(
        URL, {"given_name": "A", "religion": "x" * (3 * 1024 * 1024)}, format="json"
    )
    assert response.status_code == 413


def test_family_links_are_stored_both_ways_and_form_a_household(kg_border_officer, register, api):
    mother = register(kg_border_officer, given_name="Gulnara")
    response = api(kg_border_officer).post(
        URL,
        {
            "given_name": "Aisha",
            "family_links": [{"relative": str(mother.pk), "relation": "parent"}],
        },
        format="json",
    )
    assert response.status_code == 201
    child_id = response.json()["id"]
    mother_view = api(kg_border_officer).get(f"{URL}{mother.pk}/").json()
    assert mother_view["family_links"] == [
        {
            "relative": child_id,
            "relation": "child",
            "relative_reference": response.json()["reference"],
        }
    ]


def test_a_stale_version_is_refused_with_409_and_the_current_record(
    kg_border_officer, register, api
):
    person = register(kg_border_officer)
    client = api(kg_border_officer)
    first = client.patch(
        f"{URL}{person.pk}/", {"family_name": "Sadykov", "version": 1}, format="json"
    )
    assert first.status_code == 200
    assert first.json()["version"] == 2
    second = client.patch(
        f"{URL}{person.pk}/", {"family_name": "Osmonov", "version": 1}, format="json"
    )
    assert second.status_code == 409
    assert second.json()["current"]["family_name"] == "Sadykov"
    person.refresh_from_db()
    assert person.family_name == "Sadykov"


def test_a_patch_without_a_version_is_refused(kg_border_officer, register, api):
    person = register(kg_border_officer)
    response = api(kg_border_officer).patch(
        f"{URL}{person.pk}/", {"family_name": "X"}, format="json"
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_sensitive_fields_are_omitted_for_a_partner_not_nulled(
    kg_border_officer, kg_unhcr_partner, register, api
):
    from crossroads.access.gate import grant_access
    from crossroads.access.models import GrantReason

    person = register(kg_border_officer, ethnicity="Hazara", religion="Shia Islam")
    grant_access(
        person, kg_unhcr_partner.agency, GrantReason.REFERRAL, granted_by=kg_border_officer
    )
    officer_view = api(kg_border_officer).get(f"{URL}{person.pk}/").json()
    partner_view = api(kg_unhcr_partner).get(f"{URL}{person.pk}/").json()
    partner_list = api(kg_unhcr_partner).get(URL).json()["results"][0]
    assert officer_view["ethnicity"] == "Hazara"
    assert "ethnicity" not in partner_view and "religion" not in partner_view
    assert "ethnicity" not in partner_list and "religion" not in partner_list


def test_a_token_is_issued_for_good_credentials_and_can_be_revoked(kg_border_officer, api):
    from conftest import PASSWORD

    response = api().post(
        "/api/v1/auth/token/",
        {"username": "kg_border_officer", "password": PASSWORD},
        format="json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    client = api()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(URL).status_code == 200
    assert client.delete("/api/v1/auth/token/").status_code == 204
    assert client.get(URL).status_code == 401


def test_anonymous_callers_get_401(api):
    assert api().get(URL).status_code == 401
    assert api().get("/api/v1/countries/").status_code == 401


def test_a_change_cannot_leave_a_person_without_any_name(kg_border_officer, register, api):
    person = register(kg_border_officer)
    response = api(kg_border_officer).patch(
        f"{URL}{person.pk}/", {"given_name": "", "family_name": "", "version": 1}, format="json"
    )
    assert response.status_code == 400
    assert "given_name" in response.json()
    person.refresh_from_db()
    assert person.version == 1


@pytest.mark.parametrize("version", [0, -1, "one", None])
def test_a_version_that_is_not_a_positive_integer_is_a_400(
    kg_border_officer, register, api, version
):
    person = register(kg_border_officer)
    response = api(kg_border_officer).patch(
        f"{URL}{person.pk}/", {"family_name": "X", "version": version}, format="json"
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_the_current_record_shown_with_a_409_is_audited_as_a_read(kg_border_officer, register, api):
    from crossroads.audit.models import AuditEvent

    person = register(kg_border_officer)
    client = api(kg_border_officer)
    client.patch(f"{URL}{person.pk}/", {"family_name": "Sadykov", "version": 1}, format="json")
    before = AuditEvent.objects.filter(object_id=str(person.pk), action="read").count()
    response = client.patch(f"{URL}{person.pk}/", {"family_name": "X", "version": 1}, format="json")
    assert response.status_code == 409
    assert response.json()["current"]["version"] == 2
    assert AuditEvent.objects.filter(object_id=str(person.pk), action="read").count() == before + 1


def test_a_partner_may_not_change_a_person_it_sees(
    kg_border_officer, kg_unhcr_partner, register, api
):
    from crossroads.access.gate import grant_access
    from crossroads.access.models import GrantReason

    person = register(kg_border_officer)
    grant_access(
        person, kg_unhcr_partner.agency, GrantReason.REFERRAL, granted_by=kg_border_officer
    )
    response = api(kg_unhcr_partner).patch(
        f"{URL}{person.pk}/", {"family_name": "X", "version": 1}, format="json"
    )
    assert response.status_code == 403
