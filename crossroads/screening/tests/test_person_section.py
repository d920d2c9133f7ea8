"""The person page's screening section: screenings, active safeguards with their
`because`, "Lift" for supervisors, "Screen this person" for officers."""

from __future__ import annotations

import pytest

from crossroads.screening.actions import screen_person
from crossroads.screening.models import PersonSafeguard
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def kg_border_supervisor(db):
    from crossroads.accounts.models import Agency, User

    agency = Agency.objects.get(country_id="KG", name="Border Service (KG)")
    return User.objects.create(username="kg_border_supervisor", agency=agency, roles=["supervisor"])


@pytest.fixture
def screened(kg_border_officer, register):
    person = register(kg_border_officer)
    screen_person(acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record())
    return person


def test_the_person_page_lists_screenings_and_active_safeguards(kg_border_officer, screened, web):
    page = web(kg_border_officer).get(f"/people/{screened.pk}/").content.decode()
    assert 'id="person-screenings"' in page
    assert screened.screenings.get().reference in page
    assert 'data-code="non_refoulement"' in page
    because = PersonSafeguard.objects.get(person=screened, code="non_refoulement").because
    # The because reads as a sentence, never as the engine's fact.
    assert because == ["need international_protection"]
    assert "Because of the need: International protection (fears return)." in page
    assert "need international_protection" not in page
    assert 'id="screen-person"' in page
    assert "Lift this safeguard" not in page  # an officer may not lift


def test_a_supervisor_sees_lift_and_a_lifted_safeguard_disappears(
    kg_border_supervisor, screened, web
):
    client = web(kg_border_supervisor)
    page = client.get(f"/people/{screened.pk}/").content.decode()
    assert "Lift this safeguard" in page
    safeguard = PersonSafeguard.objects.get(person=screened, code="non_refoulement")
    response = client.post(
        f"/screening/safeguards/{safeguard.pk}/lift/",
        {"reason": "Final negative decision, appeal exhausted", "decision": "KG-2026-77"},
    )
    assert response.status_code == 302
    page = client.get(f"/people/{screened.pk}/").content.decode()
    assert 'data-code="non_refoulement"' not in page
    assert 'data-code="non_punishment"' in page


def test_lifting_without_reasons_is_refused_with_a_message(kg_border_supervisor, screened, web):
    client = web(kg_border_supervisor)
    safeguard = PersonSafeguard.objects.get(person=screened, code="non_refoulement")
    response = client.post(
        f"/screening/safeguards/{safeguard.pk}/lift/", {"reason": " "}, follow=True
    )
    assert "Give the reasons" in response.content.decode()
    safeguard.refresh_from_db()
    assert safeguard.is_active


def test_an_officer_cannot_lift_through_the_page(kg_border_officer, screened, web):
    safeguard = PersonSafeguard.objects.get(person=screened, code="non_refoulement")
    response = web(kg_border_officer).post(
        f"/screening/safeguards/{safeguard.pk}/lift/", {"reason": "no"}
    )
    assert response.status_code == 403
    safeguard.refresh_from_db()
    assert safeguard.is_active


def test_a_partner_sees_no_screenings_on_the_person_page(kg_unhcr_partner, screened):
    """Referred to UNHCR, the partner sees the person but not the screening's details."""
    from crossroads.screening.queries import screenings_of_person

    assert screenings_of_person(kg_unhcr_partner, screened) == []
