"""The household page: one form, shared values typed once, duplicates shown together."""

from __future__ import annotations

import pytest

from crossroads.households.models import Household
from crossroads.registry.models import Person

pytestmark = pytest.mark.django_db

URL = "/households/register/"


def rows(*people):
    data = {}
    for i, person in enumerate(people):
        for key, value in person.items():
            data[f"m{i}-{key}"] = value
        data.setdefault(f"m{i}-sex", "unknown")
    return data


FAMILY = [
    {
        "given_name": "Rahim",
        "family_name": "Karimi",
        "sex": "male",
        "birth": "1984",
        "nationality": "AF",
    },
    {"given_name": "Fatima", "sex": "female", "birth": "36", "relationship": "spouse"},
    {"given_name": "Omid", "sex": "male", "birth": "2015-04", "relationship": "child"},
]


def test_the_page_registers_a_family_and_fills_what_it_shares(kg_border_officer, web):
    response = web(kg_border_officer).post(URL, rows(*FAMILY))
    assert response.status_code == 302, response.content.decode()[:2000]
    household = Household.objects.get()
    people = [m.person for m in household.members.order_by("position")]
    assert [p.family_name for p in people] == ["Karimi"] * 3
    assert all(p.nationalities == ["AF"] for p in people)
    page = web(kg_border_officer).get(response["Location"])
    assert "Omid" in page.content.decode()


def test_a_bad_row_is_shown_on_its_row_and_nothing_saved(kg_border_officer, web):
    family = [dict(p) for p in FAMILY]
    family[2]["birth"] = "2015-13"
    response = web(kg_border_officer).post(URL, rows(*family))
    assert response.status_code == 200
    assert "is not a real date" in response.content.decode()
    assert Person.objects.count() == 0


def test_possibly_registered_before_is_shown_for_all_members_before_saving(
    kg_border_officer, web, register
):
    register(
        kg_border_officer,
        given_name="Omid",
        family_name="Karimi",
        birth_date="2015-04",
        sex="male",
        nationalities=["AF"],
    )
    response = web(kg_border_officer).post(URL, rows(*FAMILY))
    assert response.status_code == 200
    assert 'id="possible-duplicates"' in response.content.decode()
    assert Person.objects.count() == 1
    confirmed = {**rows(*FAMILY), "confirmed": "1"}
    assert web(kg_border_officer).post(URL, confirmed).status_code == 302
    assert Person.objects.count() == 4


def test_another_state_cannot_open_the_household(kg_border_officer, kz_border_officer, web, client):
    response = web(kg_border_officer).post(URL, rows(*FAMILY))
    location = response["Location"]
    client.force_login(kz_border_officer)
    assert client.get(location).status_code == 404
