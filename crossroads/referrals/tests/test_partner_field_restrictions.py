"""Access: a partner sees only the referrals sent to it, with only the fields consented
(issue 3, "Access"; screening.md section 6)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _shared_with_unhcr(
    officer, register, screened, consent, refer, agencies, *, shares_sensitive, pathway
):
    person = register(officer, nationalities=["UZ"], languages=["uzb"], sex="female")
    screening = screened(officer, person)
    consent(officer, person, agencies["unhcr"], [pathway], shares_sensitive=shares_sensitive)
    return refer(
        officer,
        person,
        agencies["unhcr"],
        pathway,
        needs=["international_protection", "gbv_survivor", "trafficking_possible"],
        screening_id=screening.pk,
    )


def test_a_partner_sees_only_the_referrals_sent_to_it_with_only_the_fields_consented(
    kg_border_officer, kg_unhcr_partner, register, screened, consent, refer, kg_agencies, api
):
    to_partner = _shared_with_unhcr(
        kg_border_officer,
        register,
        screened,
        consent,
        refer,
        kg_agencies,
        shares_sensitive=False,
        pathway="unhcr_mandate",
    )
    elsewhere = refer(kg_border_officer, to_partner.person, kg_agencies["asylum"])
    client = api(kg_unhcr_partner)

    listed = client.get("/api/v1/referrals/").json()["results"]
    assert [row["id"] for row in listed] == [str(to_partner.pk)]
    assert client.get(f"/api/v1/referrals/{elsewhere.pk}/").status_code == 404

    body = client.get(f"/api/v1/referrals/{to_partner.pk}/").json()
    person = body["person"]
    assert person["given_name"] == "Aibek"
    assert person["nationalities"] == ["UZ"]
    assert person["languages"] == ["uzb"]
    assert person["reference"] == to_partner.person.reference
    assert body["needs"] == ["international_protection"]
    assert "free_text" not in body["screening"]
    assert "indicators" not in body["screening"]
    assert "ethnicity" not in person and "religion" not in person


def test_a_partner_with_consent_to_share_sensitive_details_sees_those_its_pathway_needs(
    kg_border_officer, kg_unhcr_partner, register, screened, consent, refer, kg_agencies, api
):
    referral = _shared_with_unhcr(
        kg_border_officer,
        register,
        screened,
        consent,
        refer,
        kg_agencies,
        shares_sensitive=True,
        pathway="unhcr_mandate",
    )
    body = api(kg_unhcr_partner).get(f"/api/v1/referrals/{referral.pk}/").json()
    # The mandate procedure assesses the person's account, not violence or exploitation.
    assert body["screening"]["free_text"].startswith("He kept my passport")
    assert body["needs"] == ["international_protection"]
    assert "indicators" not in body["screening"]


def test_violence_details_go_to_gbv_services_only_with_consent_to_share_them(
    kg_border_officer, register, screened, consent, refer, kg_agencies, api
):
    from crossroads.accounts.models import User

    ngo_worker = User.objects.create(
        username="kg_ngo_partner", agency=kg_agencies["ngo"], roles=["partner"]
    )
    person = register(kg_border_officer)
    screening = screened(kg_border_officer, person)
    consent(kg_border_officer, person, kg_agencies["ngo"], ["gbv_services"], shares_sensitive=True)
    referral = refer(
        kg_border_officer,
        person,
        kg_agencies["ngo"],
        "gbv_services",
        needs=["gbv_survivor", "medical_needs", "trafficking_possible"],
        screening_id=screening.pk,
    )
    body = api(ngo_worker).get(f"/api/v1/referrals/{referral.pk}/").json()
    assert body["needs"] == ["gbv_survivor"]
    assert body["screening"]["indicators"] == {"gbv_survivor": True}


def test_the_person_page_of_a_partner_goes_through_the_gate(
    kg_border_officer, kg_unhcr_partner, register, consent, refer, kg_agencies, api
):
    referred = register(kg_border_officer)
    not_referred = register(kg_border_officer, given_name="Nurlan")
    consent(kg_border_officer, referred, kg_agencies["unhcr"], ["unhcr_mandate"])
    refer(kg_border_officer, referred, kg_agencies["unhcr"], "unhcr_mandate")
    client = api(kg_unhcr_partner)
    assert client.get(f"/api/v1/persons/{referred.pk}/").status_code == 200
    assert client.get(f"/api/v1/persons/{not_referred.pk}/").status_code == 404


def test_a_partner_sees_only_the_consents_given_to_it(
    kg_border_officer, kg_unhcr_partner, register, consent, refer, kg_agencies, api
):
    person = register(kg_border_officer)
    to_unhcr = consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    consent(kg_border_officer, person, kg_agencies["ngo"], ["family_tracing"])
    refer(kg_border_officer, person, kg_agencies["unhcr"], "unhcr_mandate")
    body = api(kg_unhcr_partner).get(f"/api/v1/consents/?person={person.pk}").json()
    assert [row["id"] for row in body["results"]] == [str(to_unhcr.pk)]
