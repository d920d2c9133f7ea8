"""The import pages (upload, columns, dry run, import) and `crossroads import`."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from crossroads.imports.models import ImportJob
from crossroads.registry.models import Person

from .conftest import KOBO_HEADER, csv_bytes, kobo_rows

pytestmark = pytest.mark.django_db


def test_upload_map_dry_run_then_import_on_the_pages(kg_migration_supervisor, web, upload):
    client = web(kg_migration_supervisor)
    response = client.post("/imports/", {"file": upload(csv_bytes(KOBO_HEADER, kobo_rows(4)))})
    assert response.status_code == 302
    mapping_page = client.get(response["Location"])
    assert "KoboToolbox" in mapping_page.content.decode()
    form = {
        "given_name": "person/given_name",
        "family_name": "person/family_name",
        "sex": "person/sex",
        "birth_date": "person/birth_date",
        "nationality": "person/nationality",
        "age": "person/age",
    }
    dry = client.post(response["Location"], form)
    assert dry.status_code == 302
    job = ImportJob.objects.get()
    assert job.dry_run and job.layout == "kobo" and job.status == "done"
    page = client.get(dry["Location"]).content.decode()
    assert 'id="import-progress"' in page and 'id="run-import"' in page
    run = client.post(f"/imports/{job.pk}/run/")
    assert run.status_code == 302
    assert Person.objects.count() == 4


def test_a_file_that_is_not_a_table_is_refused_on_the_page(kg_migration_supervisor, web, upload):
    response = web(kg_migration_supervisor).post(
        "/imports/", {"file": upload(b"%PDF-1.4", "scan.pdf")}
    )
    assert response.status_code == 200
    assert "neither CSV nor XLSX" in response.content.decode()


def test_an_officer_has_no_import_page(kg_border_officer, web):
    assert web(kg_border_officer).get("/imports/").status_code == 403


def test_the_command_line_dry_run_prints_progress_and_counts(
    kg_migration_supervisor, tmp_path, capsys
):
    path = tmp_path / "kobo.csv"
    path.write_bytes(csv_bytes(KOBO_HEADER, kobo_rows(60)))
    call_command("import", str(path), "--dry-run", "--user", kg_migration_supervisor.username)
    out, err = capsys.readouterr()
    assert '"registered": 60' in out
    assert "100% 60/60" in err
    assert Person.objects.count() == 0


def test_the_command_line_refuses_an_unknown_user_in_one_line(tmp_path, capsys, db):
    path = tmp_path / "kobo.csv"
    path.write_bytes(csv_bytes(KOBO_HEADER, kobo_rows(1)))
    with pytest.raises(SystemExit) as exit_:
        call_command("import", str(path), "--dry-run", "--user", "nobody")
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("--user:") and len(err.splitlines()) == 1


def test_the_command_line_names_the_file_field(kg_migration_supervisor, tmp_path, capsys):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing")
    with pytest.raises(SystemExit) as exit_:
        call_command("import", str(bad), "--user", kg_migration_supervisor.username)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("file: ") and len(err.splitlines()) == 1
