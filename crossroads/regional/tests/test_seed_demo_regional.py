"""`crossroads seed-demo` gives the regional picture on first run: the regional analyst of
the Almaty Process secretariat, and each demo state's last closed month published."""

from __future__ import annotations

import io

import pytest


@pytest.mark.django_db
def test_seed_demo_adds_the_regional_analyst_and_publishes_the_last_closed_month(
    monkeypatch, tmp_path, settings, api
):
    from django.core.management import call_command

    from crossroads.accounts.models import User
    from crossroads.regional.models import Publication

    settings.CROSSROADS_HOME = tmp_path
    monkeypatch.setenv("CROSSROADS_DEMO_PASSWORD", "demo-password-for-tests")
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    analyst = User.objects.get(username="regional-analyst")
    assert analyst.roles == ["regional_analyst"] and analyst.agency.country_id is None
    assert analyst.check_password("demo-password-for-tests")
    published = Publication.objects.filter(withdrawn_at__isnull=True)
    assert sorted(published.values_list("country_id", flat=True)) == ["KG", "KZ", "TJ"]
    body = api(analyst).get("/api/v1/regional/").json()
    nationality = next(t for t in body["tables"] if t["name"] == "registrations_by_nationality")
    assert any(row["region"] for row in nationality["rows"])
