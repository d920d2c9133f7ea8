"""`GET cases/{id}/transitions/` lists the steps allowed now for this user, with what
each requires in machine-readable form, and never one that a safeguard or a rule of the
type would refuse; the read is audited."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.cases.models import Case

from .conftest import FEAR, days_ago

pytestmark = pytest.mark.django_db


def names(api, user, case):
    response = api(user).get(f"/api/v1/cases/{case.id}/transitions/")
    assert response.status_code == 200, response.content
    return {t["name"]: t for t in response.json()}


def test_each_field_says_its_name_type_whether_required_and_its_choices(
    kg_migration_caseworker, register, open_case, api
):
    case = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="return"
    )
    listed = names(api, kg_migration_caseworker, case)
    assert set(listed) == {"consider_alternatives", "close", "transfer", "withdraw"}
    alternatives = listed["consider_alternatives"]
    assert alternatives["from"] == ["open"] and alternatives["to"] == "alternatives_considered"
    assert alternatives["fields"] == [
        {
            "name": "alternatives",
            "type": "text",
            "label": "alternatives to detention, and why each does or does not serve",
            "required": True,
        }
    ]
    transfer = {f["name"]: f for f in listed["transfer"]["fields"]}
    assert transfer["to_agency"]["type"] == "agency" and transfer["to_agency"]["required"] is False
    assert str(kg_migration_caseworker.agency_id) in transfer["to_agency"]["choices"]
    assert kg_migration_caseworker.username in transfer["to_assignee"]["choices"]
    withdraw = {f["name"]: f for f in listed["withdraw"]["fields"]}
    assert withdraw["date"]["type"] == "date" and withdraw["reasons"]["required"] is True


def test_choices_come_with_their_codes_and_labels(
    kg_migration_caseworker, register, open_case, api
):
    case = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="regularisation"
    )
    case.ok(kg_migration_caseworker, "check_eligibility", years_in_country=6)
    case.ok(kg_migration_caseworker, "complete_documents")
    decide = names(api, kg_migration_caseworker, case)["decide"]
    outcome = next(f for f in decide["fields"] if f["name"] == "outcome")
    assert outcome["type"] == "choice" and outcome["choices"] == ["granted", "refused"]
    assert outcome["choice_labels"] == {"granted": "granted", "refused": "refused"}
    assert decide["waits_for_approval"] is False


def test_a_step_that_a_safeguard_forbids_is_not_listed(
    kg_migration_caseworker, kg_iom_partner, register, screen, referral, open_case, api
):
    person = register(kg_migration_caseworker)
    accepted = referral(
        kg_migration_caseworker, person, "assisted_voluntary_return", kg_iom_partner
    )
    case = open_case(kg_iom_partner, referral=accepted.pk)
    case.ok(kg_iom_partner, "counsel")
    case.ok(
        kg_iom_partner, "record_informed_consent", consent_signed=True, consent_date=days_ago(0)
    )
    assert "obtain_travel_documents" in names(api, kg_iom_partner, case)
    screen(kg_migration_caseworker, person, FEAR)
    listed = names(api, kg_iom_partner, case)
    assert "obtain_travel_documents" not in listed
    assert {"transfer", "withdraw"} <= set(listed)


def test_a_step_that_a_rule_of_the_type_forbids_is_not_listed(
    kg_migration_caseworker, register, open_case, api
):
    case = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="return"
    )
    case.ok(kg_migration_caseworker, "consider_alternatives", alternatives="Reporting.")
    case.ok(
        kg_migration_caseworker,
        "issue_return_decision",
        legal_basis="art. 40",
        appeal_informed=True,
        appeal_deadline=days_ago(-10),
    )
    listed = names(api, kg_migration_caseworker, case)
    assert "remove" not in listed  # the appeal deadline has not passed
    assert {"lodge_appeal", "order_detention"} <= set(listed)
    Case.objects.filter(pk=case.id).update(deadlines={"appeal": days_ago(1)})
    listed = names(api, kg_migration_caseworker, case)
    assert "remove" in listed and "lodge_appeal" not in listed


def test_a_caseworker_sees_that_a_decision_waits_and_a_supervisor_only_the_answer(
    kg_border_officer,
    kg_asylum_caseworker,
    kg_asylum_supervisor,
    register,
    referral,
    open_case,
    api,
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    case = open_case(kg_asylum_caseworker, referral=accepted.pk)
    case.ok(kg_asylum_caseworker, "register_claim")
    case.ok(
        kg_asylum_caseworker,
        "record_interview",
        interviewer="a",
        interpreter_language="prs",
        interview_record="r",
    )
    assert names(api, kg_asylum_caseworker, case)["decide"]["waits_for_approval"] is True
    assert names(api, kg_asylum_supervisor, case)["decide"]["waits_for_approval"] is False
    case.go(kg_asylum_caseworker, "decide", outcome="recognised", reasons="Credible.")
    assert names(api, kg_asylum_caseworker, case) == {}
    assert set(names(api, kg_asylum_supervisor, case)) == {"decide"}


def test_reopen_is_listed_for_a_supervisor_of_a_closed_case_only(
    kg_migration_caseworker, kg_migration_supervisor, register, open_case, api
):
    case = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="regularisation"
    )
    case.ok(kg_migration_caseworker, "withdraw", date=days_ago(0), reasons="Leaving.")
    assert names(api, kg_migration_caseworker, case) == {}
    listed = names(api, kg_migration_supervisor, case)
    assert set(listed) == {"reopen"} and listed["reopen"]["to"] == "<closed_from>"


def test_the_list_is_audited_as_a_read_of_the_case(
    kg_migration_caseworker, register, open_case, api
):
    case = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="return"
    )
    names(api, kg_migration_caseworker, case)
    row = AuditEvent.objects.filter(object_id=case.id, action="read").latest("id")
    assert row.detail["view"] == "transitions"
