"""Opening a case: from an accepted referral of the pathway that opens the type, or
directly by a caseworker of an agency whose kind runs that type; one person may have
several cases; a household's cases are read together; the asylum variant follows the
state's pack."""

from __future__ import annotations

import datetime as dt

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.cases import rules
from crossroads.cases.models import Case, CaseTransition
from crossroads.registry.actions import PersonData, register_person

from .conftest import FEAR, TRAFFICKED, UNACCOMPANIED_CHILD

pytestmark = pytest.mark.django_db

# pathway of the referral -> (receiving persona, the case type it opens)
FROM_REFERRAL = [
    ("asylum_procedure", "kg_asylum_caseworker", "asylum"),
    ("unhcr_mandate", "kg_unhcr_partner", "asylum"),
    ("child_protection", "kg_child_caseworker", "child_protection"),
    ("victim_assistance", "kg_iom_partner", "trafficking_assistance"),
    ("trafficking_identification", "kg_police_caseworker", "trafficking_assistance"),
    ("statelessness_determination", "kg_unhcr_partner", "statelessness"),
    ("regularisation", "kg_migration_caseworker", "regularisation"),
    ("assisted_voluntary_return", "kg_iom_partner", "voluntary_return"),
    ("return_procedure", "kg_migration_caseworker", "return"),
]


@pytest.mark.parametrize(("pathway", "receiver", "case_type"), FROM_REFERRAL)
def test_an_accepted_referral_opens_the_case_of_its_pathway(
    request, kg_border_officer, register, referral, open_case, pathway, receiver, case_type
):
    user = request.getfixturevalue(receiver)
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, pathway, user)
    case = open_case(user, referral=accepted.pk)
    body = case.get(user)
    assert body["type"] == case_type and body["state"] == "open"
    assert body["opened_from"] == str(accepted.pk) and body["person"] == str(person.pk)
    assert body["agency"] == str(user.agency_id)
    for field in ("id", "reference", "assignee", "opened_at", "deadlines", "summary", "version"):
        assert field in body
    assert "durable_solution" in body
    opened = CaseTransition.objects.get(case_id=case.id)
    assert (opened.name, opened.from_state, opened.to_state) == ("open", "", "open")
    assert AuditEvent.objects.filter(object_id=case.id, action="create").exists()


