"""The trail: one row per read, and nothing can rewrite it."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from crossroads.audit.models import AppendOnlyError, AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_a_read_of_a_person_leaves_exactly_one_audit_row(kg_border_officer, register, api):
    person = register(kg_border_officer)
    before = AuditEvent.objects.filter(object_id=str(person.pk), action=AuditAction.READ).count()
    assert api(kg_border_officer).get(f"/api/v1/persons/{person.pk}/").status_code == 200
    rows = AuditEvent.objects.filter(object_id=str(person.pk), action=AuditAction.READ)
    assert rows.count() == before + 1
    row = rows.first()
    assert row.actor == kg_border_officer
    assert row.channel == "api"
    assert row.ip == "127.0.0.1"


def test_a_page_view_of_a_person_leaves_exactly_one_audit_row(kg_border_officer, register, web):
    person = register(kg_border_officer)
    web(kg_border_officer).get(f"/people/{person.pk}/")
    assert AuditEvent.objects.filter(object_id=str(person.pk), action="read").count() == 1


def test_the_audit_row_holds_no_personal_data(kg_border_officer, register, api):
    person = register(kg_border_officer, given_name="Gulnara", family_name="Karimova")
    api(kg_border_officer).get(f"/api/v1/persons/{person.pk}/")
    api(kg_border_officer).get("/api/v1/persons/", {"q": "Karimova"})
    for event in AuditEvent.objects.all():
        text = str(event.detail) + event.object_id
        assert "Gulnara" not in text and "Karimova" not in text


def test_registration_and_change_are_audited(kg_border_officer, register, api):
    person = register(kg_border_officer)
    api(kg_border_officer).patch(
        f"/api/v1/persons/{person.pk}/", {"family_name": "Sadykov", "version": 1}, format="json"
    )
    actions = list(
        AuditEvent.objects.filter(object_id=str(person.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[0] == "create"
    assert "update" in actions
    update = AuditEvent.objects.get(object_id=str(person.pk), action="update")
    assert update.detail == {"fields": ["family_name"]}


def test_a_refused_read_is_audited_as_denied(kg_border_officer, kz_border_officer, register, api):
    person = register(kg_border_officer)
    api(kz_border_officer).get(f"/api/v1/persons/{person.pk}/")
    assert (
        AuditEvent.objects.filter(
            object_id=str(person.pk), action="denied", actor=kz_border_officer
        ).count()
        == 1
    )


def test_the_orm_refuses_to_update_or_delete_an_audit_row(kg_border_officer):
    from crossroads.audit.writer import record

    event = record(kg_border_officer, AuditAction.LOGIN)
    event.action = "read"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="read")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_the_database_refuses_to_update_or_delete_an_audit_row(kg_border_officer):
    from crossroads.audit.writer import record

    event = record(kg_border_officer, AuditAction.LOGIN)
    for statement in (
        "UPDATE audit_auditevent SET action = 'read' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(Exception, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "login"


def test_a_supervisor_reads_the_trail_of_a_record(
    kg_border_officer, kg_migration_supervisor, kg_migration_caseworker, register, api
):
    person = register(kg_migration_caseworker)
    response = api(kg_migration_supervisor).get("/api/v1/audit/", {"record": str(person.pk)})
    assert response.status_code == 200
    assert response.json()["results"][-1]["action"] == "create"


def test_a_caseworker_may_not_read_the_trail(kg_migration_caseworker, register, api):
    person = register(kg_migration_caseworker)
    response = api(kg_migration_caseworker).get("/api/v1/audit/", {"record": str(person.pk)})
    assert response.status_code == 403


def test_logins_and_failed_logins_are_audited(kg_border_officer, client):
    from conftest import PASSWORD

    client.post("/login/", {"username": "kg_border_officer", "password": "wrong"})
    client.post("/login/", {"username": "kg_border_officer", "password": PASSWORD})
    assert AuditEvent.objects.filter(action="login_failed").count() == 1
    assert AuditEvent.objects.filter(action="login", actor=kg_border_officer).count() == 1
