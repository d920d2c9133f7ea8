"""JSON in: every string NFC-normalised on the way in, and text no database can hold
refused with a 400, never a 500."""

from __future__ import annotations

import unicodedata

import pytest

from crossroads.registry.models import Person

pytestmark = pytest.mark.django_db

URL = "/api/v1/persons/"


def test_every_string_of_a_body_is_stored_nfc_normalised(kg_border_officer, api):
    decomposed = unicodedata.normalize("NFD", "Йўлдошева")
    response = api(kg_border_officer).post(
        URL,
        {
            "given_name": "Гүлнара",
            "aliases": [{"family_name": decomposed}],
            "documents": [{"type": "passport", "number": decomposed}],
            "religion": decomposed,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    person = Person.objects.get(pk=response.json()["id"])
    texts = [
        person.religion,
        person.aliases.get().family_name,
        person.documents.get().number,
    ]
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    assert person.aliases.get().family_name == "Йўлдошева"


@pytest.mark.parametrize(
    "body",
    [
        b'{"given_name": "A\\u0000B"}',
        b'{"given_name": "\\ud800"}',
        b'{"given_name": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    ],
    ids=["nul", "lone-surrogate", "nested-too-deeply"],
)
def test_text_no_database_can_hold_is_a_400_and_nothing_is_saved(kg_border_officer, api, body):
    before = Person.objects.count()
    response = api(kg_border_officer).post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert Person.objects.count() == before


def test_a_nul_character_in_a_query_parameter_is_a_400(kg_border_officer, api):
    response = api(kg_border_officer).get(URL, {"q": "A\x00"})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
