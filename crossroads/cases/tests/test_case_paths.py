"""Every case type, from an accepted referral (or a direct opening) to closure, through
the API, with the names of cases.md."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.cases.models import Case, CaseTransition

from .conftest import FEAR, TRAFFICKED, UNACCOMPANIED_CHILD, days_ago

pytestmark = pytest.mark.django_db


def states(case_id):
    return list(
        CaseTransition.objects.filter(case_id=case_id)
        .order_by("at")
        .values_list("to_state", flat=True)
    )


def test_asylum_from_referral_to_closure_with_approval_and_finalisation(
    kg_border_officer,
    kg_asylum_caseworker,
    kg_asylum_supervisor,
    register,
    screen,
    referral,
    open_case,
):
    person = register(kg_border_officer, nationalities=["AF"])
    screen(kg_border_officer, person, FEAR)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    case = open_case(kg_asylum_caseworker, referral=accepted.pk)
    body = case.get(kg_asylum_caseworker)
    assert body["type"] == "asylum" and body["state"] == "open"
    assert body["variant"] == "national"  # KG runs a national procedure (its pack)
    assert body["person"] == str(person.pk) and body["opened_from"] == str(accepted.pk)

    case.ok(kg_asylum_caseworker, "register_claim")
    case.ok(
        kg_asylum_caseworker,
        "record_interview",
        interviewer="A. Usenova",
        interpreter_language="prs",
        interview_record="Fled after threats by armed groups.",
    )
    waiting = case.go(
        kg_asylum_caseworker, "decide", outcome="recognised", reasons="Well-founded fear."
    )
    assert waiting.status_code == 202
    assert waiting.json()["state"] == "interviewed"  # waits for the supervisor
    approved = case.approve_pending(kg_asylum_supervisor)
    assert approved["state"] == "decided" and approved["outcome"] == "recognised"
    notified = case.ok(kg_asylum_caseworker, "notify", date=days_ago(45))
    assert notified["deadlines"]["appeal"] == days_ago(15)
    final = case.ok(kg_asylum_caseworker, "finalise")
    assert final["state"] == "final"
    closed = case.ok(kg_asylum_caseworker, "close")
    assert closed["state"] == "closed"
    assert states(case.id) == [
        "open",
        "registered",
        "interviewed",
        "decided",
        "notified",
        "final",
        "closed",
    ]
    decided = CaseTransition.objects.get(case_id=case.id, name="decide")
    assert decided.reasons == "Well-founded fear."
    assert decided.by == kg_asylum_caseworker and decided.approved_by == kg_asylum_supervisor
    assert AuditEvent.objects.filter(object_id=case.id, detail__transition="close").exists()


def test_asylum_appeal_within_the_deadline(
    kg_border_officer, kg_asylum_caseworker, kg_asylum_supervisor, register, referral, open_case
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    case = open_case(kg_asylum_caseworker, referral=accepted.pk)
    case.ok(kg_asylum_caseworker, "register_claim")
    case.ok(
        kg_asylum_caseworker,
        "record_interview",
        interviewer="B",
        interpreter_language="pus",
        interview_record="…",
    )
    # A supervisor's own decision needs no second approval.
    case.ok(kg_asylum_supervisor, "decide", outcome="rejected", reasons="Not credible.")
    case.ok(kg_asylum_caseworker, "notify", date=days_ago(1))
    assert "after the appeal deadline" in case.refused(kg_asylum_caseworker, "finalise")
    case.ok(kg_asylum_caseworker, "lodge_appeal", grounds="Facts misread.")
    case.ok(
        kg_asylum_caseworker,
        "decide_appeal",
        outcome="complementary_protection",
        reasons="Generalised violence in the region of origin.",
    )
    assert case.ok(kg_asylum_caseworker, "close")["state"] == "closed"


def test_asylum_where_the_state_has_no_national_procedure_is_the_unhcr_mandate_variant(
    pk_unhcr_caseworker, pk_unhcr_supervisor, register, open_case
):
    # Pakistan's pack in force has no national asylum procedure: UNHCR decides refugee
    # status under its mandate, and the case says so.
    person = register(pk_unhcr_caseworker, nationalities=["AF"])
    case = open_case(pk_unhcr_caseworker, person=person.pk, type="asylum")
    assert case.get(pk_unhcr_caseworker)["variant"] == "unhcr_mandate"
    case.ok(pk_unhcr_caseworker, "register_claim")
    case.ok(
        pk_unhcr_caseworker,
        "record_interview",
        interviewer="UNHCR eligibility officer",
        interpreter_language="pus",
        interview_record="Threatened by an armed group in Kunar.",
    )
    assert (
        case.go(
            pk_unhcr_caseworker, "decide", outcome="recognised", reasons="Well-founded fear."
        ).status_code
        == 202
    )
    case.approve_pending(pk_unhcr_supervisor)
    case.ok(pk_unhcr_caseworker, "notify", date=days_ago(40))
    case.ok(pk_unhcr_caseworker, "finalise")
    assert case.ok(pk_unhcr_caseworker, "close")["state"] == "closed"


def test_unhcr_runs_its_own_asylum_cases_as_the_mandate_variant_even_beside_a_national_procedure(
    kg_border_officer, kg_unhcr_partner, register, referral, open_case
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "unhcr_mandate", kg_unhcr_partner)
    case = open_case(kg_unhcr_partner, referral=accepted.pk)
    assert case.get(kg_unhcr_partner)["variant"] == "unhcr_mandate"


def test_child_protection_from_referral_to_determination_and_closure(
    kg_border_officer,
    kg_child_caseworker,
    kg_child_supervisor,
    register,
    screen,
    referral,
    open_case,
):
    child = register(kg_border_officer, birth_date="2012-03")
    screen(kg_border_officer, child, UNACCOMPANIED_CHILD)
    accepted = referral(
        kg_border_officer, child, "child_protection", kg_child_caseworker, priority="urgent"
    )
    case = open_case(kg_child_caseworker, referral=accepted.pk)
    body = case.get(kg_child_caseworker)
    assert body["type"] == "child_protection"
    assert "best_interests_assessment" in body["deadlines"]  # the pack's 24 hours
    case.ok(kg_child_caseworker, "assess_best_interests", assessment="Alone, 14, wants school.")
    case.ok(kg_child_caseworker, "appoint_guardian", guardian="N. Abdyrakhmanova")
    case.ok(kg_child_caseworker, "arrange_care", arrangement="Foster family in Bishkek")
    case.ok(kg_child_caseworker, "start_tracing", relatives_found="")
    pending = case.go(
        kg_child_caseworker,
        "determine_best_interests",
        panel="Panel of 3",
        durable_solution="local_integration",
        reasons="No safe family to return to.",
    )
    assert pending.status_code == 202
    determined = case.approve_pending(kg_child_supervisor)
    assert determined["state"] == "determined"
    assert determined["durable_solution"] == "local_integration"
    assert determined["durable_solution_status"] == "planned"
    assert case.ok(kg_child_caseworker, "close")["state"] == "closed"


def test_trafficking_assistance_with_reflection_period_and_solution(
    kg_border_officer, kg_iom_partner, register, screen, referral, open_case
):
    person = register(kg_border_officer)
    screen(kg_border_officer, person, TRAFFICKED)
    accepted = referral(kg_border_officer, person, "victim_assistance", kg_iom_partner)
    case = open_case(kg_iom_partner, referral=accepted.pk)
    reflection = case.ok(kg_iom_partner, "start_reflection_period", start_date="2026-11-20")
    assert reflection["deadlines"]["reflection_period_ends"] == "2026-12-20"  # pack: 30 days
    stays = case.ok(kg_iom_partner, "record_cooperation_choice", choice="declines")
    assert stays["state"] == "reflection"  # her own choice; nothing depends on it
    case.ok(kg_iom_partner, "agree_assistance_plan", shelter="IOM shelter", services="medical")
    decided = case.ok(kg_iom_partner, "decide_solution", durable_solution="local_integration")
    assert decided["durable_solution"] == "local_integration"
    assert case.ok(kg_iom_partner, "close")["state"] == "closed"


def test_statelessness_determination_with_approval_and_status(
    kg_border_officer, kg_unhcr_partner, kg_unhcr_supervisor, register, referral, open_case
):
    person = register(kg_border_officer, nationalities=["stateless"])
    accepted = referral(kg_border_officer, person, "statelessness_determination", kg_unhcr_partner)
    case = open_case(kg_unhcr_partner, referral=accepted.pk)
    case.ok(kg_unhcr_partner, "register_application")
    assert (
        case.go(
            kg_unhcr_partner,
            "decide",
            outcome="stateless",
            reasons="No state considers him a national.",
        ).status_code
        == 202
    )
    case.approve_pending(kg_unhcr_supervisor)
    case.ok(kg_unhcr_partner, "grant_status", document="Stateless person's ID 0001")
    assert case.ok(kg_unhcr_partner, "close")["state"] == "closed"


def test_regularisation_opened_directly_to_a_permit(kg_migration_caseworker, register, open_case):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="regularisation")
    case.ok(kg_migration_caseworker, "check_eligibility", years_in_country=7)
    row = CaseTransition.objects.get(case_id=case.id, name="check_eligibility")
    assert row.data["eligible"] is True and row.data["min_years"] == 5  # the KG pack's rule
    case.ok(kg_migration_caseworker, "complete_documents", documents="passport, lease")
    case.ok(kg_migration_caseworker, "decide", outcome="granted", reasons="Seven years' stay.")
    case.ok(kg_migration_caseworker, "issue_permit", permit_number="KG-P-1", expiry="2029-11-30")
    assert case.ok(kg_migration_caseworker, "close")["state"] == "closed"


def test_voluntary_return_with_consent_to_follow_up(
    kg_migration_caseworker, kg_iom_partner, register, referral, open_case
):
    person = register(kg_migration_caseworker)
    accepted = referral(
        kg_migration_caseworker, person, "assisted_voluntary_return", kg_iom_partner
    )
    case = open_case(kg_iom_partner, referral=accepted.pk)
    case.ok(kg_iom_partner, "counsel", counselling_notes="Options explained.")
    case.ok(
        kg_iom_partner, "record_informed_consent", consent_signed=True, consent_date=days_ago(1)
    )
    case.ok(kg_iom_partner, "obtain_travel_documents", travel_document="laissez-passer")
    case.ok(kg_iom_partner, "depart", date=days_ago(0))
    case.ok(kg_iom_partner, "follow_up", reintegration="Small business grant")
    assert case.ok(kg_iom_partner, "close")["state"] == "closed"


def test_return_procedure_with_alternatives_detention_and_removal(
    kg_migration_caseworker, register, open_case
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    case.ok(
        kg_migration_caseworker,
        "consider_alternatives",
        alternatives="Reporting: absconded twice. Bail: no surety.",
    )
    decided = case.ok(
        kg_migration_caseworker,
        "issue_return_decision",
        legal_basis="Law on External Migration art. 40",
        appeal_informed=True,
        appeal_deadline=days_ago(1),
    )
    assert decided["deadlines"]["appeal"] == days_ago(1)
    case.ok(
        kg_migration_caseworker,
        "order_detention",
        reasons="Absconded twice; no alternative serves.",
        legal_basis="art. 41",
        review_date=days_ago(-14),
    )
    case.ok(kg_migration_caseworker, "remove", date=days_ago(0), legal_basis="art. 40")
    assert case.ok(kg_migration_caseworker, "close")["state"] == "closed"


def test_return_appeal_rejected_then_removal(kg_migration_caseworker, register, open_case):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    case.ok(kg_migration_caseworker, "consider_alternatives", alternatives="Reporting serves.")
    case.ok(
        kg_migration_caseworker,
        "issue_return_decision",
        legal_basis="art. 40",
        appeal_informed=True,
        appeal_deadline=days_ago(-30),
    )
    assert "appeal" in case.refused(
        kg_migration_caseworker, "remove", date=days_ago(0), legal_basis="art. 40"
    )
    case.ok(kg_migration_caseworker, "lodge_appeal", grounds="Family here.")
    case.ok(kg_migration_caseworker, "decide_appeal", outcome="rejected", reasons="No family.")
    case.ok(kg_migration_caseworker, "remove", date=days_ago(0), legal_basis="art. 40")


def test_return_appeal_allowed_closes_the_case(kg_migration_caseworker, register, open_case):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="return")
    case.ok(kg_migration_caseworker, "consider_alternatives", alternatives="Reporting serves.")
    case.ok(
        kg_migration_caseworker,
        "issue_return_decision",
        legal_basis="art. 40",
        appeal_informed=True,
        appeal_deadline=days_ago(-30),
    )
    case.ok(kg_migration_caseworker, "lodge_appeal")
    closed = case.ok(
        kg_migration_caseworker, "decide_appeal", outcome="allowed", reasons="Unlawful."
    )
    assert closed["state"] == "closed"


def test_a_supervisor_reopens_a_closed_case_to_the_state_it_closed_from(
    kg_migration_caseworker, kg_migration_supervisor, register, open_case
):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="regularisation")
    case.ok(kg_migration_caseworker, "check_eligibility", years_in_country=1)
    case.ok(kg_migration_caseworker, "close", reasons="Not eligible")
    assert "supervisor" in case.refused(kg_migration_caseworker, "reopen", reasons="new facts")
    reopened = case.ok(kg_migration_supervisor, "reopen", reasons="Years miscounted.")
    assert reopened["state"] == "eligibility_checked"


def test_withdraw_records_the_withdrawal_and_closes(kg_migration_caseworker, register, open_case):
    person = register(kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, person=person.pk, type="regularisation")
    closed = case.ok(
        kg_migration_caseworker, "withdraw", date=days_ago(0), reasons="Moving to Kazakhstan."
    )
    assert closed["state"] == "closed"
    assert Case.objects.get(pk=case.id).closed_from == "open"


def test_regularisation_from_a_referral_to_closure(
    kg_border_officer, kg_migration_caseworker, register, referral, open_case
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "regularisation", kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, referral=accepted.pk)
    case.ok(kg_migration_caseworker, "check_eligibility", years_in_country=5)
    row = CaseTransition.objects.get(case_id=case.id, name="check_eligibility")
    assert row.data["pack"] == "KG-2026-01-01" and row.data["pack_effective_from"] == "2026-01-01"
    assert row.data["rule"] == "regularisation_min_years" and row.data["eligible"] is True
    case.ok(kg_migration_caseworker, "complete_documents")
    case.ok(kg_migration_caseworker, "decide", outcome="granted", reasons="Five years' stay.")
    permit = case.ok(
        kg_migration_caseworker, "issue_permit", permit_number="KG-P-2", expiry="2030-01-31"
    )
    assert permit["state"] == "permit_issued"
    assert case.ok(kg_migration_caseworker, "close")["state"] == "closed"
    assert states(case.id) == [
        "open",
        "eligibility_checked",
        "documents_complete",
        "decided",
        "permit_issued",
        "closed",
    ]


def test_return_from_a_referral_to_removal_and_closure(
    kg_border_officer, kg_migration_caseworker, register, referral, open_case
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "return_procedure", kg_migration_caseworker)
    case = open_case(kg_migration_caseworker, referral=accepted.pk)
    case.ok(kg_migration_caseworker, "consider_alternatives", alternatives="Reporting serves.")
    case.ok(
        kg_migration_caseworker,
        "issue_return_decision",
        legal_basis="Law on External Migration art. 40",
        appeal_informed=True,
        appeal_deadline=days_ago(1),
    )
    assert "deadline" in case.refused(kg_migration_caseworker, "lodge_appeal")
    case.ok(kg_migration_caseworker, "remove", date=days_ago(0), legal_basis="art. 40")
    assert case.ok(kg_migration_caseworker, "close")["state"] == "closed"
    assert states(case.id) == ["open", "alternatives_considered", "decided", "removed", "closed"]


def test_a_voluntary_return_through_the_pages_from_the_referral_to_closure(
    kg_migration_caseworker, kg_iom_partner, register, referral, web
):
    person = register(kg_migration_caseworker)
    accepted = referral(
        kg_migration_caseworker, person, "assisted_voluntary_return", kg_iom_partner
    )
    client = web(kg_iom_partner)
    queue = client.get("/cases/").content.decode()
    assert f"/cases/open/?referral={accepted.pk}" in queue
    opened = client.post(
        f"/cases/open/?referral={accepted.pk}",
        {"type": "voluntary_return", "summary": "Wants home"},
    )
    case = Case.objects.get(opened_from=accepted)
    assert opened["Location"] == f"/cases/{case.pk}/"
    steps = [
        ("counsel", {"counselling_notes": "Options explained in Dari."}),
        ("record_informed_consent", {"consent_signed": "true", "consent_date": days_ago(1)}),
        ("obtain_travel_documents", {"travel_document": "laissez-passer"}),
        ("depart", {"date": days_ago(0)}),
        ("follow_up", {"reintegration": "Small business grant in Herat"}),
        ("close", {"reasons": "Reintegrated"}),
    ]
    for name, data in steps:
        page = client.get(f"/cases/{case.pk}/").content.decode()
        assert f'id="transition-{name}"' in page, name
        version = Case.objects.get(pk=case.pk).version
        response = client.post(
            f"/cases/{case.pk}/transitions/{name}/", {"version": version, **data}, follow=True
        )
        assert "Done: the case is now" in response.content.decode(), name
    assert states(case.pk) == [
        "open",
        "counselled",
        "consented",
        "documents_ready",
        "departed",
        "follow_up",
        "closed",
    ]
