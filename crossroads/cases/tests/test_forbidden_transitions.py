"""Every step out of order, by the wrong role or from the wrong agency is refused, with
the reason, and changes nothing."""

from __future__ import annotations

import pytest

from crossroads.cases.models import Case, CaseTransition

from .conftest import days_ago

pytestmark = pytest.mark.django_db

# (type, a transition that is not allowed from `open`, the data it needs)
OUT_OF_ORDER = [
    ("asylum", "decide", {"outcome": "recognised", "reasons": "x"}),
    ("asylum", "notify", {"date": "2026-11-01"}),
    ("asylum", "close", {}),
    ("regularisation", "issue_permit", {"permit_number": "1", "expiry": "2030-01-01"}),
    ("regularisation", "decide", {"outcome": "granted", "reasons": "x"}),
    (
        "return",
        "issue_return_decision",
        {"legal_basis": "x", "appeal_informed": True, "appeal_deadline": "2026-12-01"},
    ),
    ("return", "remove", {"date": "2026-11-01", "legal_basis": "x"}),
]


@pytest.fixture
def cases_for(
    kg_migration_caseworker,
    kg_asylum_caseworker,
    kg_child_caseworker,
    kg_iom_partner,
    register,
    referral,
    open_case,
):
    owners = {"asylum": kg_asylum_caseworker, "child_protection": kg_child_caseworker}
    through_iom = {
        "trafficking_assistance": "victim_assistance",
        "voluntary_return": "assisted_voluntary_return",
    }

    def _make(case_type):
        if case_type in through_iom:
            person = register(kg_migration_caseworker)
            accepted = referral(
                kg_migration_caseworker, person, through_iom[case_type], kg_iom_partner
            )
            return kg_iom_partner, open_case(kg_iom_partner, referral=accepted.pk)
        owner = owners.get(case_type, kg_migration_caseworker)
        person = register(owner)
        return owner, open_case(owner, person=person.pk, type=case_type)

    return _make


@pytest.mark.parametrize(("case_type", "name", "data"), OUT_OF_ORDER)
def test_a_transition_out_of_order_is_refused_and_changes_nothing(cases_for, case_type, name, data):
    owner, case = cases_for(case_type)
    before = case.get(owner)
    reason = case.refused(owner, name, **data)
    assert "not allowed from the state open" in reason or "Alternatives" in reason
    after = case.get(owner)
    assert after["state"] == "open" and after["version"] == before["version"]
    assert CaseTransition.objects.filter(case_id=case.id).count() == 1  # only "open"


def test_every_type_refuses_a_jump_to_its_last_steps(cases_for):
    from crossroads.cases.workflows import WORKFLOWS

    for case_type, workflow in WORKFLOWS.items():
        if case_type == "asylum":
            continue
        owner, case = cases_for(case_type)
        for t in workflow.transitions:
            if t.allowed_from("open") or t.name == "order_detention":
                continue
            response = case.go(owner, t.name)
            assert response.status_code == 409, (case_type, t.name, response.content)


def test_a_missing_required_field_is_a_field_error(cases_for):
    owner, case = cases_for("return")
    response = case.go(owner, "consider_alternatives")
    assert response.status_code == 400
    assert "alternatives" in response.json()


def test_a_decision_without_reasons_is_refused(cases_for):
    owner, case = cases_for("regularisation")
    case.ok(owner, "check_eligibility", years_in_country=9)
    case.ok(owner, "complete_documents")
    response = case.go(owner, "decide", outcome="granted")
    assert response.status_code == 400 and "reasons" in response.json()


def test_a_permit_only_when_granted_and_documents_only_when_eligible(cases_for):
    owner, case = cases_for("regularisation")
    case.ok(owner, "check_eligibility", years_in_country=2)
    assert "not eligible" in case.refused(owner, "complete_documents")
    owner, case = cases_for("regularisation")
    case.ok(owner, "check_eligibility", years_in_country=9)
    case.ok(owner, "complete_documents")
    case.ok(owner, "decide", outcome="refused", reasons="Criminal record.")
    assert "granted" in case.refused(owner, "issue_permit", permit_number="1", expiry="2030-01-01")


