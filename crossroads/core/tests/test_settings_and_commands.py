"""The two environments, and the `crossroads` command itself."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest


def _crossroads(args, env_extra, tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "CROSSROADS_ENV", "DATABASE_URL"}
    }
    env.update({"CROSSROADS_HOME": str(tmp_path)}, **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "crossroads", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = _crossroads(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {
            "CROSSROADS_ENV": "production",
            "SECRET_KEY": "k" * 30 + "Zq9!xV2@pL7#mN4$rT6%yB8^",
            "ALLOWED_HOSTS": "crossroads.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        },
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_its_settings(tmp_path, missing):
    env = {
        "CROSSROADS_ENV": "production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    env.pop(missing)
    result = _crossroads(["check"], env, tmp_path)
    assert result.returncode == 2
    assert f"{missing} must be set" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_command_works_with_no_environment_set(tmp_path):
    result = _crossroads(["check"], {}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").exists()


def test_debug_is_off_unless_asked(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = _crossroads(["shell", "-c", code], {}, tmp_path)
    assert result.stdout.strip().splitlines()[-1] == "False"
    result = _crossroads(["shell", "-c", code], {"CROSSROADS_DEBUG": "1"}, tmp_path)
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_passwords_are_hashed_with_argon2_outside_tests():
    from crossroads.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_seed_demo_is_idempotent(monkeypatch, tmp_path, settings):
    from django.core.management import call_command

    from crossroads.accounts.models import Agency, User
    from crossroads.registry.models import Person

    monkeypatch.setenv("CROSSROADS_DEMO_PASSWORD", "demo-password-for-tests")
    call_command("seed_demo", stdout=io.StringIO())
    counts = (User.objects.count(), Agency.objects.count(), Person.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (User.objects.count(), Agency.objects.count(), Person.objects.count()) == counts
    assert Person.objects.count() >= 200
    assert set(Person.objects.values_list("name_script", flat=True)) >= {"Cyrl", "Latn", "Arab"}
    officer = User.objects.get(username="kg-officer")
    assert officer.check_password("demo-password-for-tests")
    assert officer.roles == ["officer"]
    assert {u.username for u in User.objects.filter(username__startswith="tj-")} >= {
        f"tj-{r}" for r in ("officer", "caseworker", "supervisor", "analyst", "admin", "partner")
    }
    assert User.objects.get(username="tj-child-caseworker").agency.kind == "child_protection"


def test_the_openapi_schema_is_valid_and_generates_without_warnings(tmp_path):
    result = _crossroads(
        ["spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml")],
        {"CROSSROADS_ENV": "test"},
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    schema = (tmp_path / "schema.yaml").read_text(encoding="utf-8")
    for path in (
        "/api/v1/persons/",
        "/api/v1/persons/{person_id}/",
        "/api/v1/countries/",
        "/api/v1/agencies/",
        "/api/v1/auth/token/",
        "/api/v1/audit/",
    ):
        assert f"{path}:" in schema


def test_the_crossroads_command_runs_the_screening_engine(tmp_path, capsys):
    import json

    from crossroads.cli import main

    path = tmp_path / "record.json"
    path.write_text(
        json.dumps({"country": "KG", "date": "2026-11-20", "statements": {"fear_of_return": True}}),
        encoding="utf-8",
    )
    assert main(["crossroads", "screen", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["pack"]["country"] == "KG"
    assert "international_protection" in [n["code"] for n in result["needs"]]
    path.write_text('{"country": "KG", "date": "2026-02-30"}', encoding="utf-8")
    assert main(["crossroads", "screen", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("date")


def test_the_crossroads_command_runs_dedupe_and_search(tmp_path, capsys):
    from crossroads.cli import main

    people = tmp_path / "people.csv"
    people.write_text(
        "id,given_name,family_name,patronymic,birth_date,sex,nationality\n"
        "1,Мухаммад,Рахимов,,1990-03-12,M,TJ\n"
        "2,MOHAMMAD,RAKHIMOV,,1990-03-12,M,TJ\n"
        "3,Гулнора,Каримова,,1985,F,UZ\n",
        encoding="utf-8",
    )
    clusters = tmp_path / "clusters.csv"
    assert main(["crossroads", "dedupe", str(people), "--clusters", str(clusters)]) == 0
    rows = clusters.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id,cluster_id" and len(rows) == 4
    found = tmp_path / "found.csv"
    assert (
        main(
            [
                "crossroads",
                "search",
                "--index",
                str(people),
                "--queries",
                str(people),
                "--top",
                "2",
                "--output",
                str(found),
            ]
        )
        == 0
    )
    assert "p50" in capsys.readouterr().out
    assert found.read_text(encoding="utf-8").splitlines()[0] == "query_id,rank,id,match_probability"
