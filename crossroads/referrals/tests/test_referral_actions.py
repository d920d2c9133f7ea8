"""The core of screening and referral, through the actions: safeguards set by a screening,
consent for partners, and the safeguard check on return and on the country of origin."""

from __future__ import annotations

import datetime as dt

import pytest

from crossroads.accounts.models import Agency
from crossroads.core.exceptions import Conflict, Forbidden
from crossroads.referrals.actions import (
    accept_referral,
    record_consent,
    send_referral,
    send_screening_referrals,
)
from crossroads.screening.actions import lift_safeguard, screen_person
from crossroads.screening.safeguards import active_safeguard_codes

pytestmark = pytest.mark.django_db


def fear_record(**person):
    return {
        "country": "KG",
        "date": "2026-11-20",
        "location": {"kind": "border"},
        "person": {"nationalities": ["AF"], **person},
        "statements": {"fear_of_return": True},
    }


@pytest.fixture
def kg_agencies(db):
    made = {}
    for name, kind in [
        ("Migration Service (KG)", "migration_service"),
        ("Refugee department (KG)", "asylum_authority"),
        ("UNHCR Kyrgyzstan", "unhcr"),
        ("Embassy of Afghanistan in Bishkek", "foreign_mission"),
    ]:
        made[name], _ = Agency.objects.get_or_create(
            country_id="KG", name=name, defaults={"kind": kind}
        )
    made["Embassy of Afghanistan in Bishkek"].represents_state = "AF"
    made["Embassy of Afghanistan in Bishkek"].save()
    return made


def test_a_screening_with_fear_of_return_sets_non_refoulement(kg_border_officer, register):
    person = register(kg_border_officer, nationalities=["AF"])
    screening = screen_person(
        acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record()
    )
    assert "international_protection" in [n["code"] for n in screening.result["needs"]]
    assert "non_refoulement" in active_safeguard_codes(person)


def test_no_return_referral_while_non_refoulement_stands(kg_border_officer, register, kg_agencies):
    person = register(kg_border_officer)
    screen_person(acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record())
    with pytest.raises(Conflict, match="non_refoulement"):
        send_referral(
            acting_user=kg_border_officer,
            person_id=person.pk,
            pathway="return_procedure",
            priority="normal",
        )


def test_nothing_goes_to_the_mission_of_the_country_of_origin(
    kg_border_officer, register, kg_agencies
):
    person = register(kg_border_officer, nationalities=["AF"])
    screen_person(acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record())
    embassy = kg_agencies["Embassy of Afghanistan in Bishkek"]
    with pytest.raises(Conflict, match="non_refoulement"):
        send_referral(
            acting_user=kg_border_officer,
            person_id=person.pk,
            pathway="migrant_information",
            priority="normal",
            to_agency_id=embassy.pk,
        )


def test_a_partner_referral_needs_consent_first(kg_border_officer, register, kg_agencies):
    person = register(kg_border_officer)
    unhcr = kg_agencies["UNHCR Kyrgyzstan"]
    with pytest.raises(Conflict, match="consent"):
        send_referral(
            acting_user=kg_border_officer,
            person_id=person.pk,
            pathway="unhcr_mandate",
            priority="urgent",
            to_agency_id=unhcr.pk,
        )
    consent = record_consent(
        acting_user=kg_border_officer,
        person_id=person.pk,
        to_agency_id=unhcr.pk,
        purposes=["unhcr_mandate"],
        given_by="person",
        given_on=dt.date(2026, 11, 20),
    )
    referral = send_referral(
        acting_user=kg_border_officer,
        person_id=person.pk,
        pathway="unhcr_mandate",
        priority="urgent",
        to_agency_id=unhcr.pk,
    )
    assert referral.consent == consent


def test_screening_referrals_go_to_the_agency_of_the_pathway_and_can_be_accepted(
    kg_border_officer, kg_asylum_caseworker, register, kg_agencies, api
):
    person = register(kg_border_officer)
    screening = screen_person(
        acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record()
    )
    referrals = send_screening_referrals(
        acting_user=kg_border_officer,
        screening_id=screening.pk,
        agencies={"asylum_procedure": kg_asylum_caseworker.agency_id},
    )
    asylum = next(r for r in referrals if r.pathway == "asylum_procedure")
    assert asylum.priority == "urgent"
    assert asylum.to_agency == kg_asylum_caseworker.agency
    assert api(kg_asylum_caseworker).get(f"/api/v1/persons/{person.pk}/").status_code == 200
    accepted = accept_referral(acting_user=kg_asylum_caseworker, referral_id=asylum.pk)
    assert accepted.status == "accepted"


