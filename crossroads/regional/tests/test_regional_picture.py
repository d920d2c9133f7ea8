"""The regional analyst sees the published tables of participating states side by side
and summed, nothing unpublished and no person; the role matrix of the new resources."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PUBLISH = "/api/v1/publications/"
REGIONAL = "/api/v1/regional/"


@pytest.fixture
def published(
    kg_border_officer,
    kz_border_officer,
    kg_migration_supervisor,
    kz_migration_supervisor,
    registered_last_month,
    last_month,
    api,
):
    kg = registered_last_month(
        kg_border_officer, 9, nationalities=["AF"], given_name="Gulnara", family_name="Karimova"
    )
    kz = registered_last_month(kz_border_officer, 7, nationalities=["AF"])
    for supervisor in (kg_migration_supervisor, kz_migration_supervisor):
        response = api(supervisor).post(PUBLISH, {"period": last_month[0]}, format="json")
        assert response.status_code == 201
    return kg + kz


def test_the_regional_analyst_sees_states_side_by_side_and_summed(
    published, regional_analyst, last_month, api
):
    body = api(regional_analyst).get(REGIONAL).json()
    assert body["period"] == last_month[0]
    assert [s["code"] for s in body["states"]] == ["KG", "KZ"]
    nationality = next(t for t in body["tables"] if t["name"] == "registrations_by_nationality")
    afghans = next(r for r in nationality["rows"] if r["value"] == "AF")
    assert abs(afghans["by_state"][0] - 9) <= 2 and abs(afghans["by_state"][1] - 7) <= 2
    assert afghans["region"] == afghans["by_state"][0] + afghans["by_state"][1]
    assert body["series"]["rows"][0]["value"] == last_month[0]
    assert {c["state"] for c in body["comparison"]} == {"KG", "KZ"}


def test_nothing_unpublished_and_no_person_reaches_the_regional_analyst(
    published, regional_analyst, kz_migration_supervisor, tj_people, api, web
):
    text = api(regional_analyst).get(REGIONAL).content.decode()
    page = web(regional_analyst).get("/regional/").content.decode()
    for content in (text, page):
        assert "Gulnara" not in content and "Karimova" not in content
        assert not any(str(p.pk) in content or p.reference in content for p in published)
    # withdrawn: gone at once
    kz = api(kz_migration_supervisor).get(PUBLISH).json()["results"][0]
    api(kz_migration_supervisor).delete(f"{PUBLISH}{kz['id']}/")
    body = api(regional_analyst).get(REGIONAL).json()
    assert [s["code"] for s in body["states"]] == ["KG"]


@pytest.fixture
def tj_people(db):
    """Tajikistan registered people but published nothing."""
    return []


def test_the_regional_analyst_sees_no_person_anywhere(regional_analyst, api, web):
    assert api(regional_analyst).get("/api/v1/persons/").status_code == 403
    assert api(regional_analyst).get("/api/v1/statistics/").status_code == 403
    assert api(regional_analyst).get("/api/v1/statistics/trends/").status_code == 403
    assert web(regional_analyst).get("/people/").status_code == 403


def test_an_analyst_of_one_state_sees_only_her_states_publications(published, kz_analyst, api):
    body = api(kz_analyst).get(PUBLISH).json()
    assert {p["country"] for p in body["results"]} == {"KZ"}
    assert api(kz_analyst).get(REGIONAL).status_code == 403


ROLES = [
    "kg_border_officer",
    "kg_migration_caseworker",
    "kg_migration_supervisor",
    "kg_analyst",
    "kg_admin",
    "kg_unhcr_partner",
    "regional_analyst",
]
MATRIX = {
    ("get", "/api/v1/publications/"): [403, 403, 200, 200, 403, 403, 200],
    ("post", "/api/v1/publications/"): [403, 403, 400, 403, 403, 403, 403],
    ("get", "/api/v1/regional/"): [403, 403, 403, 403, 403, 403, 200],
    ("post", "/api/v1/regional/bundles/"): [403, 403, 403, 403, 400, 403, 400],
    ("page", "/regional/"): [403, 403, 403, 403, 403, 403, 200],
    ("page", "/regional/publications/"): [403, 403, 200, 403, 403, 403, 403],
}


@pytest.mark.parametrize(("method", "url"), list(MATRIX))
def test_role_matrix(request, api, web, method, url):
    for persona, status in zip(ROLES, MATRIX[(method, url)], strict=True):
        user = request.getfixturevalue(persona)
        if method == "page":
            got = web(user).get(url).status_code
        elif method == "post":
            got = api(user).post(url, {}, format="multipart" if "bundles" in url else "json")
            got = got.status_code
        else:
            got = api(user).get(url).status_code
        assert got == status, (persona, method, url, got)


def test_the_regional_page_shows_each_table_with_its_chart_in_russian(
    published, regional_analyst, web
):
    client = web(regional_analyst)
    page = client.get("/regional/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Региональная картина" in page and "<canvas" in page
    assert "Афганистан" in page
    for english in ("Regional picture", "People registered", "Region"):
        assert english not in page
