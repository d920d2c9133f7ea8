"""The address of a record merged into another leads to the kept record, with a notice:
on the pages (a redirect) and in the API (307 with `Location`); never to a record the
user may not see."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged_pair(kg_migration_supervisor, register):
    from crossroads.identity.actions import merge_persons

    kept = register(kg_migration_supervisor, given_name="Gulnora", family_name="Karimova")
    merged = register(kg_migration_supervisor, given_name="GULNORA", family_name="KARIMOVA")
    merge_persons(
        acting_user=kg_migration_supervisor, kept_id=kept.pk, merged_id=merged.pk, reason="same"
    )
    return kept, merged


def test_the_page_of_a_merged_record_leads_to_the_kept_one(
    merged_pair, kg_migration_supervisor, web
):
    kept, merged = merged_pair
    client = web(kg_migration_supervisor)
    response = client.get(f"/people/{merged.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/people/{kept.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "This record was merged into the one shown here" in page


def test_the_api_answers_a_merged_record_with_the_kept_ones_address(
    merged_pair, kg_migration_supervisor, api
):
    kept, merged = merged_pair
    response = api(kg_migration_supervisor).get(f"/api/v1/persons/{merged.pk}/")
    assert response.status_code == 307
    assert response["Location"] == f"/api/v1/persons/{kept.pk}/"
    assert response.json()["merged_into"] == str(kept.pk)


def test_another_states_officer_still_gets_not_found(merged_pair, kz_border_officer, api, web):
    _kept, merged = merged_pair
    assert api(kz_border_officer).get(f"/api/v1/persons/{merged.pk}/").status_code == 404
    assert web(kz_border_officer).get(f"/people/{merged.pk}/").status_code == 404
