"""Every protection case carries a durable solution whose progress (planned, in progress,
achieved) the caseworker keeps up to date, in the API and on the case page; a child's
solution itself is decided only by the best-interests determination."""

from __future__ import annotations

import pytest

from crossroads.cases.models import Case

from .conftest import UNACCOMPANIED_CHILD

pytestmark = pytest.mark.django_db


def patch(api, user, case, **fields):
    version = case.get(user)["version"]
    return api(user).patch(
        f"/api/v1/cases/{case.id}/", {"version": version, **fields}, format="json"
    )


def test_an_asylum_case_tracks_its_solution_from_planned_to_achieved(
    kg_border_officer, kg_asylum_caseworker, register, referral, open_case, api
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    case = open_case(kg_asylum_caseworker, referral=accepted.pk)
    body = patch(api, kg_asylum_caseworker, case, durable_solution="resettlement").json()
    assert (body["durable_solution"], body["durable_solution_status"]) == (
        "resettlement",
        "planned",
    )
    for status in ("in_progress", "achieved"):
        body = patch(api, kg_asylum_caseworker, case, durable_solution_status=status).json()
        assert body["durable_solution_status"] == status
    response = patch(api, kg_asylum_caseworker, case, durable_solution_status="finished")
    assert response.status_code == 400 and "durable_solution_status" in response.json()


def test_the_case_page_sets_the_solution_and_its_progress(
    kg_migration_caseworker, register, open_case, web
):
    case = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="statelessness"
    )
    client = web(kg_migration_caseworker)
    client.post(
        f"/cases/{case.id}/edit/",
        {
            "version": Case.objects.get(pk=case.id).version,
            "summary": "Born in Osh, never registered.",
            "plan": "Gather birth evidence.",
            "durable_solution": "local_integration",
            "durable_solution_status": "in_progress",
        },
    )
    saved = Case.objects.get(pk=case.id)
    assert (saved.durable_solution, saved.durable_solution_status) == (
        "local_integration",
        "in_progress",
    )
    assert saved.plan == "Gather birth evidence."
    html = client.get(f"/cases/{case.id}/").content.decode()
    assert 'id="durable-solution"' in html and "local integration" in html


def test_a_childs_solution_is_decided_by_the_determination_and_only_its_progress_edited(
    kg_border_officer,
    kg_child_caseworker,
    kg_child_supervisor,
    register,
    screen,
    referral,
    open_case,
    api,
):
    child = register(kg_border_officer, birth_date="2013-01")
    screen(kg_border_officer, child, UNACCOMPANIED_CHILD)
    case = open_case(
        kg_child_caseworker,
        referral=referral(kg_border_officer, child, "child_protection", kg_child_caseworker).pk,
    )
    response = patch(api, kg_child_caseworker, case, durable_solution="resettlement")
    assert response.status_code == 409 and "determination" in response.json()["detail"]
    for name, data in [
        ("assess_best_interests", {"assessment": "a"}),
        ("appoint_guardian", {"guardian": "g"}),
        ("arrange_care", {"arrangement": "c"}),
    ]:
        case.ok(kg_child_caseworker, name, **data)
    case.ok(
        kg_child_supervisor,
        "determine_best_interests",
        panel="p",
        durable_solution="voluntary_repatriation",
        reasons="Parents traced; safe return assessed.",
    )
    response = patch(api, kg_child_caseworker, case, durable_solution="resettlement")
    assert response.status_code == 409
    body = patch(api, kg_child_caseworker, case, durable_solution_status="in_progress").json()
    assert body["durable_solution"] == "voluntary_repatriation"
    assert body["durable_solution_status"] == "in_progress"


def test_a_trafficking_case_decides_the_solution_with_the_person_and_tracks_it(
    kg_border_officer, kg_iom_partner, register, referral, open_case, api
):
    person = register(kg_border_officer)
    case = open_case(
        kg_iom_partner,
        referral=referral(kg_border_officer, person, "victim_assistance", kg_iom_partner).pk,
    )
    case.ok(kg_iom_partner, "start_reflection_period", start_date="2026-11-20")
    case.ok(kg_iom_partner, "agree_assistance_plan", shelter="s", services="v")
    case.ok(kg_iom_partner, "decide_solution", durable_solution="complementary_pathway")
    body = patch(api, kg_iom_partner, case, durable_solution_status="achieved").json()
    assert body["durable_solution"] == "complementary_pathway"
    assert body["durable_solution_status"] == "achieved"
