"""A lawful basis instead of consent (screening.md section 6): the child's best interests,
decided only by the child-protection authority; vital interests, for medical care only."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _consent_payload(person, agency, purposes, basis, given_by="authority"):
    return {
        "person": str(person.pk),
        "to_agency": str(agency.pk),
        "purposes": purposes,
        "basis": basis,
        "given_by": given_by,
        "given_on": "2026-11-20",
    }


def test_only_the_child_protection_authority_records_the_childs_best_interests(
    kg_border_officer, kg_child_protection_worker, register, refer, kg_agencies, api
):
    child = register(kg_border_officer, birth_date="2014")
    refer(kg_border_officer, child, kg_agencies["child_protection"], "child_protection")
    payload = _consent_payload(
        child, kg_agencies["ngo"], ["family_tracing"], "child_best_interests"
    )
    refused = api(kg_border_officer).post("/api/v1/consents/", payload, format="json")
    assert refused.status_code == 403
    recorded = api(kg_child_protection_worker).post("/api/v1/consents/", payload, format="json")
    assert recorded.status_code == 201, recorded.content
    assert recorded.json()["basis"] == "child_best_interests"
    sent = refer(kg_child_protection_worker, child, kg_agencies["ngo"], "family_tracing")
    assert sent.consent_id is not None


def test_vital_interests_cover_medical_care_only(kg_border_officer, register, kg_agencies, api):
    person = register(kg_border_officer)
    client = api(kg_border_officer)
    refused = client.post(
        "/api/v1/consents/",
        _consent_payload(person, kg_agencies["ngo"], ["gbv_services"], "vital_interests"),
        format="json",
    )
    assert refused.status_code == 400
    assert "purposes" in refused.json()
    recorded = client.post(
        "/api/v1/consents/",
        _consent_payload(person, kg_agencies["ngo"], ["medical_care"], "vital_interests"),
        format="json",
    )
    assert recorded.status_code == 201, recorded.content


def test_consent_is_given_by_the_person_a_parent_or_a_guardian(
    kg_border_officer, register, kg_agencies, api
):
    person = register(kg_border_officer)
    response = api(kg_border_officer).post(
        "/api/v1/consents/",
        _consent_payload(person, kg_agencies["unhcr"], ["unhcr_mandate"], "consent"),
        format="json",
    )
    assert response.status_code == 400
    assert "given_by" in response.json()


def test_a_state_body_needs_no_consent(kg_border_officer, register, kg_agencies, api):
    person = register(kg_border_officer)
    response = api(kg_border_officer).post(
        "/api/v1/consents/",
        _consent_payload(person, kg_agencies["asylum"], ["asylum_procedure"], "consent", "person"),
        format="json",
    )
    assert response.status_code == 400
    assert "to_agency" in response.json()


def test_a_consent_for_one_pathway_does_not_cover_another(
    kg_border_officer, register, consent, kg_agencies, api
):
    person = register(kg_border_officer)
    consent(kg_border_officer, person, kg_agencies["ngo"], ["family_tracing"])
    response = api(kg_border_officer).post(
        "/api/v1/referrals/",
        {
            "person": str(person.pk),
            "pathway": "gbv_services",
            "priority": "high",
            "to_agency": str(kg_agencies["ngo"].pk),
        },
        format="json",
    )
    assert response.status_code == 409


@pytest.mark.parametrize("birth_date", ["2014", "2012-05-30", "2008-02-29"])
def test_a_childs_consent_is_given_by_a_parent_or_guardian_not_the_child(
    kg_border_officer, register, kg_agencies, api, birth_date, monkeypatch
):
    """screening.md section 6. Born on 29 February 2008, the child is 18 only on
    1 March 2026: on 28 February still a child."""
    import datetime as dt

    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2026, 2, 28))
    child = register(kg_border_officer, birth_date=birth_date)
    client = api(kg_border_officer)
    payload = _consent_payload(child, kg_agencies["unhcr"], ["unhcr_mandate"], "consent", "person")
    payload["given_on"] = "2026-02-27"
    refused = client.post("/api/v1/consents/", payload, format="json")
    assert refused.status_code == 400
    assert "given_by" in refused.json()
    recorded = client.post("/api/v1/consents/", {**payload, "given_by": "guardian"}, format="json")
    assert recorded.status_code == 201, recorded.content


def test_an_adult_gives_their_own_consent(kg_border_officer, register, kg_agencies, api):
    adult = register(kg_border_officer, birth_date="1990-03-01")
    payload = _consent_payload(adult, kg_agencies["unhcr"], ["unhcr_mandate"], "consent", "person")
    response = api(kg_border_officer).post("/api/v1/consents/", payload, format="json")
    assert response.status_code == 201, response.content
