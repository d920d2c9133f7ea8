"""The screenings page lists only screenings of people the user may see, audited once."""

from __future__ import annotations

import pytest

from crossroads.audit.models import AuditEvent
from crossroads.screening.actions import screen_person
from crossroads.screening.tests.conftest import fear_record

pytestmark = pytest.mark.django_db


def test_the_kyrgyz_officer_sees_only_kyrgyz_screenings_and_the_list_is_audited(
    kg_border_officer, kz_border_officer, register, web
):
    kg_person = register(kg_border_officer)
    mine = screen_person(
        acting_user=kg_border_officer, person_id=kg_person.pk, record_data=fear_record()
    )
    kz_person = register(kz_border_officer)
    theirs = screen_person(
        acting_user=kz_border_officer, person_id=kz_person.pk, record_data=fear_record("KZ")
    )
    page = web(kg_border_officer).get("/screening/").content.decode()
    assert mine.reference in page
    assert theirs.reference not in page
    row = AuditEvent.objects.filter(action="list", object_type="screening.screening").last()
    assert row.detail["ids"] == [str(mine.pk)]


def test_an_analyst_may_not_open_the_screenings_page(kg_analyst, web):
    assert web(kg_analyst).get("/screening/").status_code == 403
