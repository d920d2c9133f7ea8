"""Safeguards enforced on sending, through the one safeguard check: no return pathway and
nothing to the mission of the country of origin while non-refoulement stands."""

from __future__ import annotations

import pytest

from crossroads.referrals.models import Referral
from crossroads.screening.actions import lift_safeguard

pytestmark = pytest.mark.django_db

FEAR = {
    "country": "KG",
    "date": "2026-11-20",
    "location": {"kind": "border"},
    "person": {"nationalities": ["AF"]},
    "statements": {"fear_of_return": True},
}


def _send(client, person, pathway, agency=None):
    payload = {"person": str(person.pk), "pathway": pathway, "priority": "normal"}
    if agency is not None:
        payload["to_agency"] = str(agency.pk)
    return client.post("/api/v1/referrals/", payload, format="json")


def test_a_return_pathway_is_refused_while_non_refoulement_stands(
    kg_border_officer, register, screened, kg_agencies, api
):
    person = register(kg_border_officer, nationalities=["AF"])
    screened(kg_border_officer, person, FEAR)
    response = _send(api(kg_border_officer), person, "return_procedure", kg_agencies["migration"])
    assert response.status_code == 409
    assert "non_refoulement" in response.json()["detail"]
    assert not Referral.objects.filter(person=person).exists()


def test_nothing_goes_to_the_mission_of_the_country_of_origin_while_non_refoulement_stands(
    kg_border_officer, register, screened, kg_agencies, api
):
    person = register(kg_border_officer, nationalities=["AF"])
    screened(kg_border_officer, person, FEAR)
    response = _send(
        api(kg_border_officer), person, "migrant_information", kg_agencies["embassy_af"]
    )
    assert response.status_code == 409
    assert "non_refoulement" in response.json()["detail"]


def test_the_mission_of_another_state_is_not_blocked(
    kg_border_officer, register, screened, kg_agencies, api
):
    from crossroads.accounts.models import Agency

    embassy_tj = Agency.objects.create(
        country_id="KG",
        name="Embassy of Tajikistan",
        kind="migration_service",
        represents_state="TJ",
    )
    person = register(kg_border_officer, nationalities=["AF"])
    screened(kg_border_officer, person, FEAR)
    response = _send(api(kg_border_officer), person, "migrant_information", embassy_tj)
    assert response.status_code == 201, response.content


def test_a_return_referral_may_go_once_a_supervisor_has_lifted_the_safeguard(
    kg_migration_caseworker, kg_migration_supervisor, register, screened, kg_agencies, api
):
    person = register(kg_migration_caseworker, nationalities=["AF"])
    screened(kg_migration_caseworker, person, FEAR)
    safeguard = person.safeguards.get(code="non_refoulement")
    lift_safeguard(
        acting_user=kg_migration_supervisor,
        safeguard_id=safeguard.pk,
        reason="Claim finally rejected",
        decision="KG-APP-2026-17",
    )
    client = api(kg_migration_caseworker)
    assert _send(client, person, "return_procedure", kg_agencies["migration"]).status_code == 201
