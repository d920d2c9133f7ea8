"""Sending a referral by hand from the person's page: refused with the reason without
consent, sent once consent is recorded."""

from __future__ import annotations

import pytest

from crossroads.referrals.models import Referral

pytestmark = pytest.mark.django_db


def test_the_send_page_refuses_a_partner_without_consent_and_sends_after_it(
    kg_border_officer, register, consent, kg_agencies, web
):
    person = register(kg_border_officer)
    client = web(kg_border_officer)
    assert client.get(f"/referrals/person/{person.pk}/send/").status_code == 200
    payload = {
        "pathway": "unhcr_mandate",
        "priority": "urgent",
        "to_agency": kg_agencies["unhcr"].pk,
        "needs": ["international_protection"],
        "note": "",
    }
    refused = client.post(f"/referrals/person/{person.pk}/send/", payload)
    assert refused.status_code == 200
    assert "record the person" in refused.content.decode()
    assert not Referral.objects.filter(person=person).exists()
    consent(kg_border_officer, person, kg_agencies["unhcr"], ["unhcr_mandate"])
    sent = client.post(f"/referrals/person/{person.pk}/send/", payload, follow=True)
    assert "Referral sent." in sent.content.decode()
    assert Referral.objects.get(person=person).to_agency == kg_agencies["unhcr"]


def test_a_partner_cannot_open_the_send_page(kg_unhcr_partner, kg_border_officer, register, web):
    person = register(kg_border_officer)
    assert web(kg_unhcr_partner).get(f"/referrals/person/{person.pk}/send/").status_code == 403
