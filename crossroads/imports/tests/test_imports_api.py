"""Bulk imports through `imports/`: real CSV and XLSX files, dry run, run, report."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.imports.models import ImportJob
from crossroads.registry.models import Person

from .conftest import KOBO_HEADER, csv_bytes, kobo_rows, xlsx_bytes

pytestmark = pytest.mark.django_db

URL = "/api/v1/imports/"


def post(client, upload, content, name="people.csv", **fields):
    return client.post(URL, {"file": upload(content, name), **fields}, format="multipart")


def report(client, job_id, **params):
    return client.get(f"{URL}{job_id}/", params).json()


def test_a_kobo_export_is_dry_run_then_imported_and_nothing_doubled(
    kg_migration_supervisor, api, upload
):
    client = api(kg_migration_supervisor)
    content = csv_bytes(KOBO_HEADER, kobo_rows(30))
    dry = post(client, upload, content, dry_run="true")
    assert dry.status_code == 202, dry.json()
    job = report(client, dry.json()["id"])["job"]
    assert job["status"] == "done" and job["progress"] == 1.0
    assert job["layout"] == "kobo"
    assert job["counts"] == {"registered": 30}
    assert Person.objects.count() == 0

    run = post(client, upload, content, dry_run="false")
    assert report(client, run.json()["id"])["job"]["counts"] == {"registered": 30}
    assert Person.objects.count() == 30

    again = post(client, upload, content, dry_run="false")
    assert report(client, again.json()["id"])["job"]["counts"] == {"skipped_already_imported": 30}
    assert Person.objects.count() == 30


def test_every_imported_person_is_audited_as_registered_by_the_importing_user(
    kg_migration_supervisor, api, upload
):
    client = api(kg_migration_supervisor)
    post(client, upload, csv_bytes(KOBO_HEADER, kobo_rows(3)), dry_run="false")
    ids = {str(pk) for pk in Person.objects.values_list("pk", flat=True)}
    audited = set(
        AuditEvent.objects.filter(
            action="create", object_type="registry.person", actor=kg_migration_supervisor
        ).values_list("object_id", flat=True)
    )
    assert ids and ids == audited
    assert all(p.registered_by_id == kg_migration_supervisor.pk for p in Person.objects.all())


def test_a_windows_1251_csv_is_read_as_cyrillic(kg_migration_supervisor, api, upload):
    header = ["Имя", "Фамилия", "Пол", "Дата рождения", "Гражданство"]
    rows = [
        ["Айгуль", "Токтогулова", "ж", "1990-05-01", "KG"],
        ["Бахтияр", "Юсупов", "м", "1985", "UZ"],
    ]
    content = csv_bytes(header, rows, encoding="cp1251", delimiter=";")
    client = api(kg_migration_supervisor)
    response = post(client, upload, content, dry_run="false")
    assert response.status_code == 202, response.json()
    job = response.json()
    assert job["encoding"] == "cp1251"
    assert sorted(Person.objects.values_list("family_name", flat=True)) == [
        "Токтогулова",
        "Юсупов",
    ]


def test_a_real_xlsx_with_a_formula_reports_that_row_and_registers_the_others(
    kg_migration_supervisor, api, upload
):
    header = ["given_name", "family_name", "sex", "birth_date", "nationality"]
    rows = [
        ["Omid", "Karimi", "male", "2015-04", "AF"],
        ['=HYPERLINK("http://evil","x")', "Rahimi", "male", "1990", "AF"],
        ["Zahra", "Karimi", "female", "2018", "AF"],
    ]
    client = api(kg_migration_supervisor)
    response = post(client, upload, xlsx_bytes(header, rows), "people.xlsx", dry_run="false")
    body = report(client, response.json()["id"])
    assert body["job"]["counts"] == {"registered": 2, "invalid": 1}
    invalid = [r for r in body["report"]["results"] if r["outcome"] == "invalid"]
    assert invalid[0]["row"] == 3
    assert invalid[0]["errors"][0]["field"] == "given_name"
    assert "formula" in invalid[0]["errors"][0]["message"]
    assert not Person.objects.filter(family_name="Rahimi").exists()


def test_a_csv_formula_is_refused_not_stored(kg_migration_supervisor, api, upload):
    content = csv_bytes(["given_name", "family_name"], [["=cmd|' /C calc'!A0", "X"]])
    client = api(kg_migration_supervisor)
    job = post(client, upload, content, dry_run="false").json()
    assert job["counts"] == {"invalid": 1}
    assert Person.objects.count() == 0


def test_invalid_rows_name_the_field_and_the_reason(kg_migration_supervisor, api, upload):
    header = ["given_name", "family_name", "sex", "birth_date", "nationality", "country"]
    rows = [
        ["A", "B", "male", "2031-01-01", "AF", "KG"],
        ["C", "D", "purple", "1990", "AF", "KG"],
        ["E", "F", "male", "1990", "ZZ", "KG"],
        ["G", "H", "male", "1990", "AF", "KZ"],
        ["", "", "male", "1990", "AF", "KG"],
    ]
    client = api(kg_migration_supervisor)
    job = post(client, upload, csv_bytes(header, rows), dry_run="true").json()
    results = report(client, job["id"])["report"]["results"]
    fields = [r["errors"][0]["field"] for r in results]
    assert fields == ["birth_date", "sex", "nationality", "country", "given_name"]
    assert all(r["outcome"] == "invalid" for r in results)


def test_a_possible_duplicate_is_reported_with_whom_and_not_registered(
    kg_migration_supervisor, api, upload, register
):
    before = register(
        kg_migration_supervisor,
        given_name="Given00001",
        family_name="Family00001",
        sex="female",
        birth_date="1961-02-11",
        nationalities=["AF"],
    )
    client = api(kg_migration_supervisor)
    job = post(client, upload, csv_bytes(KOBO_HEADER, kobo_rows(3)), dry_run="false").json()
    body = report(client, job["id"], outcome="possible_duplicate")
    assert body["job"]["counts"]["possible_duplicate"] == 1
    assert body["report"]["results"][0]["duplicates"][0]["reference"] == before.reference
    assert Person.objects.count() == 3


def test_an_odk_export_with_groups_is_recognised(kg_migration_supervisor, api, upload):
    header = [
        "SubmissionDate",
        "reg-given_name",
        "reg-family_name",
        "reg-sex",
        "reg-age",
        "meta-instanceID",
        "KEY",
    ]
    rows = [["2026-11-01", "Karim", "Nazari", "male", "40", "uuid:1", "uuid:1"]]
    client = api(kg_migration_supervisor)
    job = post(client, upload, csv_bytes(header, rows), dry_run="false").json()
    assert job["layout"] == "odk" and job["counts"] == {"registered": 1}
    person = Person.objects.get()
    assert person.birth_date_estimated and person.birth_date_precision == "year"


def test_an_unknown_layout_asks_for_a_mapping_and_a_mapping_imports_it(
    kg_migration_supervisor, api, upload
):
    content = csv_bytes(["col_a", "col_b"], [["Karim", "Nazari"]])
    client = api(kg_migration_supervisor)
    response = post(client, upload, content, dry_run="false")
    assert response.status_code == 400
    assert "col_a" in response.json()["mapping"][0]
    mapped = post(
        client,
        upload,
        content,
        dry_run="false",
        mapping='{"given_name": "col_a", "family_name": "col_b"}',
    )
    assert mapped.status_code == 202, mapped.json()
    assert mapped.json()["layout"] == "mapped"
    assert Person.objects.get().family_name == "Nazari"
    wrong = post(client, upload, content, mapping='{"given_name": "nope"}')
    assert wrong.status_code == 400 and "mapping" in wrong.json()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"%PDF-1.4 not a table", "x.pdf"),
        (b"PK\x03\x04garbage", "x.xlsx"),
        (b"", "empty.csv"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old excel", "old.xls"),
        (bytes(range(256)) * 10, "random.bin"),
    ],
)
def test_a_file_that_is_not_csv_or_xlsx_is_a_400_naming_file(
    kg_migration_supervisor, api, upload, content, name
):
    response = post(api(kg_migration_supervisor), upload, content, name)
    assert response.status_code == 400, response.content
    assert "file" in response.json()
    assert ImportJob.objects.count() == 0


def test_too_many_rows_are_refused(kg_migration_supervisor, api, upload, monkeypatch):
    from crossroads.imports import reading

    monkeypatch.setattr(reading, "MAX_ROWS", 10)
    response = post(api(kg_migration_supervisor), upload, csv_bytes(KOBO_HEADER, kobo_rows(11)))
    assert response.status_code == 400
    assert "split" in response.json()["file"][0]


def test_only_supervisors_import_and_see_only_their_agencys_jobs(
    kg_migration_supervisor, kg_border_officer, kz_migration_supervisor, api, upload
):
    content = csv_bytes(KOBO_HEADER, kobo_rows(1))
    assert post(api(kg_border_officer), upload, content).status_code == 403
    job = post(api(kg_migration_supervisor), upload, content).json()
    assert api(kz_migration_supervisor).get(f"{URL}{job['id']}/").status_code == 404
    assert api(kz_migration_supervisor).get(URL).json()["count"] == 0


def test_a_stopped_import_resumes_where_it_stopped(
    kg_migration_supervisor, api, upload, monkeypatch
):
    from crossroads.imports import actions

    real = actions._process_row
    calls = {"n": 0}

    def dies_at_row_six(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 6:
            raise SystemExit("the worker was stopped")
        return real(*args, **kwargs)

    client = api(kg_migration_supervisor)
    monkeypatch.setattr(actions, "_process_row", dies_at_row_six)
    with pytest.raises(SystemExit):
        post(client, upload, csv_bytes(KOBO_HEADER, kobo_rows(10)), dry_run="false")
    job = ImportJob.objects.get()
    assert job.status == "running" and Person.objects.count() == 5
    monkeypatch.setattr(actions, "_process_row", real)
    resumed = client.post(f"{URL}{job.pk}/resume/")
    assert resumed.status_code == 202
    body = report(client, job.pk)
    assert body["job"]["status"] == "done"
    assert body["job"]["counts"] == {"registered": 10}
    assert Person.objects.count() == 10
    assert body["report"]["count"] == 10