def test_a_supervisor_lifts_a_safeguard_with_a_recorded_decision(
    kg_migration_caseworker, kg_migration_supervisor, register
):
    person = register(kg_migration_caseworker)
    screen_person(
        acting_user=kg_migration_caseworker, person_id=person.pk, record_data=fear_record()
    )
    safeguard = person.safeguards.get(code="non_refoulement")
    with pytest.raises(Forbidden):
        lift_safeguard(acting_user=kg_migration_caseworker, safeguard_id=safeguard.pk, reason="x")
    lift_safeguard(
        acting_user=kg_migration_supervisor,
        safeguard_id=safeguard.pk,
        reason="Claim finally rejected; no risk found on appeal",
        decision="KG-APP-2026-17",
    )
    assert "non_refoulement" not in active_safeguard_codes(person)


def test_an_export_to_the_mission_of_the_country_of_origin_is_refused_while_non_refoulement_stands(
    kg_border_officer, register, kg_agencies, api
):
    from crossroads.audit.models import AuditEvent

    person = register(kg_border_officer, nationalities=["AF"])
    embassy = kg_agencies["Embassy of Afghanistan in Bishkek"]
    client = api(kg_border_officer)
    url = f"/api/v1/persons/{person.pk}/export/"
    # Before any screening the rule fails closed: no protection need has been ruled out.
    assert client.get(url, {"recipient": str(embassy.pk)}).status_code == 409
    screen_person(acting_user=kg_border_officer, person_id=person.pk, record_data=fear_record())
    refused = client.get(url, {"recipient": str(embassy.pk)})
    assert refused.status_code == 409
    assert "non_refoulement" in refused.json()["detail"]
    migration = kg_agencies["Migration Service (KG)"]
    assert client.get(url, {"recipient": str(migration.pk)}).status_code == 200
    assert AuditEvent.objects.filter(object_id=str(person.pk), action="export").count() == 1


def test_an_export_to_a_partner_needs_consent(kg_border_officer, register, kg_agencies, api):
    person = register(kg_border_officer)
    unhcr = kg_agencies["UNHCR Kyrgyzstan"]
    response = api(kg_border_officer).get(
        f"/api/v1/persons/{person.pk}/export/", {"recipient": str(unhcr.pk)}
    )
    assert response.status_code == 409


def test_an_export_carries_ethnicity_and_religion_only_where_they_may_go(
    kg_border_officer, register, kg_agencies, consent, api
):
    person = register(kg_border_officer, nationalities=["AF"], ethnicity="Hazara", religion="Shia")
    # A screening that found no protection need: only then may the mission receive anything.
    screen_person(
        acting_user=kg_border_officer,
        person_id=person.pk,
        record_data={
            "country": "KG",
            "date": "2026-11-20",
            "location": {"kind": "inland"},
            "person": {"nationalities": ["AF"], "sex": "M", "birth_date": "1990-01-01"},
            "statements": {"fear_of_return": False, "free_text": "I came to work."},
        },
    )
    client = api(kg_border_officer)
    url = f"/api/v1/persons/{person.pk}/export/"

    def exported(agency):
        response = client.get(url, {"recipient": str(agency.pk)})
        assert response.status_code == 200
        return response.json()

    # a body of the state of registration: the whole record
    assert exported(kg_agencies["Migration Service (KG)"])["ethnicity"] == "Hazara"
    # a foreign mission never gets them, and a partner only with consent that says so
    assert "religion" not in exported(kg_agencies["Embassy of Afghanistan in Bishkek"])
    unhcr = kg_agencies["UNHCR Kyrgyzstan"]
    consent(kg_border_officer, person, unhcr, ["asylum_procedure"])
    assert "ethnicity" not in exported(unhcr)
    consent(kg_border_officer, person, unhcr, ["asylum_procedure"], shares_sensitive=True)
    assert exported(unhcr)["religion"] == "Shia"
