"""A household registered in one go through `households/`: all or nothing."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.households.models import Household, HouseholdMember
from crossroads.registry.models import FamilyLink, Person

pytestmark = pytest.mark.django_db

URL = "/api/v1/households/"


def family(**overrides):
    members = [
        {
            "given_name": "Rahim",
            "family_name": "Karimi",
            "sex": "male",
            "birth_date": "1984",
            "nationalities": ["AF"],
            "relationship": "head",
        },
        {
            "given_name": "Fatima",
            "family_name": "Karimi",
            "sex": "female",
            "age": 36,
            "nationalities": ["AF"],
            "relationship": "spouse",
        },
        {
            "given_name": "Omid",
            "family_name": "Karimi",
            "sex": "male",
            "birth_date": "2015-04",
            "nationalities": ["AF"],
            "relationship": "child",
        },
        {
            "given_name": "Zahra",
            "family_name": "Karimi",
            "sex": "female",
            "birth_date": "2018",
            "nationalities": ["AF"],
            "relationship": "child",
        },
        {
            "given_name": "Gul",
            "family_name": "Ahmadi",
            "sex": "female",
            "age": 70,
            "nationalities": ["AF"],
            "relationship": "parent",
        },
    ]
    return {"members": members, **overrides}


def test_an_officer_registers_a_family_of_five_with_links_and_household(kg_border_officer, api):
    response = api(kg_border_officer).post(URL, family(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert [m["relationship"] for m in body["members"]] == [
        "head",
        "spouse",
        "child",
        "child",
        "parent",
    ]
    assert all(m["reference"].startswith("KG-") for m in body["members"])
    assert all("possible_duplicates" in m for m in body["members"])
    household = Household.objects.get(pk=body["id"])
    assert household.members.count() == 5
    head = Person.objects.get(pk=body["members"][0]["id"])
    omid = Person.objects.get(pk=body["members"][2]["id"])
    zahra = Person.objects.get(pk=body["members"][3]["id"])
    assert FamilyLink.objects.get(person=head, relative=omid).relation == "child"
    assert FamilyLink.objects.get(person=omid, relative=head).relation == "parent"
    assert FamilyLink.objects.get(person=omid, relative=zahra).relation == "sibling"
    fatima = body["members"][1]
    assert fatima["birth_date_precision"] == "year" and fatima["birth_date_estimated"] is True


def test_every_member_and_the_household_are_audited_as_created(kg_border_officer, api):
    response = api(kg_border_officer).post(URL, family(), format="json")
    ids = {m["id"] for m in response.json()["members"]}
    created = set(
        AuditEvent.objects.filter(
            action="create", object_type="registry.person", actor=kg_border_officer
        ).values_list("object_id", flat=True)
    )
    assert ids <= created
    assert AuditEvent.objects.filter(
        action="create", object_type="households.household", object_id=response.json()["id"]
    ).exists()


def test_one_bad_member_saves_nobody_and_names_the_field(kg_border_officer, api):
    body = family()
    body["members"][3]["birth_date"] = "2031-01-01"
    response = api(kg_border_officer).post(URL, body, format="json")
    assert response.status_code == 400
    errors = response.json()["members"]
    assert "birth_date" in errors["3"]
    assert Person.objects.count() == 0
    assert Household.objects.count() == 0


def test_a_household_needs_exactly_one_person_in_charge(kg_border_officer, api):
    body = family()
    body["members"][1]["relationship"] = "head"
    response = api(kg_border_officer).post(URL, body, format="json")
    assert response.status_code == 400
    assert "members" in response.json()
    assert Person.objects.count() == 0


def test_more_than_sixteen_people_is_refused(kg_border_officer, api):
    body = family()
    body["members"] += [
        {"given_name": f"Child{i}", "family_name": "Karimi", "relationship": "child"}
        for i in range(12)
    ]
    response = api(kg_border_officer).post(URL, body, format="json")
    assert response.status_code == 400
    assert Person.objects.count() == 0


def test_age_and_birth_date_together_are_refused(kg_border_officer, api):
    body = family()
    body["members"][1]["birth_date"] = "1990"
    response = api(kg_border_officer).post(URL, body, format="json")
    assert response.status_code == 400
    assert "age" in response.json()["members"]["1"]


def test_a_failure_inside_the_transaction_leaves_nothing(kg_border_officer, api, monkeypatch):
    from crossroads.households import actions

    calls = {"n": 0}
    real = actions.register_person

    def flaky(**kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(actions, "register_person", flaky)
    with pytest.raises(RuntimeError):
        api(kg_border_officer).post(URL, family(), format="json")
    assert Person.objects.count() == 0
    assert HouseholdMember.objects.count() == 0


def test_possible_duplicates_are_answered_per_member(kg_border_officer, api, register):
    register(
        kg_border_officer,
        given_name="Omid",
        family_name="Karimi",
        birth_date="2015-04",
        sex="male",
        nationalities=["AF"],
    )
    response = api(kg_border_officer).post(URL, family(), format="json")
    members = response.json()["members"]
    assert members[2]["possible_duplicates"], "Omid was registered before"
    assert not members[0]["possible_duplicates"]


def test_an_analyst_may_not_register_a_household(kg_analyst, api):
    assert api(kg_analyst).post(URL, family(), format="json").status_code == 403


def test_garbage_is_a_400_never_a_500(kg_border_officer, api):
    client = api(kg_border_officer)
    assert client.post(URL, {"members": "x"}, format="json").status_code == 400
    assert client.post(URL, {"members": [None]}, format="json").status_code == 400
    assert client.post(URL, {}, format="json").status_code == 400
    assert client.post(URL, {"members": []}, format="json").status_code == 400
