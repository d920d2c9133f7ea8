"""cases.md rules 1-3, through the one safeguard check: no return step while a
protection safeguard stands, no child detained, no child case closed without a decided
durable solution."""

from __future__ import annotations

import pytest

from crossroads.cases.models import Case, CaseTransition
from crossroads.screening.actions import lift_safeguard

from .conftest import ACCOMPANIED_CHILD, FEAR, TRAFFICKED, UNACCOMPANIED_CHILD, days_ago

pytestmark = pytest.mark.django_db


def test_no_return_case_is_opened_while_non_refoulement_stands(
    kg_migration_caseworker, register, screen, api
):
    person = register(kg_migration_caseworker)
    screen(kg_migration_caseworker, person, FEAR)
    response = api(kg_migration_caseworker).post(
        "/api/v1/cases/", {"person": str(person.pk), "type": "return"}, format="json"
    )
    assert response.status_code == 409
    assert "non_refoulement" in response.json()["detail"]
    assert not Case.objects.filter(person=person).exists()


def test_no_return_case_is_opened_during_a_reflection_period(
    kg_migration_caseworker, register, screen, api
):
    person = register(kg_migration_caseworker)
    screen(kg_migration_caseworker, person, TRAFFICKED)
    response = api(kg_migration_caseworker).post(
        "/api/v1/cases/", {"person": str(person.pk), "type": "return"}, format="json"
    )
    assert response.status_code == 409
    assert "reflection_period" in response.json()["detail"]


def test_a_return_case_asked_of_an_agency_that_runs_none_still_names_the_safeguard(
    kg_asylum_caseworker, register, screen, api
):
    """Rule 1 holds always and the refusal names the safeguard, whoever asks: the asylum
    authority (which runs no return case) is told of non-refoulement, not only of its
    agency's kind."""
    person = register(kg_asylum_caseworker)
    screen(kg_asylum_caseworker, person, FEAR)
    client = api(kg_asylum_caseworker)
    response = client.post(
        "/api/v1/cases/", {"person": str(person.pk), "type": "return"}, format="json"
    )
    assert response.status_code == 409
    assert "non_refoulement" in response.json()["detail"]
    assert not Case.objects.filter(person=person).exists()
    # Without a safeguard, the same request is refused for the agency's kind.
    other = register(kg_asylum_caseworker)
    response = client.post(
        "/api/v1/cases/", {"person": str(other.pk), "type": "return"}, format="json"
    )
    assert response.status_code == 403


