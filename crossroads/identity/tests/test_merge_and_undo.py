"""Supervisors merge duplicates with a reason; nothing is lost and a merge can be undone."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.identity.models import DuplicateCandidate
from crossroads.registry.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(kg_migration_caseworker, register):
    from crossroads.registry.actions import PersonData, register_person

    a = register(
        kg_migration_caseworker,
        given_name="Гулнора",
        family_name="Каримова",
        birth_date="1988-05-01",
        sex="female",
        nationalities=["UZ"],
    )
    b = register_person(
        acting_user=kg_migration_caseworker,
        data=PersonData(
            values={
                "given_name": "GULNORA",
                "family_name": "KARIMOVA",
                "birth_date": "1988-05-01",
                "sex": "female",
                "nationalities": ["UZ"],
            },
            documents=[{"type": "passport", "number": "FA1234567", "issuing_state": "UZ"}],
        ),
    )
    return a, b


def test_a_registration_duplicate_appears_in_the_supervisors_queue(
    pair, kg_migration_supervisor, api
):
    response = api(kg_migration_supervisor).get("/api/v1/duplicates/")
    assert response.status_code == 200
    ids = {
        response.json()["results"][0]["person_a"]["id"],
        response.json()["results"][0]["person_b"]["id"],
    }
    assert ids == {str(pair[0].pk), str(pair[1].pk)}


def test_an_officer_may_not_see_the_queue_or_merge(pair, kg_migration_caseworker, api):
    assert api(kg_migration_caseworker).get("/api/v1/duplicates/").status_code == 403
    response = api(kg_migration_caseworker).post(
        "/api/v1/merges/",
        {"kept": str(pair[0].pk), "merged": str(pair[1].pk), "reason": "same"},
        format="json",
    )
    assert response.status_code == 403


def test_a_merge_keeps_every_document_and_name_and_can_be_undone(
    pair, kg_migration_supervisor, api
):
    kept, merged = pair
    client = api(kg_migration_supervisor)
    response = client.post(
        "/api/v1/merges/",
        {"kept": str(kept.pk), "merged": str(merged.pk), "reason": "Same passport photo"},
        format="json",
    )
    assert response.status_code == 201
    merge_id = response.json()["id"]
    view = client.get(f"/api/v1/persons/{kept.pk}/").json()
    assert [d["number"] for d in view["documents"]] == ["FA1234567"]
    assert any(a["given_name"] == "GULNORA" for a in view["aliases"])
    # The merged record's address leads to the kept one (see test_merged_record_address).
    assert client.get(f"/api/v1/persons/{merged.pk}/").status_code == 307
    assert DuplicateCandidate.objects.get().status == "merged"
    assert AuditEvent.objects.filter(object_id=str(merged.pk), detail__merge=merge_id).exists()

    undone = client.post(
        f"/api/v1/merges/{merge_id}/undo/", {"reason": "Twins after all"}, format="json"
    )
    assert undone.status_code == 200
    assert (
        client.get(f"/api/v1/persons/{merged.pk}/").json()["documents"][0]["number"] == "FA1234567"
    )
    assert client.get(f"/api/v1/persons/{kept.pk}/").json()["documents"] == []
    assert not any(
        a["given_name"] == "GULNORA"
        for a in client.get(f"/api/v1/persons/{kept.pk}/").json()["aliases"]
    )
    assert (
        client.post(
            f"/api/v1/merges/{merge_id}/undo/", {"reason": "again"}, format="json"
        ).status_code
        == 409
    )


def test_a_merge_needs_a_reason(pair, kg_migration_supervisor, api):
    response = api(kg_migration_supervisor).post(
        "/api/v1/merges/",
        {"kept": str(pair[0].pk), "merged": str(pair[1].pk), "reason": ""},
        format="json",
    )
    assert response.status_code == 400
    assert Person.objects.filter(merged_into__isnull=False).count() == 0


def test_different_people_are_recorded_with_a_reason(pair, kg_migration_supervisor, api):
    candidate = DuplicateCandidate.objects.get()
    response = api(kg_migration_supervisor).post(
        f"/api/v1/duplicates/{candidate.pk}/distinct/", {"reason": "Twins"}, format="json"
    )
    assert response.status_code == 200
    assert api(kg_migration_supervisor).get("/api/v1/duplicates/").json()["count"] == 0


def test_the_batch_run_queues_pairs_within_clusters(kg_migration_caseworker, register):
    from crossroads.identity.batch import find_duplicates

    for given, family in [("Azamat", "Toktogulov"), ("АЗАМАТ", "ТОКТОГУЛОВ")]:
        register(
            kg_migration_caseworker,
            given_name=given,
            family_name=family,
            birth_date="1979-11-30",
            sex="male",
        )
    DuplicateCandidate.objects.all().delete()
    result = find_duplicates("KG")
    assert result["queued"] == 1
    assert DuplicateCandidate.objects.get().source == "batch"


def test_the_review_page_merges_and_undoes(pair, kg_migration_supervisor, web):
    client = web(kg_migration_supervisor)
    candidate = DuplicateCandidate.objects.get()
    assert "GULNORA" in client.get("/identity/duplicates/").content.decode()
    client.post(
        f"/identity/duplicates/{candidate.pk}/decide/",
        {"decision": "merge", "keep": "a", "reason": "Same person"},
    )
    assert Person.objects.filter(merged_into__isnull=False).count() == 1


def test_a_merge_answers_how_many_rows_moved_never_their_internal_ids(
    pair, kg_migration_supervisor, api
):
    kept, merged = pair
    response = api(kg_migration_supervisor).post(
        "/api/v1/merges/",
        {"kept": str(kept.pk), "merged": str(merged.pk), "reason": "Same passport photo"},
        format="json",
    )
    moved = response.json()["moved"]
    assert moved["registry.identitydocument"] == 1
    assert all(isinstance(count, int) for count in moved.values())
