"""What a caseworker needs, through the API as on the pages: the work queue overdue
first, tasks with deadlines, notes, documents, services, the timeline and the approval
queue; every read and write leaves its audit row."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from crossroads.audit.models import AuditEvent
from crossroads.cases import actions
from crossroads.cases.models import Case

from .conftest import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(kg_migration_caseworker, register, open_case):
    return open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="regularisation"
    )


def test_the_work_queue_puts_overdue_first(
    kg_migration_caseworker, kg_migration_supervisor, register, api
):
    calm = actions.open_case(
        acting_user=kg_migration_caseworker,
        person_id=register(kg_migration_caseworker).pk,
        type="return",
    )
    late = actions.open_case(
        acting_user=kg_migration_caseworker,
        person_id=register(kg_migration_caseworker).pk,
        type="regularisation",
    )
    theirs = actions.open_case(
        acting_user=kg_migration_supervisor,
        person_id=register(kg_migration_caseworker).pk,
        type="regularisation",
    )
    Case.objects.filter(pk=theirs.pk).update(assignee=kg_migration_supervisor)
    actions.add_task(
        acting_user=kg_migration_caseworker,
        case_id=calm.pk,
        title="Call lawyer",
        due=dt.date.today() + dt.timedelta(days=5),
    )
    actions.add_task(
        acting_user=kg_migration_caseworker,
        case_id=late.pk,
        title="Get lease",
        due=dt.date.today() - dt.timedelta(days=2),
    )
    queue = api(kg_migration_caseworker).get("/api/v1/cases/queue/").json()
    assert [item["case"]["id"] for item in queue] == [str(late.pk), str(calm.pk)]
    assert queue[0]["overdue"] is True and queue[0]["what"] == "Get lease"
    assert queue[1]["overdue"] is False
    # The supervisor watches every open case of the agency.
    ids = {i["case"]["id"] for i in api(kg_migration_supervisor).get("/api/v1/cases/queue/").json()}
    assert ids == {str(late.pk), str(calm.pk), str(theirs.pk)}
    row = AuditEvent.objects.filter(object_type="cases.case", action="list").latest("id")
    assert row.detail["count"] == 3


def test_tasks_with_deadlines_are_added_listed_and_done(kg_migration_caseworker, case, api):
    client = api(kg_migration_caseworker)
    made = client.post(
        f"/api/v1/cases/{case.id}/tasks/",
        {"title": "Ask the employer for a letter", "due": days_ago(-3)},
        format="json",
    )
    assert made.status_code == 201 and made.json()["due"] == days_ago(-3)
    assert client.post(f"/api/v1/cases/{case.id}/tasks/", {}, format="json").status_code == 400
    listed = client.get(f"/api/v1/cases/{case.id}/tasks/").json()
    assert [t["title"] for t in listed] == ["Ask the employer for a letter"]
    done = client.post(f"/api/v1/cases/tasks/{made.json()['id']}/done/")
    assert done.status_code == 200 and done.json()["done"] is True
    assert done.json()["done_by"] == kg_migration_caseworker.username


def test_notes_and_services_are_recorded_and_listed(kg_migration_caseworker, case, api):
    client = api(kg_migration_caseworker)
    note = client.post(
        f"/api/v1/cases/{case.id}/notes/", {"text": "Met at the Osh office."}, format="json"
    )
    assert note.status_code == 201
    assert [n["text"] for n in client.get(f"/api/v1/cases/{case.id}/notes/").json()] == [
        "Met at the Osh office."
    ]
    service = client.post(
        f"/api/v1/cases/{case.id}/services/",
        {
            "service": "Legal counselling",
            "provider": "Legal aid centre",
            "delivered_on": days_ago(1),
        },
        format="json",
    )
    assert service.status_code == 201
    future = client.post(
        f"/api/v1/cases/{case.id}/services/",
        {"service": "Legal counselling", "delivered_on": days_ago(-1)},
        format="json",
    )
    assert future.status_code == 400 and "delivered_on" in future.json()
    listed = client.get(f"/api/v1/cases/{case.id}/services/").json()
    assert [s["service"] for s in listed] == ["Legal counselling"]
    assert AuditEvent.objects.filter(object_type="cases.note", action="create").exists()
    assert AuditEvent.objects.filter(object_type="cases.servicedelivered", action="create").exists()


def test_documents_are_listed_and_downloaded_through_the_api_and_each_download_audited(
    kg_migration_caseworker, kz_migration_caseworker, case, api
):
    client = api(kg_migration_caseworker)
    uploaded = client.post(
        f"/api/v1/cases/{case.id}/documents/",
        {"title": "Lease", "file": SimpleUploadedFile("lease.pdf", b"%PDF-1.4 lease")},
        format="multipart",
    )
    assert uploaded.status_code == 201
    listed = client.get(f"/api/v1/cases/{case.id}/documents/").json()
    assert [d["title"] for d in listed] == ["Lease"]
    response = client.get(listed[0]["download"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 lease"
    assert AuditEvent.objects.filter(
        object_type="cases.casedocument", object_id=listed[0]["id"], action="read"
    ).exists()
    assert api(kz_migration_caseworker).get(listed[0]["download"]).status_code == 404


def test_the_timeline_holds_everything_in_time_order(kg_migration_caseworker, case, api):
    client = api(kg_migration_caseworker)
    case.ok(kg_migration_caseworker, "check_eligibility", years_in_country=8)
    client.post(f"/api/v1/cases/{case.id}/notes/", {"text": "Eligible."}, format="json")
    client.post(f"/api/v1/cases/{case.id}/tasks/", {"title": "Collect documents"}, format="json")
    timeline = client.get(f"/api/v1/cases/{case.id}/timeline/").json()
    assert [e["kind"] for e in timeline] == ["transition", "transition", "note", "task"]
    assert timeline[1]["item"]["name"] == "check_eligibility"
    assert timeline[1]["item"]["data"]["eligible"] is True
    assert timeline[2]["by"] == kg_migration_caseworker.username
    reads = AuditEvent.objects.filter(object_id=case.id, action="read", detail__view="timeline")
    assert reads.count() == 1


def test_the_history_names_who_when_from_to_and_reasons(kg_migration_caseworker, case, api):
    case.ok(kg_migration_caseworker, "withdraw", date=days_ago(0), reasons="Moving to Osh.")
    history = api(kg_migration_caseworker).get(f"/api/v1/cases/{case.id}/history/").json()
    last = history[-1]
    assert (last["name"], last["from_state"], last["to_state"]) == ("withdraw", "open", "closed")
    assert last["by"] == kg_migration_caseworker.username and last["reasons"] == "Moving to Osh."
    assert last["at"]


def test_the_approval_queue_is_read_by_supervisors_and_audited(
    kg_border_officer,
    kg_asylum_caseworker,
    kg_asylum_supervisor,
    register,
    referral,
    open_case,
    api,
):
    person = register(kg_border_officer)
    case = open_case(
        kg_asylum_caseworker,
        referral=referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker).pk,
    )
    case.ok(kg_asylum_caseworker, "register_claim")
    case.ok(
        kg_asylum_caseworker,
        "record_interview",
        interviewer="a",
        interpreter_language="prs",
        interview_record="r",
    )
    case.go(kg_asylum_caseworker, "decide", outcome="rejected", reasons="Not credible.")
    queue = api(kg_asylum_supervisor).get("/api/v1/cases/approvals/").json()["results"]
    assert [(a["case"], a["transition"]) for a in queue] == [(case.id, "decide")]
    assert queue[0]["data"]["reasons"] == "Not credible."
    row = AuditEvent.objects.filter(object_type="cases.approval", action="list").latest("id")
    assert row.detail["ids"] == [queue[0]["id"]]


def test_the_work_queue_page_offers_to_open_a_case_from_an_accepted_referral(
    kg_border_officer, kg_asylum_caseworker, register, referral, web
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    html = web(kg_asylum_caseworker).get("/cases/").content.decode()
    assert accepted.reference in html and f'id="open-case-{accepted.pk}"' in html
    actions.open_case(acting_user=kg_asylum_caseworker, referral_id=accepted.pk)
    html = web(kg_asylum_caseworker).get("/cases/").content.decode()
    assert f'id="open-case-{accepted.pk}"' not in html
