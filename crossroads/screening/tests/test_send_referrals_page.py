"""The screening page: the result, the receiving agency of each referral, consent for a
partner, and one "Send referrals" that sends all or none."""

from __future__ import annotations

import pytest

from crossroads.referrals.models import Consent, Referral
from crossroads.screening.actions import screen_person
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


def _screen(officer, register, record):
    person = register(officer, nationalities=["AF"])
    return screen_person(acting_user=officer, person_id=person.pk, record_data=record)


def _form_defaults(page_client, url):
    """The values the form offers (the first agency of each select, today's dates)."""
    response = page_client.get(url)
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None and getattr(field, "choices", None):
            value = next(iter(field.choices))[0]
        if value is not None and value is not False:
            data[name] = value
    return data


def test_the_page_shows_the_result_and_the_agency_for_each_referral(
    kg_border_officer, register, web, agencies_of
):
    agencies_of("KG")
    screening = _screen(kg_border_officer, register, fear_record())
    page = web(kg_border_officer).get(f"/screening/{screening.pk}/").content.decode()
    assert screening.reference in page
    assert 'data-code="international_protection"' in page
    assert 'name="agency_asylum_procedure"' in page
    assert 'id="information-sheet-links"' in page


def test_sending_referrals_to_state_bodies_shows_their_references(
    kg_border_officer, register, web, agencies_of
):
    agencies_of("KG")
    screening = _screen(kg_border_officer, register, fear_record())
    client = web(kg_border_officer)
    url = f"/screening/{screening.pk}/"
    response = client.post(url, _form_defaults(client, url))
    assert response.status_code == 302
    referral = Referral.objects.get(screening=screening, pathway="asylum_procedure")
    page = client.get(url).content.decode()
    assert referral.reference in page
    assert 'id="sent-referrals"' in page
    assert 'id="send-referrals"' not in page  # nothing is sent twice


def test_a_partner_referral_needs_consent_fields_and_records_consent(
    kg_border_officer, register, web, agencies_of
):
    """Kyrgyzstan sends victim assistance to IOM or an NGO: consent must be recorded."""
    agencies_of("KG")
    record = {
        "country": "KG",
        "date": "2026-11-20",
        "location": {"kind": "inland"},
        "person": {
            "birth_date": "1995",
            "documents": [{"type": "passport", "held_by": "employer"}],
        },
        "travel": {"moved_or_recruited_by_another": True},
        "indicators": {"forced_labour": ["deception", "withholding_of_wages"]},
    }
    screening = _screen(kg_border_officer, register, record)
    partner = [r for r in screening.result["referrals"] if r["consent_required"]]
    assert partner, screening.result["referrals"]
    pathway = partner[0]["pathway"]
    client = web(kg_border_officer)
    url = f"/screening/{screening.pk}/"
    page = client.get(url).content.decode()
    assert f'name="consent_{pathway}_given_by"' in page
    data = _form_defaults(client, url)
    data[f"consent_{pathway}_given_by_name"] = "the person herself"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    consent = Consent.objects.get(person=screening.person)
    assert consent.purposes == [pathway]
    assert Referral.objects.filter(screening=screening, consent=consent).exists()


def test_a_refused_send_shows_the_reason_and_sends_nothing(
    kg_border_officer, register, web, agencies_of
):
    """Consent by an authority is no consent: refused, and no referral leaves."""
    agencies_of("KG")
    record = {
        "country": "KG",
        "date": "2026-11-20",
        "location": {"kind": "inland"},
        "person": {"birth_date": "1995"},
        "indicators": {"gbv_survivor": True},
    }
    screening = _screen(kg_border_officer, register, record)
    client = web(kg_border_officer)
    url = f"/screening/{screening.pk}/"
    data = _form_defaults(client, url)
    data["consent_gbv_services_given_by"] = "authority"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Referral.objects.filter(screening=screening).exists()
    assert not Consent.objects.exists()


def test_another_states_officer_gets_404(kg_border_officer, kz_border_officer, register, web):
    screening = _screen(kg_border_officer, register, fear_record())
    assert web(kz_border_officer).get(f"/screening/{screening.pk}/").status_code == 404
