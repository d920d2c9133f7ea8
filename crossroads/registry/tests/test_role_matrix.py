"""For each page and endpoint: who may reach it and who may not."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

ROLES = [
    "kg_border_officer",
    "kg_migration_caseworker",
    "kg_migration_supervisor",
    "kg_analyst",
    "kg_admin",
    "kg_unhcr_partner",
]

# path template -> expected status per role, in ROLES order. {p}: a person the migration
# service registered (so officer of another agency and partner get 404, "not yours").
MATRIX = {
    ("api", "/api/v1/persons/"): [200, 200, 200, 403, 403, 200],
    ("api", "/api/v1/persons/{p}/"): [404, 200, 200, 403, 403, 404],
    ("api", "/api/v1/audit/?record={p}"): [403, 403, 200, 403, 403, 403],
    ("api", "/api/v1/statistics/"): [403, 403, 200, 200, 403, 403],
    ("api", "/api/v1/screenings/"): [200, 200, 200, 403, 403, 403],
    ("api", "/api/v1/referrals/"): [200, 200, 200, 403, 403, 200],
    ("api", "/api/v1/consents/"): [200, 200, 200, 403, 403, 200],
    ("api", "/api/v1/duplicates/"): [403, 403, 200, 403, 403, 403],
    ("api", "/api/v1/countries/"): [200, 200, 200, 200, 200, 200],
    ("api", "/api/v1/agencies/"): [200, 200, 200, 200, 200, 200],
    ("web", "/"): [200, 200, 200, 200, 200, 200],
    ("web", "/people/"): [200, 200, 200, 403, 403, 200],
    ("web", "/people/register/"): [200, 200, 200, 403, 403, 403],
    ("web", "/people/{p}/"): [404, 200, 200, 403, 403, 404],
    ("web", "/people/{p}/edit/"): [404, 200, 200, 403, 403, 403],
    ("web", "/people/{p}/audit/"): [403, 403, 200, 403, 403, 403],
    ("web", "/admin/"): [302, 302, 302, 302, 200, 302],
}


@pytest.mark.parametrize(("channel", "path"), list(MATRIX))
def test_role_matrix(request, channel, path, kg_migration_caseworker, register, api, client):
    person = register(kg_migration_caseworker)
    url = path.format(p=person.pk)
    for role, expected in zip(ROLES, MATRIX[(channel, path)], strict=True):
        user = request.getfixturevalue(role)
        if channel == "api":
            status = api(user).get(url).status_code
        else:
            client.force_login(user)
            status = client.get(url).status_code
        assert status == expected, f"{role} GET {path}: {status}, expected {expected}"


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    for path in ("/", "/people/", "/people/register/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_api_schema_and_docs_are_public(client):
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200