def test_no_return_step_while_non_refoulement_stands(
    kg_migration_caseworker, kg_migration_supervisor, register, screen, open_case
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    case.ok(kg_migration_caseworker, "consider_alternatives", alternatives="Reporting serves.")
    # The person then asks for protection: a new screening sets non_refoulement.
    screen(kg_migration_caseworker, person, FEAR)
    decision = dict(legal_basis="art. 40", appeal_informed=True, appeal_deadline=days_ago(1))
    reason = case.refused(kg_migration_caseworker, "issue_return_decision", **decision)
    assert "non_refoulement" in reason
    assert Case.objects.get(pk=case.id).state == "alternatives_considered"
    # Lifted by a recorded decision, the step may go on.
    safeguard = person.safeguards.get(code="non_refoulement")
    lift_safeguard(
        acting_user=kg_migration_supervisor,
        safeguard_id=safeguard.pk,
        reason="Claim finally rejected on appeal",
        decision="KG-APP-2026-9",
    )
    case.ok(kg_migration_caseworker, "issue_return_decision", **decision)


def test_no_removal_or_detention_once_non_refoulement_arises(
    kg_migration_caseworker, register, screen, open_case
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    case.ok(kg_migration_caseworker, "consider_alternatives", alternatives="None serve.")
    case.ok(
        kg_migration_caseworker,
        "issue_return_decision",
        legal_basis="a",
        appeal_informed=True,
        appeal_deadline=days_ago(2),
    )
    screen(kg_migration_caseworker, person, FEAR)
    assert "non_refoulement" in case.refused(
        kg_migration_caseworker, "remove", date=days_ago(0), legal_basis="a"
    )
    assert "non_refoulement" in case.refused(
        kg_migration_caseworker,
        "order_detention",
        reasons="r",
        legal_basis="a",
        review_date=days_ago(-7),
    )


def test_no_detention_record_for_a_child(kg_migration_caseworker, register, screen, open_case):
    child = register(kg_migration_caseworker, birth_date="2012-03")
    screen(kg_migration_caseworker, child, ACCOMPANIED_CHILD)  # with a parent: no BIF
    case = open_case(kg_migration_caseworker, person=child.pk, type="return")
    case.ok(kg_migration_caseworker, "consider_alternatives", alternatives="Family reporting.")
    case.ok(
        kg_migration_caseworker,
        "issue_return_decision",
        legal_basis="a",
        appeal_informed=True,
        appeal_deadline=days_ago(1),
    )
    reason = case.refused(
        kg_migration_caseworker,
        "order_detention",
        reasons="r",
        legal_basis="a",
        review_date=days_ago(-7),
    )
    assert "no_detention_child" in reason
    assert not CaseTransition.objects.filter(case_id=case.id, name="order_detention").exists()
    assert Case.objects.get(pk=case.id).state == "decided"


def test_detention_is_refused_before_alternatives_are_considered(
    kg_migration_caseworker, register, open_case
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    reason = case.refused(
        kg_migration_caseworker,
        "order_detention",
        reasons="r",
        legal_basis="a",
        review_date=days_ago(-7),
    )
    assert "Alternatives to detention" in reason


def test_no_voluntary_return_travel_while_non_refoulement_stands(
    kg_migration_caseworker,
    kg_migration_supervisor,
    kg_iom_partner,
    register,
    screen,
    referral,
    open_case,
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
    screen(kg_migration_caseworker, person, FEAR)
    assert "non_refoulement" in case.refused(kg_iom_partner, "obtain_travel_documents")
    lift_safeguard(
        acting_user=kg_migration_supervisor,
        safeguard_id=person.safeguards.get(code="non_refoulement").pk,
        reason="The person withdrew the claim in writing and was heard again",
        decision="KG-2026-77",
    )
    case.ok(kg_iom_partner, "obtain_travel_documents")


def test_informed_consent_must_be_confirmed(
    kg_migration_caseworker, kg_iom_partner, register, referral, open_case
):
    person = register(kg_migration_caseworker)
    accepted = referral(
        kg_migration_caseworker, person, "assisted_voluntary_return", kg_iom_partner
    )
    case = open_case(kg_iom_partner, referral=accepted.pk)
    case.ok(kg_iom_partner, "counsel")
    response = case.go(
        kg_iom_partner, "record_informed_consent", consent_signed=False, consent_date=days_ago(0)
    )
    assert response.status_code == 400 and "consent_signed" in response.json()


@pytest.fixture
def child_case(kg_border_officer, kg_child_caseworker, register, screen, referral, open_case):
    child = register(kg_border_officer, birth_date="2012-03")
    screen(kg_border_officer, child, UNACCOMPANIED_CHILD)
    accepted = referral(kg_border_officer, child, "child_protection", kg_child_caseworker)
    case = open_case(kg_child_caseworker, referral=accepted.pk)
    case.ok(kg_child_caseworker, "assess_best_interests", assessment="a")
    case.ok(kg_child_caseworker, "appoint_guardian", guardian="g")
    case.ok(kg_child_caseworker, "arrange_care", arrangement="c")
    return case


def test_a_child_case_is_not_closed_before_the_determination(kg_child_caseworker, child_case):
    assert "not allowed" in child_case.refused(kg_child_caseworker, "close")
    reason = child_case.refused(kg_child_caseworker, "withdraw", date=days_ago(0), reasons="x")
    assert "best-interests determination" in reason


def test_a_closed_child_case_without_a_durable_solution_is_refused(
    kg_child_caseworker, kg_child_supervisor, child_case
):
    child_case.ok(
        kg_child_supervisor,
        "determine_best_interests",
        panel="p",
        durable_solution="resettlement",
        reasons="r",
    )
    # Even if the solution were lost from the record, the case would not close.
    Case.objects.filter(pk=child_case.id).update(durable_solution="")
    reason = child_case.refused(kg_child_caseworker, "close")
    assert "durable solution" in reason
    assert Case.objects.get(pk=child_case.id).state == "determined"


def test_a_determination_needs_a_decided_durable_solution(kg_child_supervisor, child_case):
    response = child_case.go(
        kg_child_supervisor, "determine_best_interests", panel="p", reasons="r"
    )
    assert response.status_code == 400 and "durable_solution" in response.json()


def test_a_late_assessment_is_still_made_and_flagged(
    kg_border_officer, kg_child_caseworker, register, screen, referral, open_case
):
    """A child waiting past the deadline needs the assessment more, not less: it is never
    refused, but the step and the case keep the missed deadline for the supervisor."""
    child = register(kg_border_officer, birth_date="2012-03")
    screen(kg_border_officer, child, UNACCOMPANIED_CHILD)
    accepted = referral(kg_border_officer, child, "child_protection", kg_child_caseworker)
    case = open_case(kg_child_caseworker, referral=accepted.pk)
    Case.objects.filter(pk=case.id).update(
        deadlines={"best_interests_assessment": "2026-01-01T00:00:00+00:00"}
    )
    body = case.ok(kg_child_caseworker, "assess_best_interests", assessment="a")
    assert body["state"] == "assessed"
    assert body["missed_deadlines"][0]["deadline"] == "best_interests_assessment"
    assert body["missed_deadlines"][0]["due"] == "2026-01-01T00:00:00+00:00"
    assert "best_interests_assessment" not in body["deadlines"]
    row = CaseTransition.objects.get(case_id=case.id, name="assess_best_interests")
    assert row.data["on_time"] is False
    assert row.data["deadline_missed"] == "2026-01-01T00:00:00+00:00"


def test_an_assessment_on_time_is_recorded_as_such(
    kg_border_officer, kg_child_caseworker, register, screen, referral, open_case
):
    child = register(kg_border_officer, birth_date="2012-03")
    screen(kg_border_officer, child, UNACCOMPANIED_CHILD)
    accepted = referral(kg_border_officer, child, "child_protection", kg_child_caseworker)
    case = open_case(kg_child_caseworker, referral=accepted.pk)
    body = case.ok(
        kg_child_caseworker,
        "assess_best_interests",
        assessment="a",
        delay_reasons="",
    )
    assert body["missed_deadlines"] == []
    row = CaseTransition.objects.get(case_id=case.id, name="assess_best_interests")
    assert row.data["on_time"] is True


def test_a_child_case_is_not_transferred_to_another_agency_before_the_determination(
    kg_child_caseworker, kg_child_osh_caseworker, child_case
):
    reason = child_case.refused(
        kg_child_caseworker,
        "transfer",
        to_agency=str(kg_child_osh_caseworker.agency_id),
        reasons="Workload",
    )
    assert "best_interests_first" in reason
    assert Case.objects.get(pk=child_case.id).agency_id == kg_child_caseworker.agency_id


def test_a_transfer_to_a_non_state_agency_needs_consent(
    kg_police_caseworker, kg_ngo_partner, register, open_case, api
):
    from crossroads.referrals.actions import record_consent

    person = register(kg_police_caseworker)
    case = open_case(kg_police_caseworker, person=person.pk, type="trafficking_assistance")
    reason = case.refused(
        kg_police_caseworker,
        "transfer",
        to_agency=str(kg_ngo_partner.agency_id),
        reasons="The Red Crescent runs the shelter",
    )
    assert "consent" in reason
    assert api(kg_ngo_partner).get(f"/api/v1/cases/{case.id}/").status_code == 404
    record_consent(
        acting_user=kg_police_caseworker,
        person_id=person.pk,
        to_agency_id=kg_ngo_partner.agency_id,
        purposes=["victim_assistance"],
        given_by="person",
        given_on=days_ago(0),
    )
    moved = case.ok(
        kg_police_caseworker,
        "transfer",
        to_agency=str(kg_ngo_partner.agency_id),
        reasons="The Red Crescent runs the shelter",
    )
    assert moved["agency"] == str(kg_ngo_partner.agency_id) and moved["assignee"] is None
    assert api(kg_ngo_partner).get(f"/api/v1/cases/{case.id}/").status_code == 200
    # Handed over: the police no longer read it.
    assert api(kg_police_caseworker).get(f"/api/v1/cases/{case.id}/").status_code == 404


def test_the_one_safeguard_check_is_called_never_a_copy():
    from crossroads.cases import actions, rules
    from crossroads.screening import safeguards

    assert rules.refuse_if_blocked is safeguards.refuse_if_blocked
    assert actions.refuse_if_blocked is safeguards.refuse_if_blocked


def _decided_return_case(caseworker, person, open_case):
    case = open_case(caseworker, person=person.pk, type="return")
    case.ok(caseworker, "consider_alternatives", alternatives="Reporting does not serve.")
    case.ok(
        caseworker,
        "issue_return_decision",
        legal_basis="art. 40",
        appeal_informed=True,
        appeal_deadline=days_ago(1),
    )
    return case


DETENTION = {"reasons": "r", "legal_basis": "a", "review_date": days_ago(-7)}


def test_no_detention_of_a_person_presumed_to_be_a_minor(
    kg_migration_caseworker, register, open_case
):
    from crossroads.screening.models import PersonSafeguard

    person = register(kg_migration_caseworker, birth_date="1990")
    case = _decided_return_case(kg_migration_caseworker, person, open_case)
    # An age assessment is pending: the person is treated as a child until it says otherwise.
    PersonSafeguard.objects.create(person=person, code="presumption_of_minority")
    reason = case.refused(kg_migration_caseworker, "order_detention", **DETENTION)
    assert "presumption_of_minority" in reason
    assert Case.objects.get(pk=case.id).state == "decided"


def test_no_detention_of_a_child_by_the_birth_date_on_record_even_unscreened(
    kg_migration_caseworker, register, open_case
):
    import datetime as dt

    person = register(kg_migration_caseworker, birth_date=str(dt.date.today().year - 17))
    case = _decided_return_case(kg_migration_caseworker, person, open_case)
    reason = case.refused(kg_migration_caseworker, "order_detention", **DETENTION)
    assert "no_detention_child" in reason
    assert not CaseTransition.objects.filter(case_id=case.id, name="order_detention").exists()


def test_a_return_case_is_not_reopened_while_non_refoulement_stands(
    kg_migration_caseworker, kg_migration_supervisor, register, screen, open_case
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    case.ok(kg_migration_caseworker, "close", reasons="Left the country.")
    screen(kg_migration_caseworker, person, FEAR)
    reason = case.refused(kg_migration_supervisor, "reopen", reasons="He is back.")
    assert "non_refoulement" in reason
    assert Case.objects.get(pk=case.id).state == "closed"


def test_a_case_is_never_transferred_to_a_foreign_mission(
    kg_migration_caseworker, kg_embassy_af, register, open_case
):
    person = register(kg_migration_caseworker, nationalities=["AF"])
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    response = case.go(
        kg_migration_caseworker,
        "transfer",
        to_agency=str(kg_embassy_af.agency_id),
        reasons="For travel documents",
    )
    assert response.status_code == 400 and "to_agency" in response.json()
    assert Case.objects.get(pk=case.id).agency_id == kg_migration_caseworker.agency_id


def test_a_decision_waiting_for_approval_is_checked_again_when_approved(
    kg_border_officer, kg_child_caseworker, kg_child_supervisor, child_case, api
):
    child_case.ok(kg_child_caseworker, "start_tracing")
    waiting = child_case.go(
        kg_child_caseworker,
        "determine_best_interests",
        panel="p",
        durable_solution="local_integration",
        reasons="r",
    )
    assert waiting.status_code == 202
    # Meanwhile the case is sent back to tracing by a change of state (say, a reopened
    # question): the approval finds the step no longer allowed and changes nothing.
    Case.objects.filter(pk=child_case.id).update(state="assessed")
    approval = Case.objects.get(pk=child_case.id).approvals.get()
    response = api(kg_child_supervisor).post(f"/api/v1/cases/approvals/{approval.pk}/approve/")
    assert response.status_code == 409
    approval.refresh_from_db()
    assert approval.status == "pending"


def test_a_reflection_period_started_in_a_case_stops_a_return_case(
    kg_migration_caseworker, kg_iom_partner, register, referral, open_case, api
):
    # Not screened as trafficked: the reflection period comes from the case alone.
    person = register(kg_migration_caseworker)
    accepted = referral(kg_migration_caseworker, person, "victim_assistance", kg_iom_partner)
    case = open_case(kg_iom_partner, referral=accepted.pk)
    case.ok(kg_iom_partner, "start_reflection_period", start_date=days_ago(0))
    standing = person.safeguards.get(code="reflection_period")
    assert standing.is_active and standing.ends_at is not None
    response = api(kg_migration_caseworker).post(
        "/api/v1/cases/", {"person": str(person.pk), "type": "return"}, format="json"
    )
    assert response.status_code == 409
    assert "reflection_period" in response.json()["detail"]