def test_a_referral_to_another_agency_is_404(
    kg_border_officer, kg_asylum_caseworker, kg_migration_caseworker, register, referral, api
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    response = api(kg_migration_caseworker).post(
        "/api/v1/cases/", {"referral": str(accepted.pk)}, format="json"
    )
    assert response.status_code == 404


def test_a_referral_opens_only_its_own_type(
    kg_border_officer, kg_asylum_caseworker, register, referral, api
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    response = api(kg_asylum_caseworker).post(
        "/api/v1/cases/", {"referral": str(accepted.pk), "type": "return"}, format="json"
    )
    assert response.status_code == 400 and "type" in response.json()


# type -> the personas whose agency kind runs it, and one whose kind does not
DIRECT = {
    "asylum": (["kg_asylum_caseworker", "kg_unhcr_partner"], "kg_migration_caseworker"),
    "child_protection": (["kg_child_caseworker"], "kg_asylum_caseworker"),
    "trafficking_assistance": (
        ["kg_iom_partner", "kg_ngo_partner", "kg_police_caseworker"],
        "kg_migration_caseworker",
    ),
    "statelessness": (["kg_unhcr_partner", "kg_migration_caseworker"], "kg_child_caseworker"),
    "regularisation": (["kg_migration_caseworker"], "kg_asylum_caseworker"),
    "voluntary_return": (["kg_iom_partner"], "kg_migration_caseworker"),
    "return": (["kg_migration_caseworker"], "kg_asylum_caseworker"),
}


@pytest.mark.parametrize("case_type", sorted(DIRECT))
def test_a_case_is_opened_directly_only_by_an_agency_that_runs_its_type(
    request, kg_migration_caseworker, register, api, case_type
):
    from crossroads.referrals.actions import record_consent, send_referral

    runners, other = DIRECT[case_type]
    for name in [*runners, other]:
        user = request.getfixturevalue(name)
        person = register(kg_migration_caseworker)
        if user.agency.kind in {"unhcr", "iom", "ngo"}:
            # A partner sees only the people referred to it (with consent).
            record_consent(
                acting_user=kg_migration_caseworker,
                person_id=person.pk,
                to_agency_id=user.agency_id,
                purposes=["legal_aid"],
                given_by="person",
                given_on=dt.date(2026, 11, 20),
            )
            send_referral(
                acting_user=kg_migration_caseworker,
                person_id=person.pk,
                pathway="legal_aid",
                priority="normal",
                to_agency_id=user.agency_id,
            )
        else:
            from crossroads.access.gate import grant_access

            grant_access(person, user.agency, "referral", granted_by=None)
        response = api(user).post(
            "/api/v1/cases/", {"person": str(person.pk), "type": case_type}, format="json"
        )
        expected = 201 if name in runners else 403
        assert response.status_code == expected, (case_type, name, response.content)


def test_the_kinds_that_run_each_type_include_the_packs_bodies():
    assert rules.agency_kinds_for("asylum", "KG") == {"asylum_authority", "unhcr"}
    assert rules.agency_kinds_for("trafficking_assistance", "KG") == {"iom", "ngo", "police"}
    assert rules.agency_kinds_for("return", "KG") == {"migration_service", "border_service"}
    # No national procedure in Pakistan's pack: only UNHCR runs an asylum case there.
    assert rules.agency_kinds_for("asylum", "PK") == {"unhcr"}
    for case_type in rules.TYPE_AGENCY_KINDS:
        assert "foreign_mission" not in rules.agency_kinds_for(case_type, "KG")


def test_no_asylum_authority_opens_a_case_where_the_state_has_no_national_procedure(
    pk_asylum_caseworker, register, api
):
    person = register(pk_asylum_caseworker)
    response = api(pk_asylum_caseworker).post(
        "/api/v1/cases/", {"person": str(person.pk), "type": "asylum"}, format="json"
    )
    assert response.status_code == 403


def test_one_person_may_have_several_cases_at_once(
    kg_border_officer,
    kg_asylum_caseworker,
    kg_child_caseworker,
    register,
    screen,
    referral,
    open_case,
    web,
):
    child = register(kg_border_officer, birth_date="2011-05")
    screen(kg_border_officer, child, {**UNACCOMPANIED_CHILD, **{"statements": FEAR["statements"]}})
    asylum = open_case(
        kg_asylum_caseworker,
        referral=referral(kg_border_officer, child, "asylum_procedure", kg_asylum_caseworker).pk,
    )
    protection = open_case(
        kg_child_caseworker,
        referral=referral(kg_border_officer, child, "child_protection", kg_child_caseworker).pk,
    )
    assert Case.objects.filter(person=child).count() == 2
    assert asylum.get(kg_asylum_caseworker)["state"] == "open"
    assert protection.get(kg_child_caseworker)["state"] == "open"
    # Each agency reads its own case on the person's page, not the other's.
    html = web(kg_child_caseworker).get(f"/people/{child.pk}/").content.decode()
    assert Case.objects.get(pk=protection.id).reference in html
    assert Case.objects.get(pk=asylum.id).reference not in html


def test_a_households_cases_are_read_together(kg_migration_caseworker, api):
    from crossroads.cases import actions

    mother = register_person(
        acting_user=kg_migration_caseworker, data=PersonData(values={"given_name": "Gulnara"})
    )
    son = register_person(
        acting_user=kg_migration_caseworker,
        data=PersonData(
            values={"given_name": "Timur"},
            family_links=[{"relative": mother.pk, "relation": "parent"}],
        ),
    )
    stranger = register_person(
        acting_user=kg_migration_caseworker, data=PersonData(values={"given_name": "Bakyt"})
    )
    a = actions.open_case(
        acting_user=kg_migration_caseworker, person_id=mother.pk, type="regularisation"
    )
    b = actions.open_case(
        acting_user=kg_migration_caseworker, person_id=son.pk, type="regularisation"
    )
    c = actions.open_case(
        acting_user=kg_migration_caseworker, person_id=stranger.pk, type="regularisation"
    )
    response = api(kg_migration_caseworker).get(f"/api/v1/cases/{a.pk}/household/")
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()}
    assert ids == {str(a.pk), str(b.pk)} and str(c.pk) not in ids
    row = AuditEvent.objects.filter(object_type="cases.case", action="list").latest("id")
    assert set(row.detail["ids"]) == ids


def test_a_trafficking_case_opened_from_identification_by_the_police(
    kg_border_officer, kg_police_caseworker, register, screen, referral, open_case
):
    person = register(kg_border_officer)
    screen(kg_border_officer, person, TRAFFICKED)
    accepted = referral(
        kg_border_officer, person, "trafficking_identification", kg_police_caseworker
    )
    case = open_case(kg_police_caseworker, referral=accepted.pk)
    assert case.get(kg_police_caseworker)["type"] == "trafficking_assistance"
