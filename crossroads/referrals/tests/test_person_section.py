"""The referrals and consents section of the person page, read through the gate."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_person_page_lists_the_persons_referrals_and_consents(
    kg_border_officer, register, refer, consent, kg_agencies, web
):
    person = register(kg_border_officer)
    consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    sent = refer(kg_border_officer, person, kg_agencies["unhcr"], "unhcr_mandate")
    html = web(kg_border_officer).get(f"/people/{person.pk}/").content.decode()
    assert 'id="person-referrals"' in html
    assert sent.reference in html
    assert "UNHCR mandate procedure" in html
    assert f"/referrals/{sent.pk}/" in html
    assert f"/referrals/person/{person.pk}/consents/" in html
    assert "in force" in html


def test_a_partner_sees_on_the_person_page_only_what_was_sent_to_it(
    kg_border_officer, kg_unhcr_partner, register, refer, consent, kg_agencies, web
):
    person = register(kg_border_officer)
    consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    consent(kg_border_officer, person, kg_agencies["ngo"], ["family_tracing"])
    to_unhcr = refer(kg_border_officer, person, kg_agencies["unhcr"], "unhcr_mandate")
    to_asylum = refer(kg_border_officer, person, kg_agencies["asylum"])
    html = web(kg_unhcr_partner).get(f"/people/{person.pk}/").content.decode()
    assert to_unhcr.reference in html
    assert to_asylum.reference not in html
    assert "Sezim crisis centre" not in html


def test_a_person_without_referrals_says_so(kg_border_officer, register, web):
    person = register(kg_border_officer)
    html = web(kg_border_officer).get(f"/people/{person.pk}/").content.decode()
    assert "No referrals." in html
