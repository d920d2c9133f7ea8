"""`sync/`: records made offline arrive once, in any order, as often as they are sent;
a change made offline to a record changed meanwhile is a conflict kept with both values."""

from __future__ import annotations

import uuid

import pytest

from crossroads.offline.models import SyncConflict
from crossroads.registry.models import Person
from crossroads.screening.models import Screening

pytestmark = pytest.mark.django_db

URL = "/api/v1/sync/"


def person_item(**data):
    return {
        "client_id": str(uuid.uuid4()),
        "kind": "person",
        "made_at": "2026-12-07T03:00:00Z",
        "data": {
            "given_name": "Karim",
            "family_name": "Nazari",
            "sex": "male",
            "birth_date": "1990",
            **data,
        },
    }


def send(client, *items):
    response = client.post(URL, {"items": list(items)}, format="json")
    assert response.status_code == 200, response.json()
    return response.json()["items"]


def test_a_person_made_offline_is_created_once_however_often_it_is_sent(kg_border_officer, api):
    client = api(kg_border_officer)
    item = person_item()
    first = send(client, item)[0]
    assert first["outcome"] == "created" and first["reference"].startswith("KG-")
    again = send(client, item, item)
    assert [a["outcome"] for a in again] == ["already_received", "already_received"]
    assert {a["id"] for a in again} == {first["id"]}
    assert Person.objects.count() == 1


def test_a_reordered_batch_screens_the_person_it_registers(kg_border_officer, api):
    client = api(kg_border_officer)
    person = person_item()
    screening = {
        "client_id": str(uuid.uuid4()),
        "kind": "screening",
        "data": {
            "person_client_id": person["client_id"],
            "record": {
                "country": "KG",
                "date": "2026-12-07",
                "statements": {"fear_of_return": True},
            },
        },
    }
    answers = send(client, screening, person)
    assert [a["outcome"] for a in answers] == ["created", "created"]
    assert Screening.objects.get().person_id == uuid.UUID(answers[1]["id"])


def test_a_screening_of_a_person_not_yet_received_is_invalid_and_can_be_sent_again(
    kg_border_officer, api
):
    client = api(kg_border_officer)
    person = person_item()
    screening = {
        "client_id": str(uuid.uuid4()),
        "kind": "screening",
        "data": {
            "person_client_id": person["client_id"],
            "record": {"country": "KG", "date": "2026-12-07"},
        },
    }
    assert send(client, screening)[0]["outcome"] == "invalid"
    assert [a["outcome"] for a in send(client, person, screening)] == ["created", "created"]


def test_a_household_made_offline_is_registered_whole(kg_border_officer, api):
    item = {
        "client_id": str(uuid.uuid4()),
        "kind": "household",
        "data": {
            "members": [
                {"given_name": "Rahim", "family_name": "Karimi", "relationship": "head"},
                {"given_name": "Omid", "family_name": "Karimi", "relationship": "child", "age": 9},
            ]
        },
    }
    answer = send(api(kg_border_officer), item)[0]
    assert answer["outcome"] == "created" and len(answer["members"]) == 2


def test_an_invalid_item_saves_nothing_and_the_others_go_through(kg_border_officer, api):
    bad = person_item(birth_date="2031-01-01")
    good = person_item(given_name="Aziz")
    answers = send(api(kg_border_officer), bad, good)
    assert answers[0]["outcome"] == "invalid" and "birth_date" in answers[0]["errors"]
    assert answers[1]["outcome"] == "created"
    assert Person.objects.count() == 1
    bad["data"]["birth_date"] = "1991"
    assert send(api(kg_border_officer), bad)[0]["outcome"] == "created"


def test_a_person_possibly_registered_before_is_created_and_shown(kg_border_officer, api, register):
    register(
        kg_border_officer, given_name="Karim", family_name="Nazari", sex="male", birth_date="1990"
    )
    answer = send(api(kg_border_officer), person_item())[0]
    assert answer["outcome"] == "possible_duplicate"
    assert answer["possible_duplicates"] and answer["id"]
    assert Person.objects.count() == 2


def test_another_accounts_client_id_is_refused(kg_border_officer, kg_migration_caseworker, api):
    item = person_item()
    send(api(kg_border_officer), item)
    answer = send(api(kg_migration_caseworker), item)[0]
    assert answer["outcome"] == "invalid" and "client_id" in answer["errors"]
    assert "id" not in answer


def test_a_screening_of_another_states_person_is_invalid(
    kg_border_officer, kz_border_officer, api, register
):
    kz_person = register(kz_border_officer)
    item = {
        "client_id": str(uuid.uuid4()),
        "kind": "screening",
        "data": {"person": str(kz_person.pk), "record": {"country": "KG", "date": "2026-12-07"}},
    }
    assert send(api(kg_border_officer), item)[0]["outcome"] == "invalid"
    assert Screening.objects.count() == 0


def test_a_change_on_the_current_version_is_applied(kg_border_officer, api, register):
    person = register(kg_border_officer, given_name="Karim", family_name="Nazari")
    item = {
        "client_id": str(uuid.uuid4()),
        "kind": "person",
        "base_version": 1,
        "data": {"id": str(person.pk), "family_name": "Nazary"},
    }
    assert send(api(kg_border_officer), item)[0]["outcome"] == "updated"
    person.refresh_from_db()
    assert person.family_name == "Nazary" and person.version == 2