def test_another_agency_that_sees_the_person_neither_reads_nor_moves_the_case(
    kg_migration_caseworker, kg_asylum_caseworker, register, referral, open_case, api
):
    person = register(kg_migration_caseworker)
    accepted = referral(kg_migration_caseworker, person, "asylum_procedure", kg_asylum_caseworker)
    case = open_case(kg_asylum_caseworker, referral=accepted.pk)
    # The migration service registered the person and sees them, but the asylum case is
    # the asylum authority's: for the migration service it does not exist.
    client = api(kg_migration_caseworker)
    assert client.get(f"/api/v1/cases/{case.id}/").status_code == 404
    assert client.get(f"/api/v1/cases/{case.id}/transitions/").status_code == 404
    assert case.go(kg_migration_caseworker, "register_claim", version=1).status_code == 404
    assert client.get(f"/api/v1/cases/?person={person.pk}").json()["count"] == 0


def test_an_officer_may_not_work_on_cases_at_all(
    kg_border_officer, kg_asylum_caseworker, register, referral, open_case, api
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    case = open_case(kg_asylum_caseworker, referral=accepted.pk)
    response = api(kg_border_officer).post(
        f"/api/v1/cases/{case.id}/transitions/register_claim/", {"version": 1}, format="json"
    )
    assert response.status_code == 403


def test_another_states_caseworker_gets_404(
    kz_migration_caseworker, kg_migration_caseworker, register, open_case, api
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    assert api(kz_migration_caseworker).get(f"/api/v1/cases/{case.id}/").status_code == 404
    response = api(kz_migration_caseworker).post(
        f"/api/v1/cases/{case.id}/transitions/consider_alternatives/",
        {"version": 1, "alternatives": "x"},
        format="json",
    )
    assert response.status_code == 404


def test_a_caseworker_cannot_approve_a_decision(
    kg_asylum_caseworker, kg_border_officer, register, referral, open_case, api
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
    assert (
        case.go(kg_asylum_caseworker, "decide", outcome="rejected", reasons="r").status_code == 202
    )
    approval = Case.objects.get(pk=case.id).approvals.get()
    response = api(kg_asylum_caseworker).post(f"/api/v1/cases/approvals/{approval.pk}/approve/")
    # A caseworker may never approve (api.md: 403, the role may not do this at all).
    assert response.status_code == 403
    # While it waits, nothing else moves the case.
    assert "waits" in case.refused(kg_asylum_caseworker, "decide", outcome="rejected", reasons="r")


def test_a_supervisor_sends_a_decision_back_with_reasons(
    kg_asylum_caseworker,
    kg_asylum_supervisor,
    kg_border_officer,
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
    case.go(kg_asylum_caseworker, "decide", outcome="rejected", reasons="thin")
    approval = Case.objects.get(pk=case.id).approvals.get()
    assert case.get(kg_asylum_caseworker)["pending_approval"]["id"] == str(approval.pk)
    client = api(kg_asylum_supervisor)
    assert (
        client.post(
            f"/api/v1/cases/approvals/{approval.pk}/send-back/", {}, format="json"
        ).status_code
        == 400
    )
    response = client.post(
        f"/api/v1/cases/approvals/{approval.pk}/send-back/",
        {"reasons": "Country information missing."},
        format="json",
    )
    assert response.status_code == 200 and response.json()["state"] == "interviewed"
    approval.refresh_from_db()
    assert approval.status == "sent_back"
    assert approval.decision_reasons == "Country information missing."
    # The caseworker may decide again.
    assert (
        case.go(
            kg_asylum_caseworker, "decide", outcome="recognised", reasons="Reassessed."
        ).status_code
        == 202
    )


def test_the_appeal_is_refused_after_the_deadline(
    kg_asylum_caseworker, kg_asylum_supervisor, kg_border_officer, register, referral, open_case
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
    case.ok(kg_asylum_supervisor, "decide", outcome="rejected", reasons="r")
    case.ok(kg_asylum_caseworker, "notify", date=days_ago(31))
    assert "deadline" in case.refused(kg_asylum_caseworker, "lodge_appeal")


def test_the_allowed_transitions_list_what_each_requires(cases_for, api):
    owner, case = cases_for("return")
    response = api(owner).get(f"/api/v1/cases/{case.id}/transitions/")
    assert response.status_code == 200
    names = {t["name"]: t for t in response.json()}
    assert "consider_alternatives" in names and "issue_return_decision" not in names
    assert "reopen" not in names  # supervisors only, and only when closed
    fields = names["consider_alternatives"]["fields"]
    assert fields[0]["name"] == "alternatives" and fields[0]["required"] is True


def test_an_unknown_transition_is_404_and_one_of_another_type_409(cases_for):
    owner, case = cases_for("regularisation")
    assert case.go(owner, "fly_to_the_moon").status_code == 404
    assert "no transition" in case.refused(owner, "depart", date="2026-11-01")


def test_opening_directly_needs_an_agency_that_handles_the_type(
    kg_migration_caseworker, register, api
):
    person = register(kg_migration_caseworker)
    response = api(kg_migration_caseworker).post(
        "/api/v1/cases/", {"person": str(person.pk), "type": "child_protection"}, format="json"
    )
    assert response.status_code == 403


def test_a_case_opens_only_from_an_accepted_referral_and_once(
    kg_border_officer, kg_asylum_caseworker, register, api
):
    from crossroads.referrals.actions import accept_referral, send_referral

    person = register(kg_border_officer)
    sent = send_referral(
        acting_user=kg_border_officer,
        person_id=person.pk,
        pathway="asylum_procedure",
        priority="high",
        to_agency_id=kg_asylum_caseworker.agency_id,
    )
    client = api(kg_asylum_caseworker)
    assert (
        client.post("/api/v1/cases/", {"referral": str(sent.pk)}, format="json").status_code == 409
    )
    accept_referral(acting_user=kg_asylum_caseworker, referral_id=sent.pk)
    assert (
        client.post("/api/v1/cases/", {"referral": str(sent.pk)}, format="json").status_code == 201
    )
    again = client.post("/api/v1/cases/", {"referral": str(sent.pk)}, format="json")
    assert again.status_code == 409 and "already" in again.json()["detail"]


def test_a_supervisor_making_the_waiting_decision_approves_it(
    kg_asylum_caseworker,
    kg_asylum_supervisor,
    kg_border_officer,
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
    case.go(kg_asylum_caseworker, "decide", outcome="recognised", reasons="Credible.")
    listed = api(kg_asylum_supervisor).get(f"/api/v1/cases/{case.id}/transitions/").json()
    assert [t["name"] for t in listed] == ["decide"]
    decided = case.ok(kg_asylum_supervisor, "decide")
    assert decided["state"] == "decided" and decided["outcome"] == "recognised"
    row = CaseTransition.objects.get(case_id=case.id, name="decide")
    assert row.by == kg_asylum_caseworker and row.approved_by == kg_asylum_supervisor
    assert row.reasons == "Credible."


def test_bad_input_is_400_and_never_500(kg_migration_caseworker, register, open_case, api):
    client = api(kg_migration_caseworker)
    response = client.post("/api/v1/cases/", {}, format="json")
    assert response.status_code == 400 and "person" in response.json()
    response = client.post("/api/v1/cases/", {"person": "x", "type": "return"}, format="json")
    assert response.status_code == 400
    assert client.get("/api/v1/cases/not-a-uuid/").status_code == 404
    case = open_case(
        kg_migration_caseworker, person=register(kg_migration_caseworker).pk, type="regularisation"
    )
    response = case.go(kg_migration_caseworker, "check_eligibility", years_in_country="many")
    assert response.status_code == 400 and "years_in_country" in response.json()
    response = case.go(
        kg_migration_caseworker, "check_eligibility", version="abc", years_in_country=3
    )
    assert response.status_code == 400 and "version" in response.json()


# The supervisor of the agency that runs each type: holding both roles, only the order
# of the workflow can refuse a step (the role tests are below).
OWNERS = {
    "asylum": "kg_asylum_supervisor",
    "child_protection": "kg_child_supervisor",
    "trafficking_assistance": "kg_iom_supervisor",
    "statelessness": "kg_unhcr_supervisor",
    "regularisation": "kg_migration_supervisor",
    "voluntary_return": "kg_iom_supervisor",
    "return": "kg_migration_supervisor",
}


@pytest.mark.parametrize("case_type", sorted(OWNERS))
def test_every_transition_is_refused_from_every_state_its_table_does_not_allow(
    request, kg_migration_caseworker, case_type
):
    from crossroads.access.gate import grant_access
    from crossroads.cases import actions
    from crossroads.cases.workflows import WORKFLOWS
    from crossroads.core.exceptions import Conflict
    from crossroads.registry.actions import PersonData, register_person

    owner = request.getfixturevalue(OWNERS[case_type])
    person = register_person(
        acting_user=kg_migration_caseworker, data=PersonData(values={"given_name": "Aibek"})
    )
    grant_access(person, owner.agency, "referral", granted_by=None)
    case = actions.open_case(acting_user=owner, person_id=person.pk, type=case_type)
    workflow = WORKFLOWS[case_type]
    refused = 0
    for state in workflow.state_codes:
        Case.objects.filter(pk=case.pk).update(state=state, closed_from="open")
        for t in workflow.transitions:
            if t.allowed_from(state):
                continue
            version = Case.objects.get(pk=case.pk).version
            with pytest.raises(Conflict):
                actions.transition_case(
                    acting_user=owner, case_id=case.pk, name=t.name, version=version, data={}
                )
            assert Case.objects.get(pk=case.pk).version == version, (state, t.name)
            refused += 1
    assert refused > len(workflow.transitions)
    assert CaseTransition.objects.filter(case_id=case.pk).count() == 1  # only "open"


# type -> (the caseworker who owns it, a caseworker of another agency of the same state)
ROLE_CAST = {
    "asylum": ("kg_asylum_caseworker", "kg_migration_caseworker"),
    "child_protection": ("kg_child_caseworker", "kg_asylum_caseworker"),
    "trafficking_assistance": ("kg_iom_partner", "kg_ngo_partner"),
    "statelessness": ("kg_unhcr_partner", "kg_migration_caseworker"),
    "regularisation": ("kg_migration_caseworker", "kg_asylum_caseworker"),
    "voluntary_return": ("kg_iom_partner", "kg_migration_caseworker"),
    "return": ("kg_migration_caseworker", "kg_asylum_caseworker"),
}


@pytest.mark.parametrize("case_type", sorted(ROLE_CAST))
def test_every_type_refuses_the_wrong_roles(
    request,
    kg_border_officer,
    kg_analyst,
    kg_admin,
    kz_migration_caseworker,
    register,
    api,
    case_type,
):
    from crossroads.access.gate import grant_access
    from crossroads.cases import actions
    from crossroads.cases.workflows import WORKFLOWS

    owner_name, other_name = ROLE_CAST[case_type]
    owner = request.getfixturevalue(owner_name)
    other = request.getfixturevalue(other_name)
    person = register(kg_border_officer)
    for agency in (owner.agency, other.agency):
        grant_access(person, agency, "referral", granted_by=None)
    case = actions.open_case(acting_user=owner, person_id=person.pk, type=case_type)
    first = next(t for t in WORKFLOWS[case_type].transitions if t.allowed_from("open"))
    path = f"/api/v1/cases/{case.pk}/"
    body = {"version": case.version}
    # Roles that may not work on cases at all: 403.
    for user in (kg_border_officer, kg_analyst, kg_admin):
        assert api(user).get(path).status_code == 403
        assert (
            api(user).post(f"{path}transitions/{first.name}/", body, format="json").status_code
            == 403
        )
    # Not theirs (another agency that sees the person; another state): 404.
    for user in (other, kz_migration_caseworker):
        assert api(user).get(path).status_code == 404
        assert (
            api(user).post(f"{path}transitions/{first.name}/", body, format="json").status_code
            == 404
        )
        assert api(user).patch(path, {**body, "summary": "x"}, format="json").status_code == 404
    # The owner's caseworker may not make a supervisor's step: 409 with the reason.
    actions.transition_case(
        acting_user=owner,
        case_id=case.pk,
        name="transfer",
        version=case.version,
        data={"to_assignee": owner.username, "reasons": "mine"},
    )
    Case.objects.filter(pk=case.pk).update(state="closed", closed_from="open")
    current = Case.objects.get(pk=case.pk).version
    response = api(owner).post(
        f"{path}transitions/reopen/", {"version": current, "reasons": "x"}, format="json"
    )
    assert response.status_code == 409 and "supervisor" in response.json()["detail"]
    assert Case.objects.get(pk=case.pk).state == "closed"
