"""Overdue referrals (still unanswered after the deadline) are flagged on both boxes and
to the supervisors of the agencies that sent or received them."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from crossroads.referrals.actions import accept_referral
from crossroads.referrals.queries import overdue_for_supervisor

pytestmark = pytest.mark.django_db


@pytest.fixture
def late(kg_migration_caseworker, register, refer, kg_agencies, make_overdue):
    person = register(kg_migration_caseworker)
    return make_overdue(refer(kg_migration_caseworker, person, kg_agencies["asylum"]))


@pytest.fixture
def on_time(kg_migration_caseworker, register, refer, kg_agencies):
    person = register(kg_migration_caseworker, given_name="Gulnara")
    return refer(kg_migration_caseworker, person, kg_agencies["asylum"])


def test_an_unanswered_referral_past_its_deadline_is_overdue(late, on_time, kg_asylum_caseworker):
    assert late.is_overdue
    assert not on_time.is_overdue
    accept_referral(acting_user=kg_asylum_caseworker, referral_id=late.pk)
    late.refresh_from_db()
    assert not late.is_overdue


def test_the_api_flags_and_filters_overdue_referrals(late, on_time, kg_asylum_caseworker, api):
    client = api(kg_asylum_caseworker)
    rows = client.get("/api/v1/referrals/?box=in").json()["results"]
    assert {row["reference"]: row["overdue"] for row in rows} == {
        late.reference: True,
        on_time.reference: False,
    }
    overdue = client.get("/api/v1/referrals/?box=in&overdue=true").json()["results"]
    assert [row["reference"] for row in overdue] == [late.reference]


def test_both_boxes_flag_an_overdue_referral_in_red(
    late, on_time, kg_asylum_caseworker, kg_migration_caseworker, web
):
    for user, url in (
        (kg_asylum_caseworker, "/referrals/"),
        (kg_migration_caseworker, "/referrals/sent/"),
    ):
        page = web(user).get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert html.count("overdue-flag") == 1
        assert f'class="referral overdue" data-reference="{late.reference}"' in html
        assert f'class="referral" data-reference="{on_time.reference}"' in html


def test_supervisors_of_the_sending_and_receiving_agency_see_the_overdue_referral(
    late, on_time, kg_migration_supervisor, kg_border_officer, kz_migration_supervisor
):
    assert list(overdue_for_supervisor(kg_migration_supervisor)) == [late]
    assert list(overdue_for_supervisor(kg_border_officer)) == []
    assert list(overdue_for_supervisor(kz_migration_supervisor)) == []


def test_the_supervisors_page_lists_overdue_referrals_and_others_may_not_open_it(
    late, on_time, kg_migration_supervisor, kg_migration_caseworker, web, client
):
    page = web(kg_migration_supervisor).get("/referrals/overdue/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'data-reference="{late.reference}"' in html
    assert on_time.reference not in html
    client.logout()
    assert web(kg_migration_caseworker).get("/referrals/overdue/").status_code == 403


def test_the_home_page_tag_shows_overdue_referrals_to_supervisors_only(
    late, kg_migration_supervisor, kg_migration_caseworker
):
    template = Template("{% load referrals %}{% overdue_referrals %}")
    request = RequestFactory().get("/")
    request.user = kg_migration_supervisor
    shown = template.render(Context({"request": request}))
    assert "1 overdue referral" in shown
    assert late.person.reference in shown
    request.user = kg_migration_caseworker
    assert "overdue" not in template.render(Context({"request": request}))
