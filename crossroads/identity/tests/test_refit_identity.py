"""`crossroads refit-identity --country XX` (issue 15): a new model version fitted on the
state's register and its supervisors' decisions, stored and active, with a report; past
decisions and queued candidates keep the version and the scores they were given."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from crossroads.identity.model_versions import active_model, decisions_of
from crossroads.identity.models import DuplicateCandidate, IdentityModelVersion

pytestmark = pytest.mark.django_db

NAMES = [
    ("Гулнора", "Каримова", "1988-05-01", "female"),
    ("GULNORA", "KARIMOVA", "1988-05-01", "female"),
    ("Зарина", "Каримова", "1990-02-11", "female"),
    ("ZARINA", "KARIMOVA", "1990-02-11", "female"),
    ("Бахтиёр", "Рахимов", "1985-07-19", "male"),
    ("Фарход", "Рахимов", "1987-03-02", "male"),
]


@pytest.fixture
def register_with_decisions(kg_migration_caseworker, kg_migration_supervisor, register, api):
    people = [
        register(
            kg_migration_caseworker,
            given_name=g,
            family_name=f,
            birth_date=d,
            sex=s,
            nationalities=["UZ"],
        )
        for g, f, d, s in NAMES
    ]
    client = api(kg_migration_supervisor)
    candidates = list(DuplicateCandidate.objects.order_by("probability"))
    assert len(candidates) >= 2
    merged, distinct = candidates[-1], candidates[0]
    response = client.post(
        "/api/v1/merges/",
        {"kept": str(merged.person_a_id), "merged": str(merged.person_b_id), "reason": "same"},
        format="json",
    )
    assert response.status_code == 201
    response = client.post(
        f"/api/v1/duplicates/{distinct.pk}/distinct/", {"reason": "sisters"}, format="json"
    )
    assert response.status_code in (200, 201), response.content
    return people


def test_refit_stores_an_active_version_with_a_report(register_with_decisions) -> None:
    before = {
        c.pk: (c.status, c.probability, c.explanation) for c in DuplicateCandidate.objects.all()
    }
    out = io.StringIO()
    call_command("refit_identity", "--country", "KG", stdout=out)
    stored = IdentityModelVersion.objects.get(active=True)
    assert stored.country_id == "KG"
    assert stored.base_version == "offline-fit"
    assert stored.report["decided_same"] == 1 and stored.report["decided_distinct"] == 1
    assert stored.version in out.getvalue()
    assert "no decision and no queued candidate was changed" in out.getvalue()
    # past decisions and queued candidates: untouched
    after = {
        c.pk: (c.status, c.probability, c.explanation) for c in DuplicateCandidate.objects.all()
    }
    assert after == before
    assert active_model("KG") is not None and active_model("KG").version == stored.version


def test_a_second_refit_replaces_the_active_version_and_keeps_the_first(
    register_with_decisions,
) -> None:
    call_command("refit_identity", "--country", "KG", stdout=io.StringIO())
    call_command("refit_identity", "--country", "KG", stdout=io.StringIO())
    versions = list(IdentityModelVersion.objects.order_by("created_at"))
    assert len(versions) == 2
    assert [v.active for v in versions] == [False, True]
    assert versions[1].base_version == versions[0].version


def test_decisions_become_labelled_pairs(register_with_decisions) -> None:
    labels = sorted(d.label for d in decisions_of("KG"))
    assert labels == ["distinct", "merged"]


def test_matches_found_after_a_refit_name_the_version(register_with_decisions) -> None:
    from crossroads.identity.matching import find_candidates, records_of

    call_command("refit_identity", "--country", "KG", stdout=io.StringIO())
    version = IdentityModelVersion.objects.get(active=True).version
    person = register_with_decisions[5]
    found = find_candidates("KG", records_of(person), exclude=[])
    assert found
    assert all(f.match.explanation["model"].endswith(version) for f in found)


def test_an_unknown_state_is_refused() -> None:
    with pytest.raises(CommandError):
        call_command("refit_identity", "--country", "XX", stdout=io.StringIO())
