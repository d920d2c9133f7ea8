"""`GET /api/v1/audit/?record=<id>`: the trail of one record, for supervisors only."""

from __future__ import annotations

import uuid

import pytest
from django.utils import timezone

from crossroads.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

URL = "/api/v1/audit/"


def test_a_supervisor_reads_the_trail_of_a_person_newest_first(
    kg_migration_caseworker, kg_migration_supervisor, register, api
):
    person = register(kg_migration_caseworker)
    api(kg_migration_caseworker).get(f"/api/v1/persons/{person.pk}/")
    response = api(kg_migration_supervisor).get(URL, {"record": str(person.pk)})
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["action"] for row in rows] == ["read", "create"]
    assert rows[0]["actor_username"] == "kg_migration_caseworker"
    assert "id" not in rows[0]  # no sequential identifiers in the API


def test_the_trail_of_a_person_takes_in_their_screenings(
    kg_migration_caseworker, kg_migration_supervisor, register, api
):
    from crossroads.screening.actions import screen_person

    person = register(kg_migration_caseworker)
    screening = screen_person(
        acting_user=kg_migration_caseworker,
        person_id=person.pk,
        record_data={"country": "KG", "date": timezone.localdate().isoformat()},
    )
    rows = api(kg_migration_supervisor).get(URL, {"record": str(person.pk)}).json()["results"]
    assert str(screening.pk) in {row["object_id"] for row in rows}
    own = api(kg_migration_supervisor).get(URL, {"record": str(screening.pk)}).json()["results"]
    assert {row["object_id"] for row in own} == {str(screening.pk)}


@pytest.mark.parametrize(
    "persona",
    ["kg_border_officer", "kg_migration_caseworker", "kg_analyst", "kg_admin", "kg_unhcr_partner"],
)
def test_only_supervisors_read_the_trail_and_others_learn_nothing_else(request, persona, api):
    client = api(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"record": str(uuid.uuid4())}).status_code == 403


@pytest.mark.parametrize("value", ["", "not-a-uuid", "1 OR 1=1"])
def test_a_missing_or_malformed_record_is_a_400_naming_it(kg_migration_supervisor, api, value):
    response = api(kg_migration_supervisor).get(URL, {"record": value})
    assert response.status_code == 400
    assert "record" in response.json()


def test_a_record_of_another_state_answers_like_one_that_does_not_exist(
    kz_border_officer, kg_migration_supervisor, register, api
):
    person = register(kz_border_officer)
    client = api(kg_migration_supervisor)
    not_yours = client.get(URL, {"record": str(person.pk)})
    no_such = client.get(URL, {"record": str(uuid.uuid4())})
    assert not_yours.status_code == no_such.status_code == 404
    assert not_yours.json() == no_such.json()


def test_reading_the_trail_is_itself_audited(
    kg_migration_caseworker, kg_migration_supervisor, register, api
):
    person = register(kg_migration_caseworker)
    api(kg_migration_supervisor).get(URL, {"record": str(person.pk)})
    row = AuditEvent.objects.filter(actor=kg_migration_supervisor).order_by("-id").first()
    assert (row.action, row.object_type, row.object_id) == (
        "read",
        "registry.person",
        str(person.pk),
    )
    assert row.detail == {"view": "audit_trail"}