def test_a_change_to_a_record_changed_meanwhile_is_a_conflict_resolved_field_by_field(
    kg_border_officer, api, register
):
    person = register(
        kg_border_officer, given_name="Karim", family_name="Nazari", birth_date="1990"
    )
    client = api(kg_border_officer)
    online = client.patch(
        f"/api/v1/persons/{person.pk}/", {"version": 1, "family_name": "Nazarov"}, format="json"
    )
    assert online.status_code == 200
    offline = {
        "client_id": str(uuid.uuid4()),
        "kind": "person",
        "base_version": 1,
        "data": {"id": str(person.pk), "family_name": "Nazary", "birth_date": "1991"},
    }
    answer = send(client, offline)[0]
    assert answer["outcome"] == "conflict"
    assert answer["fields"]["family_name"] == {"offline": "Nazary", "server": "Nazarov"}
    person.refresh_from_db()
    assert person.family_name == "Nazarov" and person.birth_date == "1990"  # nothing overwritten
    assert send(client, offline)[0]["outcome"] == "already_received"
    assert SyncConflict.objects.count() == 1

    listed = client.get("/api/v1/sync/conflicts/").json()["results"]
    assert listed[0]["id"] == answer["conflict"]
    incomplete = client.post(
        f"/api/v1/sync/conflicts/{answer['conflict']}/resolve/",
        {"choices": {"family_name": "server"}},
        format="json",
    )
    assert incomplete.status_code == 400 and "birth_date" in incomplete.json()
    resolved = client.post(
        f"/api/v1/sync/conflicts/{answer['conflict']}/resolve/",
        {"choices": {"family_name": "server", "birth_date": "offline"}},
        format="json",
    )
    assert resolved.status_code == 200, resolved.json()
    assert resolved.json()["status"] == "resolved"
    person.refresh_from_db()
    assert person.family_name == "Nazarov" and person.birth_date == "1991"
    again = client.post(
        f"/api/v1/sync/conflicts/{answer['conflict']}/resolve/",
        {"choices": {"family_name": "server", "birth_date": "offline"}},
        format="json",
    )
    assert again.status_code == 409


def test_a_malformed_batch_is_a_400(kg_border_officer, api):
    client = api(kg_border_officer)
    assert client.post(URL, {"items": "x"}, format="json").status_code == 400
    assert client.post(URL, {"items": [{"kind": "person"}]}, format="json").status_code == 400
    truncated = client.post(URL, '{"items": [{"client_id": "', content_type="application/json")
    assert truncated.status_code == 400
    assert Person.objects.count() == 0


def test_the_conflict_page_resolves_field_by_field(kg_border_officer, api, register, client):
    person = register(kg_border_officer, given_name="Karim", family_name="Nazari")
    api_client = api(kg_border_officer)
    api_client.patch(
        f"/api/v1/persons/{person.pk}/", {"version": 1, "family_name": "Nazarov"}, format="json"
    )
    answer = send(
        api_client,
        {
            "client_id": str(uuid.uuid4()),
            "kind": "person",
            "base_version": 1,
            "data": {"id": str(person.pk), "family_name": "Nazary"},
        },
    )[0]
    client.force_login(kg_border_officer)
    assert person.reference in client.get("/offline/conflicts/").content.decode()
    page = client.get(f"/offline/conflicts/{answer['conflict']}/").content.decode()
    assert "Nazary" in page and "Nazarov" in page
    assert (
        client.post(
            f"/offline/conflicts/{answer['conflict']}/", {"family_name": "offline"}
        ).status_code
        == 302
    )
    person.refresh_from_db()
    assert person.family_name == "Nazary"


def test_reading_conflicts_leaves_audit_rows_and_hides_other_agencies(
    kg_border_officer, kg_migration_caseworker, api, register, client
):
    """The conflicts show a person's names and values: the list and the page each leave
    their audit row, and another agency's account neither sees nor opens them."""
    from crossroads.audit.models import AuditEvent

    person = register(kg_border_officer, given_name="Karim", family_name="Nazari")
    api_client = api(kg_border_officer)
    api_client.patch(
        f"/api/v1/persons/{person.pk}/", {"version": 1, "family_name": "Nazarov"}, format="json"
    )
    answer = send(
        api_client,
        {
            "client_id": str(uuid.uuid4()),
            "kind": "person",
            "base_version": 1,
            "data": {"id": str(person.pk), "family_name": "Nazary"},
        },
    )[0]
    client.force_login(kg_border_officer)
    client.get("/offline/conflicts/")
    listed = AuditEvent.objects.filter(action="list", actor=kg_border_officer).last()
    assert listed is not None and str(person.pk) in listed.detail["ids"]
    api_client.get("/api/v1/sync/conflicts/")
    assert AuditEvent.objects.filter(action="list", actor=kg_border_officer).count() == 2
    client.get(f"/offline/conflicts/{answer['conflict']}/")
    assert AuditEvent.objects.filter(
        action="read", actor=kg_border_officer, object_id=str(person.pk)
    ).exists()
    other = api(kg_migration_caseworker).get("/api/v1/sync/conflicts/").json()["results"]
    assert other == []
    client.force_login(kg_migration_caseworker)
    assert client.get(f"/offline/conflicts/{answer['conflict']}/").status_code == 404
