"""The referral pages with the Django test client: inbox, outbox, one referral with its
answer buttons, and the consent pages of a person."""

from __future__ import annotations

import pytest

from crossroads.referrals.models import Consent, Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(kg_border_officer, register, refer, kg_agencies):
    person = register(kg_border_officer, given_name="Zarina", family_name="Rahimi")
    return refer(kg_border_officer, person, kg_agencies["asylum"], priority="urgent")


def test_the_receiver_sees_the_referral_in_the_inbox_with_name_pathway_and_priority(
    referral, kg_asylum_caseworker, web
):
    html = web(kg_asylum_caseworker).get("/referrals/").content.decode()
    assert "Referrals received" in html
    assert referral.person.reference in html
    assert "Zarina Rahimi" in html
    assert "Asylum procedure" in html
    assert "urgent" in html


def test_the_sender_sees_the_status_in_the_outbox(referral, kg_border_officer, web):
    html = web(kg_border_officer).get("/referrals/sent/").content.decode()
    assert "Referrals sent" in html
    assert "Refugee department (KG)" in html
    assert 'class="status-sent"' in html


def test_the_receiver_accepts_on_the_referral_page(referral, kg_asylum_caseworker, web):
    client = web(kg_asylum_caseworker)
    page = client.get(f"/referrals/{referral.pk}/")
    assert 'id="accept-referral"' in page.content.decode()
    response = client.post(
        f"/referrals/{referral.pk}/accept/", {"version": referral.version}, follow=True
    )
    assert "Referral accepted." in response.content.decode()
    assert 'id="accept-referral"' not in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED


def test_an_accepted_referral_leads_its_receiver_to_open_the_case_and_then_to_it(
    referral, kg_asylum_caseworker, kg_border_officer, web
):
    client = web(kg_asylum_caseworker)
    client.post(f"/referrals/{referral.pk}/accept/", {"version": referral.version})
    page = client.get(f"/referrals/{referral.pk}/").content.decode()
    assert f'href="/cases/open/?referral={referral.pk}"' in page
    client.post("/cases/open/", {"referral": str(referral.pk), "type": "asylum"})
    case = referral.cases.get()
    page = client.get(f"/referrals/{referral.pk}/").content.decode()
    assert case.reference in page
    assert 'id="open-case"' not in page
    # the sender sees the answer, not the receiver's case
    page = web(kg_border_officer).get(f"/referrals/{referral.pk}/").content.decode()
    assert case.reference not in page


def test_declining_on_the_page_needs_a_reason(referral, kg_asylum_caseworker, web):
    client = web(kg_asylum_caseworker)
    response = client.post(f"/referrals/{referral.pk}/decline/", {"reason": " "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode() or (
        "Give the reason for declining." in response.content.decode()
    )
    referral.refresh_from_db()
    assert referral.status == Referral.Status.SENT
    client.post(f"/referrals/{referral.pk}/decline/", {"reason": "We cover Osh only"})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DECLINED
    assert referral.decline_reason == "We cover Osh only"


def test_answering_twice_on_the_page_shows_the_reason(referral, kg_asylum_caseworker, web):
    client = web(kg_asylum_caseworker)
    client.post(f"/referrals/{referral.pk}/accept/")
    response = client.post(f"/referrals/{referral.pk}/accept/", follow=True)
    assert "already been answered" in response.content.decode()


def test_the_sender_sees_the_referral_without_answer_buttons(referral, kg_border_officer, web):
    page = web(kg_border_officer).get(f"/referrals/{referral.pk}/")
    assert page.status_code == 200
    assert 'id="accept-referral"' not in page.content.decode()


def test_anyone_else_gets_not_found(
    referral, kg_migration_caseworker, kz_migration_caseworker, web, client
):
    assert web(kg_migration_caseworker).get(f"/referrals/{referral.pk}/").status_code == 404
    assert client.post(f"/referrals/{referral.pk}/accept/").status_code == 404
    client.logout()
    assert web(kz_migration_caseworker).get(f"/referrals/{referral.pk}/").status_code == 404


def test_consents_are_recorded_and_withdrawn_on_the_person_page(
    kg_border_officer, register, kg_agencies, web
):
    person = register(kg_border_officer)
    client = web(kg_border_officer)
    page = client.get(f"/referrals/person/{person.pk}/consents/")
    assert page.status_code == 200
    assert "UNHCR Kyrgyzstan" in page.content.decode()
    assert "Refugee department (KG)" not in page.content.decode()  # a state body needs none
    response = client.post(
        f"/referrals/person/{person.pk}/consents/",
        {
            "to_agency": kg_agencies["unhcr"].pk,
            "purposes": ["unhcr_mandate"],
            "basis": "consent",
            "given_by": "person",
            "given_by_name": "",
            "given_on": "2026-11-20",
        },
        follow=True,
    )
    assert "Consent recorded." in response.content.decode()
    recorded = Consent.objects.get(person=person)
    response = client.post(f"/referrals/consents/{recorded.pk}/withdraw/", follow=True)
    assert "Consent withdrawn." in response.content.decode()
    assert "withdrawn on" in response.content.decode()
    recorded.refresh_from_db()
    assert recorded.withdrawn_at is not None


def test_a_lawful_basis_refused_on_the_page_shows_why(
    kg_border_officer, register, kg_agencies, web
):
    person = register(kg_border_officer)
    response = web(kg_border_officer).post(
        f"/referrals/person/{person.pk}/consents/",
        {
            "to_agency": kg_agencies["ngo"].pk,
            "purposes": ["gbv_services"],
            "basis": "vital_interests",
            "given_by": "authority",
            "given_on": "2026-11-20",
        },
    )
    assert response.status_code == 200
    assert "Vital interests cover medical care only." in response.content.decode()
    assert not Consent.objects.filter(person=person).exists()


def test_a_partner_page_shows_only_consented_fields(
    kg_border_officer, kg_unhcr_partner, register, screened, consent, refer, kg_agencies, web
):
    person = register(kg_border_officer)
    screening = screened(kg_border_officer, person)
    consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    referral = refer(
        kg_border_officer,
        person,
        kg_agencies["unhcr"],
        "unhcr_mandate",
        needs=["international_protection", "gbv_survivor"],
        screening_id=screening.pk,
    )
    html = web(kg_unhcr_partner).get(f"/referrals/{referral.pk}/").content.decode()
    assert "International protection" in html
    assert "Survivor of gender-based violence" not in html
    assert "He kept my passport" not in html
    assert 'id="accept-referral"' in html


def test_the_referral_page_shows_the_indicators_its_pathway_deals_with(
    kg_border_officer, register, screened, consent, refer, kg_agencies, web
):
    from crossroads.accounts.models import User

    ngo_worker = User.objects.create(
        username="kg_ngo_page", agency=kg_agencies["ngo"], roles=["partner"]
    )
    person = register(kg_border_officer)
    screening = screened(kg_border_officer, person)
    consent(kg_border_officer, person, kg_agencies["ngo"], ["gbv_services"], shares_sensitive=True)
    referral = refer(
        kg_border_officer,
        person,
        kg_agencies["ngo"],
        "gbv_services",
        needs=["gbv_survivor"],
        screening_id=screening.pk,
    )
    html = web(ngo_worker).get(f"/referrals/{referral.pk}/").content.decode()
    assert 'id="screening-indicators"' in html
    assert "Survivor of gender-based violence" in html
    assert "Pregnant" not in html
    assert "Forced-labour indicators" not in html
    assert "He kept my passport" in html
