"""Emergency mode: a supervisor declares an influx; first contact there uses the short
screening; the people so screened wait for the full screening, overdue shown."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from crossroads.emergency.models import Influx, ShortScreening

pytestmark = pytest.mark.django_db


@pytest.fixture
def influx(kg_migration_supervisor, api):
    today = timezone.localdate()
    response = api(kg_migration_supervisor).post(
        "/api/v1/influxes/",
        {
            "location": "Dostuk",
            "location_kind": "border",
            "starts": str(today),
            "ends": str(today + dt.timedelta(days=30)),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def short(api, user, person, influx, **answers):
    body = {"person": str(person.pk), "influx": influx["id"], **answers}
    return api(user).post("/api/v1/short-screenings/", body, format="json")


def test_a_supervisor_declares_an_influx_and_an_officer_cannot(kg_border_officer, api, influx):
    assert influx["running"] is True and influx["country"] == "KG"
    response = api(kg_border_officer).post(
        "/api/v1/influxes/",
        {"location": "X", "starts": "2026-01-01", "ends": "2026-01-02"},
        format="json",
    )
    assert response.status_code == 403
    listed = api(kg_border_officer).get("/api/v1/influxes/").json()
    assert [i["location"] for i in listed["results"]] == ["Dostuk"]


def test_an_officer_reads_the_influx_but_not_its_figures(kg_border_officer, api, influx):
    body = api(kg_border_officer).get(f"/api/v1/influxes/{influx['id']}/").json()
    assert body["influx"]["location"] == "Dostuk" and "figures" not in body


def test_an_influx_ending_before_it_starts_is_refused(kg_migration_supervisor, api):
    response = api(kg_migration_supervisor).post(
        "/api/v1/influxes/",
        {"location": "Dostuk", "starts": "2026-12-10", "ends": "2026-12-01"},
        format="json",
    )
    assert response.status_code == 400 and "ends" in response.json()
    assert Influx.objects.count() == 0


def test_another_state_does_not_see_the_influx(kz_border_officer, api, influx):
    assert api(kz_border_officer).get("/api/v1/influxes/").json()["count"] == 0
    assert api(kz_border_officer).get(f"/api/v1/influxes/{influx['id']}/").status_code == 404


def test_fear_of_return_must_be_answered_in_the_short_screening(
    kg_migration_caseworker, api, register, influx
):
    person = register(kg_migration_caseworker)
    response = short(api, kg_migration_caseworker, person, influx, medical_urgent=True)
    assert response.status_code == 400
    assert "fear_of_return" in response.json()
    assert ShortScreening.objects.count() == 0


def test_a_child_alone_who_fears_return_is_screened_urgent_and_queued(
    kg_migration_caseworker, kg_migration_supervisor, api, register, influx
):
    person = register(kg_migration_caseworker, given_name="Omid")
    response = short(
        api, kg_migration_caseworker, person, influx, fear_of_return="yes", child_alone=True
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    needs = {n["code"] for n in body["result"]["needs"]}
    assert {"international_protection", "unaccompanied_child"} <= needs
    assert body["priority"] == "urgent"
    due = dt.datetime.fromisoformat(body["full_due"])
    assert dt.timedelta(hours=23) < due - timezone.now() <= dt.timedelta(hours=24)
    safeguards = {
        s["code"]
        for s in api(kg_migration_caseworker)
        .get(f"/api/v1/persons/{person.pk}/")
        .json()["safeguards"]
    }
    assert {"non_refoulement", "no_detention_child"} <= safeguards

    queue = api(kg_migration_supervisor).get("/api/v1/full-screening-queue/").json()
    assert [q["person"] for q in queue["results"]] == [str(person.pk)]
    figures = api(kg_migration_supervisor).get(f"/api/v1/influxes/{influx['id']}/").json()
    assert figures["figures"]["screened"] == 1
    assert figures["figures"]["child_alone"] == 1 and figures["figures"]["waiting"] == 1


def test_urgent_medical_need_gives_an_emergency_deadline(
    kg_migration_caseworker, api, register, influx
):
    person = register(kg_migration_caseworker)
    body = short(
        api, kg_migration_caseworker, person, influx, fear_of_return="no", medical_urgent=True
    ).json()
    assert body["priority"] == "emergency"
    due = dt.datetime.fromisoformat(body["full_due"])
    assert due - timezone.now() <= dt.timedelta(hours=4)


def test_signs_of_trafficking_are_screened_by_the_engine(
    kg_migration_caseworker, api, register, influx
):
    person = register(kg_migration_caseworker)
    body = short(
        api,
        kg_migration_caseworker,
        person,
        influx,
        fear_of_return="declined",
        moved_or_recruited_by_another=True,
        forced_labour=["deception", "withholding_of_wages"],
    ).json()
    needs = {n["code"] for n in body["result"]["needs"]}
    assert "trafficking_presumed" in needs
    screening = ShortScreening.objects.get().screening
    assert screening.record["statements"] == {"fear_of_return_declined": True}


def test_overdue_are_shown_and_a_full_screening_takes_the_person_off_the_queue(
    kg_migration_caseworker, kg_migration_supervisor, api, register, influx
):
    person = register(kg_migration_caseworker)
    short(api, kg_migration_caseworker, person, influx, fear_of_return="no")
    ShortScreening.objects.update(full_due=timezone.now() - dt.timedelta(hours=1))
    supervisor = api(kg_migration_supervisor)
    queue = supervisor.get("/api/v1/full-screening-queue/").json()["results"]
    assert queue[0]["overdue"] is True
    assert supervisor.get(f"/api/v1/influxes/{influx['id']}/").json()["figures"]["overdue"] == 1

    full = {
        "person": str(person.pk),
        "record": {
            "country": "KG",
            "date": str(timezone.localdate()),
            "statements": {"fear_of_return": False},
        },
    }
    assert (
        api(kg_migration_caseworker).post("/api/v1/screenings/", full, format="json").status_code
        == 201
    )
    assert supervisor.get("/api/v1/full-screening-queue/").json()["count"] == 0
    figures = supervisor.get(f"/api/v1/influxes/{influx['id']}/").json()["figures"]
    assert figures["fully_screened"] == 1 and figures["overdue"] == 0


def test_no_short_screening_outside_a_running_influx(
    kg_migration_caseworker, kg_migration_supervisor, api, register
):
    ended = (
        api(kg_migration_supervisor)
        .post(
            "/api/v1/influxes/",
            {"location": "Osh", "starts": "2026-01-01", "ends": "2026-01-31"},
            format="json",
        )
        .json()
    )
    person = register(kg_migration_caseworker)
    response = short(api, kg_migration_caseworker, person, ended, fear_of_return="yes")
    assert response.status_code == 400 and "influx" in response.json()


def test_the_queue_is_for_supervisors(kg_border_officer, api):
    assert api(kg_border_officer).get("/api/v1/full-screening-queue/").status_code == 403


def test_the_pages_declare_screen_and_show_the_queue(
    kg_migration_caseworker, kg_migration_supervisor, register, client
):
    today = timezone.localdate()
    client.force_login(kg_migration_supervisor)
    response = client.post(
        "/emergency/",
        {"location": "Dostuk", "location_kind": "border", "starts": str(today), "ends": str(today)},
    )
    assert response.status_code == 302
    influx = Influx.objects.get()
    person = register(kg_migration_caseworker, given_name="Zahra")
    client.force_login(kg_migration_caseworker)
    page = client.get(f"/emergency/person/{person.pk}/short/")
    assert "Dostuk" in page.content.decode()
    unanswered = client.post(f"/emergency/person/{person.pk}/short/", {"influx": str(influx.pk)})
    assert unanswered.status_code == 200 and ShortScreening.objects.count() == 0
    saved = client.post(
        f"/emergency/person/{person.pk}/short/", {"influx": str(influx.pk), "fear_of_return": "yes"}
    )
    assert saved.status_code == 302
    client.force_login(kg_migration_supervisor)
    detail = client.get(f"/emergency/{influx.pk}/").content.decode()
    assert person.reference in detail and 'id="fig-waiting">1<' in detail
