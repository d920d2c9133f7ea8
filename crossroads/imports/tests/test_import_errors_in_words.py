"""A row's errors as a reader reads them: the page names the field by its label in the
reader's language (never its code) and says why in that language; the API keeps `field`
codes and adds the label; the command line keeps codes."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from crossroads.imports.models import ImportJob

from .conftest import KOBO_HEADER, csv_bytes, kobo_rows

pytestmark = pytest.mark.django_db

FORM = {
    "given_name": "person/given_name",
    "family_name": "person/family_name",
    "sex": "person/sex",
    "birth_date": "person/birth_date",
    "nationality": "person/nationality",
    "age": "person/age",
}


def _bad_rows() -> list[list[str]]:
    rows = kobo_rows(2)
    rows[0][5] = "1990-02-30"  # person/birth_date: not a real date
    rows[1][2] = rows[1][3] = ""  # no name at all
    return rows


def _dry_run(client, upload) -> ImportJob:
    response = client.post("/imports/", {"file": upload(csv_bytes(KOBO_HEADER, _bad_rows()))})
    client.post(response["Location"], FORM)
    return ImportJob.objects.get()


def test_the_dry_run_page_names_fields_by_their_russian_label(kg_migration_supervisor, web, upload):
    client = web(kg_migration_supervisor)
    job = _dry_run(client, upload)
    assert job.counts == {"invalid": 2}
    client.cookies["django_language"] = "ru"
    page = client.get(f"/imports/{job.pk}/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    report = page[page.index('id="import-report"') :]
    assert "birth_date" not in report and "given_name" not in report
    assert "Дата рождения" in report and "Имя" in report
    # The reason too, in Russian, although the job ran in the background in English.
    assert "1990-02-30 — несуществующая дата." in report
    assert "Укажите хотя бы имя или фамилию." in report
    assert "is not a real date" not in report


def test_the_dry_run_page_in_english_names_the_fields_in_english(
    kg_migration_supervisor, web, upload
):
    client = web(kg_migration_supervisor)
    job = _dry_run(client, upload)
    page = client.get(f"/imports/{job.pk}/").content.decode()
    report = page[page.index('id="import-report"') :]
    assert "<b>Birth date</b>: 1990-02-30 is not a real date." in report
    assert "<b>Given name</b>: Give at least a given name or a family name." in report
    assert "birth_date" not in report


def test_the_api_keeps_field_codes_and_adds_the_label_in_the_readers_language(
    kg_migration_supervisor, web, upload, api
):
    job = _dry_run(web(kg_migration_supervisor), upload)
    response = api(kg_migration_supervisor).get(
        f"/api/v1/imports/{job.pk}/", HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 200
    errors = [e for row in response.json()["report"]["results"] for e in row["errors"]]
    assert {e["field"] for e in errors} == {"birth_date", "given_name"}
    assert set(errors[0]) == {"field", "label", "message"}
    labels = {e["field"]: e["label"] for e in errors}
    assert labels == {"birth_date": "Дата рождения", "given_name": "Имя"}


def test_the_command_line_report_keeps_field_codes(kg_migration_supervisor, tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_bytes(csv_bytes(KOBO_HEADER, _bad_rows()))
    call_command(
        "import", str(path), "--dry-run", "--user", kg_migration_supervisor.username, "--report"
    )
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    errors = [e for line in lines for e in line.get("errors", [])]
    assert {e["field"] for e in errors} == {"birth_date", "given_name"}
    assert all(set(e) == {"field", "message"} for e in errors)
