"""Every list, detail and search of the register, page and API, costs a fixed number of
queries: the budget below, whatever the size of the register (issue 16). A change that
adds a query to one of them changes its budget here, on purpose."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db

DRAFT = {"given_name": "Aibek", "family_name": "Toktogulov", "birth_date": "1990-04-01"}

# name -> (who, method, path, queries); {person} is a person the user may see. The lists of
# other records (screenings, referrals, consents, cases, duplicates) are measured empty
# here; that they cost the same with more rows is asserted by each app's own tests.
BUDGETS: dict[str, tuple[str, str, str, int]] = {
    "api: person list": ("kg_border_officer", "get", "/api/v1/persons/", 9),
    "api: search by name": ("kg_border_officer", "get", "/api/v1/persons/?q=Toktogulov", 9),
    "api: search, two words": (
        "kg_border_officer",
        "get",
        "/api/v1/persons/?q=Aibek%20Toktogulov",
        9,
    ),
    "api: list, filtered and ordered": (
        "kg_border_officer",
        "get",
        "/api/v1/persons/?sex=unknown&ordering=family_name",
        9,
    ),
    "api: a person": ("kg_border_officer", "get", "/api/v1/persons/{person}/", 10),
    # +1 since the identity model versions: the state's active model, read once per check.
    # +1 since candidates are scored from plain rows and only the ten best loaded whole.
    "api: possibly registered before": ("kg_border_officer", "post-check", "", 9),
    # +2 since the check runs before the write transaction: the index's mark before it,
    # the people indexed since (both one short range of the primary key).
    # +1 (as the check): candidates scored from plain rows, the ten best loaded whole;
    # -3: the reference number taken in one statement (was savepoint, select, update, release),
    # +1: taken last in the transaction and written onto the person then.
    "api: registration": ("kg_border_officer", "post-register", "", 29),
    "api: screenings": ("kg_border_officer", "get", "/api/v1/screenings/", 4),
    "api: referrals": ("kg_border_officer", "get", "/api/v1/referrals/", 4),
    "api: consents": ("kg_border_officer", "get", "/api/v1/consents/", 4),
    "api: cases": ("kg_migration_caseworker", "get", "/api/v1/cases/", 4),
    "api: duplicates": ("kg_migration_supervisor", "get", "/api/v1/duplicates/", 4),
    "page: person list": ("kg_border_officer", "web", "/people/", 6),
    "page: search": ("kg_border_officer", "web", "/people/?q=Toktogulov", 6),
    "page: a person": ("kg_border_officer", "web", "/people/{person}/", 25),
}


@pytest.mark.parametrize("name", list(BUDGETS))
def test_each_request_keeps_its_query_budget(
    name: str, request: Any, register: Any, api: Any, web: Any, django_assert_num_queries: Any
) -> None:
    who, method, path, budget = BUDGETS[name]
    user = request.getfixturevalue(who)
    officer = request.getfixturevalue("kg_border_officer")
    people = [register(officer, birth_date=f"19{60 + n}-01-01") for n in range(4)]
    register(officer, family_links=[{"relative": people[0].pk, "relation": "sibling"}])
    person = people[0]
    path = path.format(person=person.pk)
    if method == "web":
        client = web(user)
        client.get("/")  # the session's first request loads what every page loads once
    else:
        client = api(user)
    with django_assert_num_queries(budget):
        if method == "get" or method == "web":
            response = client.get(path)
        elif method == "post-check":
            response = client.post("/api/v1/persons/check/", DRAFT, format="json")
        else:
            response = client.post("/api/v1/persons/", DRAFT, format="json")
    assert response.status_code in (200, 201), response.content[:300]
