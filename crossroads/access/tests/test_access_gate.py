"""Who may see and change which person, on the API and the pages alike."""

from __future__ import annotations

import pytest

from crossroads.access.gate import access_person_by_id, can, persons_visible_to
from crossroads.access.models import GrantReason
from crossroads.core.exceptions import Forbidden, NotFound

pytestmark = pytest.mark.django_db


def test_an_officer_sees_the_people_their_agency_registered(kg_border_officer, register, api):
    person = register(kg_border_officer)
    assert api(kg_border_officer).get(f"/api/v1/persons/{person.pk}/").status_code == 200
    assert person in persons_visible_to(kg_border_officer)


def test_a_kazakh_caseworker_cannot_open_a_person_registered_in_kyrgyzstan(
    kg_border_officer, kz_migration_caseworker, register, api, web
):
    person = register(kg_border_officer)
    assert api(kz_migration_caseworker).get(f"/api/v1/persons/{person.pk}/").status_code == 404
    assert web(kz_migration_caseworker).get(f"/people/{person.pk}/").status_code == 404
    assert person not in persons_visible_to(kz_migration_caseworker)


def test_not_yours_looks_exactly_like_does_not_exist(
    kg_border_officer, kz_migration_caseworker, register, api
):
    person = register(kg_border_officer)
    client = api(kz_migration_caseworker)
    hidden = client.get(f"/api/v1/persons/{person.pk}/")
    missing = client.get("/api/v1/persons/00000000-0000-0000-0000-000000000000/")
    garbage = client.get("/api/v1/persons/not-a-uuid/")
    assert hidden.status_code == missing.status_code == garbage.status_code == 404
    assert hidden.json() == missing.json() == garbage.json()


def test_another_agency_of_the_same_state_does_not_see_a_person_before_a_referral(
    kg_border_officer, kg_asylum_caseworker, register, api
):
    person = register(kg_border_officer)
    assert api(kg_asylum_caseworker).get(f"/api/v1/persons/{person.pk}/").status_code == 404


def test_an_agency_that_received_a_referral_sees_the_person(
    kg_border_officer, kg_asylum_caseworker, register, api
):
    from crossroads.access.gate import grant_access

    person = register(kg_border_officer)
    grant_access(
        person, kg_asylum_caseworker.agency, GrantReason.REFERRAL, granted_by=kg_border_officer
    )
    assert api(kg_asylum_caseworker).get(f"/api/v1/persons/{person.pk}/").status_code == 200


def test_a_partner_sees_only_people_referred_to_it(
    kg_border_officer, kg_unhcr_partner, register, api
):
    from crossroads.access.gate import grant_access

    referred = register(kg_border_officer, given_name="Referred")
    not_referred = register(kg_border_officer, given_name="Kept")
    grant_access(
        referred, kg_unhcr_partner.agency, GrantReason.REFERRAL, granted_by=kg_border_officer
    )
    listed = api(kg_unhcr_partner).get("/api/v1/persons/").json()["results"]
    assert [p["id"] for p in listed] == [str(referred.pk)]
    assert api(kg_unhcr_partner).get(f"/api/v1/persons/{not_referred.pk}/").status_code == 404


def test_a_partner_may_not_change_a_person_referred_to_it(
    kg_border_officer, kg_unhcr_partner, register, api
):
    from crossroads.access.gate import grant_access

    person = register(kg_border_officer)
    grant_access(
        person, kg_unhcr_partner.agency, GrantReason.REFERRAL, granted_by=kg_border_officer
    )
    response = api(kg_unhcr_partner).patch(
        f"/api/v1/persons/{person.pk}/", {"given_name": "X", "version": 1}, format="json"
    )
    assert response.status_code == 403


def test_a_grant_to_an_agency_of_another_state_is_refused(
    kg_border_officer, kz_migration_caseworker, register
):
    from crossroads.access.gate import grant_access

    person = register(kg_border_officer)
    with pytest.raises(NotFound):
        grant_access(
            person,
            kz_migration_caseworker.agency,
            GrantReason.REFERRAL,
            granted_by=kg_border_officer,
        )


def test_an_analyst_sees_no_individual(kg_border_officer, kg_analyst, register, api):
    person = register(kg_border_officer)
    assert api(kg_analyst).get("/api/v1/persons/").status_code == 403
    assert api(kg_analyst).get(f"/api/v1/persons/{person.pk}/").status_code == 403
    assert not persons_visible_to(kg_analyst).exists()


def test_an_administrator_sees_no_case_content(kg_border_officer, kg_admin, register, api):
    person = register(kg_border_officer)
    assert api(kg_admin).get(f"/api/v1/persons/{person.pk}/").status_code == 403
    with pytest.raises(Forbidden):
        access_person_by_id(kg_admin, person.pk)


def test_the_list_and_the_one_object_check_agree(
    kg_border_officer, kg_migration_caseworker, kg_unhcr_partner, kz_border_officer, register
):
    people = [register(kg_border_officer), register(kg_migration_caseworker)]
    for user in (kg_border_officer, kg_migration_caseworker, kg_unhcr_partner, kz_border_officer):
        visible = set(persons_visible_to(user))
        for person in people:
            assert (person in visible) == can(user, "view_person", person)


def test_a_revoked_grant_no_longer_gives_access(
    kg_border_officer, kg_asylum_caseworker, register, api
):
    from django.utils import timezone

    from crossroads.access.gate import grant_access

    person = register(kg_border_officer)
    grant = grant_access(
        person, kg_asylum_caseworker.agency, GrantReason.REFERRAL, granted_by=kg_border_officer
    )
    grant.revoked_at = timezone.now()
    grant.save()
    assert api(kg_asylum_caseworker).get(f"/api/v1/persons/{person.pk}/").status_code == 404


def test_a_search_never_finds_people_of_another_state(
    kg_border_officer, kz_border_officer, register, api
):
    register(kg_border_officer, given_name="Zarina", family_name="Safarova")
    found = api(kz_border_officer).get("/api/v1/persons/", {"q": "Safarova"}).json()
    assert found["count"] == 0
