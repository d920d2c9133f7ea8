"""`GET /api/v1/statistics/`: counts of the user's own state, for analysts and supervisors,
with small cells hidden, one audit row per request and never an individual."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from crossroads.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

URL = "/api/v1/statistics/"


def _cells(table):
    return {cell["value"]: cell["count"] for cell in table}


def _near(shown, true):
    """A protected count: within 2 of the truth, never 1 to 4 (a small one is 0 or 5)."""
    if true == 0:
        return shown == 0
    if true < 5:
        return shown in (0, 5)
    return shown >= 5 and abs(shown - true) <= 2


def test_the_analyst_sees_the_counts_of_her_own_state_only(
    kg_border_officer, kz_border_officer, kg_analyst, register, api
):
    for _ in range(6):
        register(kg_border_officer, sex="female", nationalities=["AF"])
    for _ in range(5):
        register(kg_border_officer, sex="male", nationalities=["AF"])
    for _ in range(7):
        register(kz_border_officer, sex="male", nationalities=["UZ"])
    response = api(kg_analyst).get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["country"] == "KG"
    assert _near(body["registrations"]["total"], 11)
    cells = _cells(body["registrations"]["by_sex"])
    assert set(cells) == {"female", "male", "other", "unknown"}
    assert _near(cells["female"], 6) and _near(cells["male"], 5)
    assert cells["other"] == 0 and cells["unknown"] == 0
    assert set(_cells(body["registrations"]["by_nationality"])) == {"AF"}


def test_a_small_count_is_never_shown_as_it_is(kg_border_officer, kg_analyst, register, api):
    for _ in range(9):
        register(kg_border_officer, sex="female")
    register(kg_border_officer, sex="other")
    body = api(kg_analyst).get(URL).json()
    by_sex = {cell["value"]: cell for cell in body["registrations"]["by_sex"]}
    assert by_sex["other"]["count"] in (0, 5)
    assert by_sex["other"]["suppressed"] is False
    assert _near(by_sex["female"]["count"], 9)


def test_asking_again_gives_the_same_figures(kg_border_officer, kg_analyst, register, api):
    for _ in range(12):
        register(kg_border_officer)
    first = api(kg_analyst).get(URL).json()
    second = api(kg_analyst).get(URL).json()
    assert first == second


def test_the_answer_names_no_one(kg_border_officer, kg_analyst, register, api):
    people = [register(kg_border_officer, given_name="Gulnara", family_name="Karimova")]
    people += [register(kg_border_officer) for _ in range(5)]
    text = api(kg_analyst).get(URL).content.decode()
    assert "Gulnara" not in text and "Karimova" not in text
    assert not any(str(p.pk) in text or p.reference in text for p in people)


def test_children_are_counted_by_their_age_when_registered(
    kg_border_officer, kg_analyst, register, api
):
    this_year = timezone.now().year
    for _ in range(5):
        register(kg_border_officer, birth_date=f"{this_year - 10}", birth_date_precision="year")
    for _ in range(5):
        register(kg_border_officer, birth_date="1980-05-01", birth_date_precision="day")
    body = api(kg_analyst).get(URL).json()
    cells = _cells(body["registrations"]["by_age_band"])
    assert _near(cells["child"], 5) and _near(cells["adult"], 5) and cells["unknown"] == 0


def test_screenings_are_counted_by_each_need_found(kg_border_officer, kg_analyst, register, api):
    from crossroads.screening.actions import screen_person

    today = timezone.localdate().isoformat()
    for _ in range(5):
        person = register(kg_border_officer)
        screen_person(
            acting_user=kg_border_officer,
            person_id=person.pk,
            record_data={"country": "KG", "date": today, "statements": {"fear_of_return": True}},
        )
    body = api(kg_analyst).get(URL).json()
    assert _near(body["screenings"]["total"], 5)
    assert _near(_cells(body["screenings"]["by_need"])["international_protection"], 5)


def test_the_period_counts_only_what_was_registered_in_it(
    kg_border_officer, kg_analyst, register, api
):
    for _ in range(5):
        register(kg_border_officer)
    today = timezone.localdate()
    inside = api(kg_analyst).get(URL, {"from": today.isoformat(), "to": today.isoformat()})
    before = api(kg_analyst).get(URL, {"to": (today - dt.timedelta(days=1)).isoformat()})
    assert _near(inside.json()["registrations"]["total"], 5)
    assert inside.json()["from"] == today.isoformat()
    assert before.json()["registrations"]["total"] == 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-02-30"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2026-05-01", "to": "2026-04-01"}, "to"),
    ],
)
def test_a_bad_period_is_a_400_naming_the_field(kg_analyst, api, params, field):
    response = api(kg_analyst).get(URL, params)
    assert response.status_code == 400
    assert field in response.json()


def test_period_errors_follow_accept_language(kg_analyst, api):
    response = api(kg_analyst).get(URL, {"from": "2026-02-30"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert "формат" in response.json()["from"][0]


@pytest.mark.parametrize(
    "persona",
    ["kg_border_officer", "kg_migration_caseworker", "kg_unhcr_partner", "kg_admin"],
)
def test_roles_that_work_with_people_or_configure_get_403(request, persona, api):
    response = api(request.getfixturevalue(persona)).get(URL)
    assert response.status_code == 403
    assert "detail" in response.json()


def test_a_supervisor_reads_the_statistics_too(kg_migration_supervisor, api):
    assert api(kg_migration_supervisor).get(URL).status_code == 200


def test_an_anonymous_caller_gets_401(api):
    assert api().get(URL).status_code == 401


def test_each_request_leaves_one_audit_row_naming_the_period_only(kg_analyst, api):
    before = AuditEvent.objects.count()
    api(kg_analyst).get(URL, {"from": "2026-01-01"})
    assert AuditEvent.objects.count() == before + 1
    row = AuditEvent.objects.order_by("-id").first()
    assert (row.actor, row.action, row.object_type) == (kg_analyst, "list", "statistics")
    assert row.detail == {"country": "KG", "from": "2026-01-01", "to": None}


def test_the_statistics_cost_the_same_number_of_queries_however_many_people(
    kg_border_officer, kg_analyst, register, api
):
    client = api(kg_analyst)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for _ in range(8):
        register(kg_border_officer, nationalities=["AF", "TJ"])
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) == len(few)
