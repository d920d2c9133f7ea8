"""The pages: work queue (overdue first), case page with its diagram and forms, opening
from a referral, the approval queue, the household view and the person page section."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from crossroads.cases import actions
from crossroads.cases.models import Case
from crossroads.registry.actions import PersonData, register_person

from .conftest import UNACCOMPANIED_CHILD

pytestmark = pytest.mark.django_db


def test_the_work_queue_shows_overdue_first(kg_migration_caseworker, register, web):
    calm = actions.open_case(
        acting_user=kg_migration_caseworker,
        person_id=register(kg_migration_caseworker).pk,
        type="return",
    )
    late = actions.open_case(
        acting_user=kg_migration_caseworker,
        person_id=register(kg_migration_caseworker).pk,
        type="regularisation",
    )
    actions.add_task(
        acting_user=kg_migration_caseworker,
        case_id=calm.pk,
        title="Call lawyer",
        due=dt.date.today() + dt.timedelta(days=5),
    )
    actions.add_task(
        acting_user=kg_migration_caseworker,
        case_id=late.pk,
        title="Get lease",
        due=dt.date.today() - dt.timedelta(days=2),
    )
    page = web(kg_migration_caseworker).get("/cases/")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.index(late.reference) < html.index(calm.reference)
    assert "overdue" in html and "Get lease" in html


def test_the_case_page_shows_the_diagram_the_forms_and_the_timeline(
    kg_migration_caseworker, register, web
):
    case = actions.open_case(
        acting_user=kg_migration_caseworker,
        person_id=register(kg_migration_caseworker).pk,
        type="return",
    )
    actions.add_note(acting_user=kg_migration_caseworker, case_id=case.pk, text="Met at Osh.")
    client = web(kg_migration_caseworker)
    html = client.get(f"/cases/{case.pk}/").content.decode()
    assert "<svg" in html and 'data-state="alternatives_considered"' in html
    assert 'id="transition-consider_alternatives"' in html
    assert 'id="transition-issue_return_decision"' not in html
    assert "Met at Osh." in html
    response = client.post(
        f"/cases/{case.pk}/transitions/consider_alternatives/",
        {"version": case.version, "alternatives": "Reporting twice a week serves."},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).state == "alternatives_considered"
    # A refusal is shown as a message, and nothing changes.
    response = client.post(
        f"/cases/{case.pk}/transitions/remove/",
        {"version": case.version + 1, "date": "2026-11-20", "legal_basis": "x"},
        follow=True,
    )
    assert "not allowed from the state" in response.content.decode()


def test_opening_a_case_from_an_accepted_referral_page(
    kg_border_officer, kg_child_caseworker, register, screen, referral, web
):
    child = register(kg_border_officer, birth_date="2012-03")
    screen(kg_border_officer, child, UNACCOMPANIED_CHILD)
    accepted = referral(kg_border_officer, child, "child_protection", kg_child_caseworker)
    client = web(kg_child_caseworker)
    form = client.get(f"/cases/open/?referral={accepted.pk}")
    assert form.status_code == 200 and accepted.reference in form.content.decode()
    response = client.post(
        f"/cases/open/?referral={accepted.pk}", {"type": "child_protection", "summary": "x"}
    )
    case = Case.objects.get(opened_from=accepted)
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"


def test_the_supervisor_approves_from_the_queue(
    kg_asylum_caseworker, kg_asylum_supervisor, kg_border_officer, register, referral, web
):
    person = register(kg_border_officer)
    accepted = referral(kg_border_officer, person, "asylum_procedure", kg_asylum_caseworker)
    case = actions.open_case(acting_user=kg_asylum_caseworker, referral_id=accepted.pk)
    for name, data in [
        ("register_claim", {}),
        (
            "record_interview",
            {"interviewer": "a", "interpreter_language": "prs", "interview_record": "r"},
        ),
        ("decide", {"outcome": "recognised", "reasons": "Credible, consistent."}),
    ]:
        case = actions.transition_case(
            acting_user=kg_asylum_caseworker,
            case_id=case.pk,
            name=name,
            version=case.version,
            data=data,
        )
    approval = case.approvals.get()
    client = web(kg_asylum_supervisor)
    assert case.reference in client.get("/cases/approvals/").content.decode()
    client.post(f"/cases/approvals/{approval.pk}/", {"answer": "approve"})
    assert Case.objects.get(pk=case.pk).state == "decided"


def test_the_household_view_shows_the_family_cases_together(kg_migration_caseworker, web):
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
    a = actions.open_case(
        acting_user=kg_migration_caseworker, person_id=mother.pk, type="regularisation"
    )
    b = actions.open_case(
        acting_user=kg_migration_caseworker, person_id=son.pk, type="regularisation"
    )
    html = web(kg_migration_caseworker).get(f"/cases/{a.pk}/household/").content.decode()
    assert a.reference in html and b.reference in html


def test_the_person_page_lists_the_persons_cases(kg_migration_caseworker, register, web):
    person = register(kg_migration_caseworker)
    case = actions.open_case(
        acting_user=kg_migration_caseworker, person_id=person.pk, type="return"
    )
    html = web(kg_migration_caseworker).get(f"/people/{person.pk}/").content.decode()
    assert case.reference in html and 'id="open-case"' in html


def test_a_document_is_downloaded_only_by_those_who_see_the_case(
    kg_migration_caseworker, kz_migration_caseworker, register, web
):
    case = actions.open_case(
        acting_user=kg_migration_caseworker,
        person_id=register(kg_migration_caseworker).pk,
        type="regularisation",
    )
    document = actions.upload_document(
        acting_user=kg_migration_caseworker,
        case_id=case.pk,
        title="Lease",
        uploaded=SimpleUploadedFile("lease.pdf", b"%PDF-1.4 lease"),
    )
    url = f"/cases/{case.pk}/documents/{document.pk}/"
    response = web(kg_migration_caseworker).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 lease"
    assert web(kz_migration_caseworker).get(url).status_code == 404


def test_another_states_caseworker_gets_404_on_the_case_page(
    kg_migration_caseworker, kz_migration_caseworker, register, web
):
    case = actions.open_case(
        acting_user=kg_migration_caseworker,
        person_id=register(kg_migration_caseworker).pk,
        type="return",
    )
    assert web(kz_migration_caseworker).get(f"/cases/{case.pk}/").status_code == 404


def test_family_tracing_links_the_records_of_relatives_found(
    kg_border_officer, kg_child_caseworker, register, screen, referral, web
):
    child = register(kg_border_officer, birth_date="2012-03")
    screen(kg_border_officer, child, UNACCOMPANIED_CHILD)
    accepted = referral(kg_border_officer, child, "child_protection", kg_child_caseworker)
    uncle = register(kg_child_caseworker, given_name="Karim")
    case = actions.open_case(acting_user=kg_child_caseworker, referral_id=accepted.pk)
    for name, data in [
        ("assess_best_interests", {"assessment": "a"}),
        ("appoint_guardian", {"guardian": "g"}),
        ("arrange_care", {"arrangement": "c"}),
    ]:
        case = actions.transition_case(
            acting_user=kg_child_caseworker,
            case_id=case.pk,
            name=name,
            version=case.version,
            data=data,
        )
    with pytest.raises(actions.InvalidInput):
        actions.transition_case(
            acting_user=kg_child_caseworker,
            case_id=case.pk,
            name="start_tracing",
            version=case.version,
            data={"relatives_found": "KG-2026-999999-0"},
        )
    actions.transition_case(
        acting_user=kg_child_caseworker,
        case_id=case.pk,
        name="start_tracing",
        version=case.version,
        data={"relatives_found": uncle.reference},
    )
    html = web(kg_child_caseworker).get(f"/cases/{case.pk}/").content.decode()
    assert f'href="/people/{uncle.pk}/"' in html


def test_the_open_page_offers_only_the_types_the_agency_runs(
    kg_migration_caseworker, kg_border_officer, register, web
):
    person = register(kg_migration_caseworker)
    html = web(kg_migration_caseworker).get(f"/cases/open/?person={person.pk}").content.decode()
    for offered in ("regularisation", "return", "statelessness"):
        assert f'value="{offered}"' in html
    for other in ("asylum", "child_protection", "voluntary_return"):
        assert f'value="{other}"' not in html


def test_a_step_refused_now_is_shown_with_its_reason(
    kg_migration_caseworker, register, screen, web
):
    from .conftest import FEAR

    person = register(kg_migration_caseworker)
    case = actions.open_case(
        acting_user=kg_migration_caseworker, person_id=person.pk, type="return"
    )
    case = actions.transition_case(
        acting_user=kg_migration_caseworker,
        case_id=case.pk,
        name="consider_alternatives",
        version=case.version,
        data={"alternatives": "Reporting."},
    )
    screen(kg_migration_caseworker, person, FEAR)
    html = web(kg_migration_caseworker).get(f"/cases/{case.pk}/").content.decode()
    assert 'id="transition-issue_return_decision"' not in html
    assert 'id="blocked-issue_return_decision"' in html and "non_refoulement" in html
