"""POST /api/v1/screenings/preview/: the result without saving anything."""

from __future__ import annotations

import pytest

from crossroads.engines.screening import screen
from crossroads.screening.models import Screening
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


def test_a_preview_gives_the_engine_result_and_saves_nothing(kg_border_officer, api):
    response = api(kg_border_officer).post(
        "/api/v1/screenings/preview/", {"record": fear_record()}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == screen(fear_record())
    assert not Screening.objects.exists()


def test_a_preview_of_an_invalid_record_is_400_naming_the_field(kg_border_officer, api):
    record = fear_record()
    record["location"] = {"kind": "beach"}
    response = api(kg_border_officer).post(
        "/api/v1/screenings/preview/", {"record": record}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["record.location.kind"]


def test_a_partner_may_not_preview(kg_unhcr_partner, api):
    response = api(kg_unhcr_partner).post(
        "/api/v1/screenings/preview/", {"record": fear_record()}, format="json"
    )
    assert response.status_code == 403
