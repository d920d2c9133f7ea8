"""The ten states' legal frameworks side by side, every cell with its source or marked
not checked; gaps shown as such; what changed between two dated packs."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/frameworks/"


def _state(body, code):
    return next(s for s in body if s["country"] == code)


def test_the_ten_states_are_side_by_side_with_every_instrument(kg_analyst, api):
    body = api(kg_analyst).get(URL).json()
    assert sorted(s["country"] for s in body) == [
        "AF", "AZ", "CN", "IR", "KG", "KZ", "PK", "TJ", "TM", "TR",
    ]  # fmt: skip
    for state in body:
        assert {
            "refugee_convention_1951",
            "refugee_protocol_1967",
            "statelessness_convention_1954",
            "statelessness_convention_1961",
            "trafficking_protocol_2000",
            "crc",
            "ilo_c029",
            "ilo_p029",
            "ilo_c105",
            "ilo_c097",
            "ilo_c143",
            "ilo_c189",
            "icrmw",
        } <= set(state["instruments"])
        assert {"asylum", "statelessness", "trafficking_referral", "best_interests"} <= set(
            state["procedures"]
        )


def test_every_cell_cites_its_source_or_says_it_is_not_checked(kg_analyst, api):
    for state in api(kg_analyst).get(URL).json():
        for section in ("instruments", "procedures", "parameters"):
            for cell in state[section].values():
                assert cell["source"] or not cell["checked"]
                if cell["checked"]:
                    assert cell["source"]


def test_turkeys_geographical_limitation_and_pakistans_gap_are_shown(kg_analyst, api):
    body = api(kg_analyst).get(URL).json()
    turkey = _state(body, "TR")
    assert turkey["instruments"]["refugee_convention_1951"]["geographical_limitation"]
    assert "geographical_limitation" in {g["code"] for g in turkey["gaps"]}
    pakistan = _state(body, "PK")
    assert pakistan["instruments"]["refugee_convention_1951"]["status"] == "not_party"
    assert "not_party:refugee_convention_1951" in {g["code"] for g in pakistan["gaps"]}
    kyrgyzstan = _state(body, "KG")
    assert kyrgyzstan["instruments"]["ilo_p029"]["status"] == "party"
    assert kyrgyzstan["instruments"]["ilo_p029"]["checked"] is True
    # placeholders of the packs are not law
    reflection = kyrgyzstan["parameters"]["reflection_period_days"]
    assert reflection["checked"] is False and reflection["source"] == ""
    assert "no_reflection_period_in_law" in {g["code"] for g in kyrgyzstan["gaps"]}


def test_what_changed_between_turkeys_two_packs(kg_analyst, api):
    response = api(kg_analyst).get(f"{URL}TR/changes/", {"from": "2015-01-01", "to": "2026-06-01"})
    assert response.status_code == 200
    body = response.json()
    assert (body["before_pack"], body["after_pack"]) == ("TR-2014-04-11", "TR-2026-01-01")
    assert "statelessness_convention_1954" in {c["code"] for c in body["changes"]}


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"from": "2015-13-01"}, 400, "from"),
        ({}, 400, "from"),
        ({"from": "1990-01-01"}, 400, "from"),
        ({"from": "2026-06-01", "to": "2015-01-01"}, 400, "to"),
    ],
)
def test_bad_input_is_a_400(kg_analyst, api, params, status, field):
    response = api(kg_analyst).get(f"{URL}TR/changes/", params)
    assert response.status_code == status
    assert field in response.json()


def test_an_unknown_state_is_a_404(kg_analyst, api):
    assert api(kg_analyst).get(f"{URL}XX/changes/", {"from": "2020-01-01"}).status_code == 404


@pytest.mark.parametrize(
    "persona",
    [
        "kg_border_officer",
        "kg_migration_caseworker",
        "kg_migration_supervisor",
        "kg_analyst",
        "kg_admin",
        "kg_unhcr_partner",
    ],
)
def test_every_role_reads_the_frameworks_and_anonymous_does_not(request, persona, api, web):
    user = request.getfixturevalue(persona)
    assert api(user).get(URL).status_code == 200
    assert web(user).get("/frameworks/").status_code == 200


def test_anonymous_gets_401(api, client):
    assert api().get(URL).status_code == 401
    assert client.get("/frameworks/").status_code == 302


def test_the_page_in_russian_names_the_states_and_marks_unchecked_cells(kg_analyst, web):
    page = web(kg_analyst).get("/frameworks/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Афганистан" in page
    assert "Туркмения" in page or "Туркменистан" in page
    assert "не проверено" in page
    assert "Legal frameworks compared" not in page


def test_treaty_dates_are_written_for_the_reader_not_as_iso(kg_analyst, web):
    page = web(kg_analyst).get("/frameworks/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "2005-08-30" not in page
    assert "30 августа 2005" in page


def test_every_body_a_pack_names_is_offered_for_translation():
    from crossroads.frameworks.texts import BODY_NAMES, bodies_of_packs

    missing = sorted(set(bodies_of_packs()) - set(BODY_NAMES))
    assert missing == [], "run python -m crossroads.frameworks.texts and translate: " + str(missing)


def test_the_page_in_russian_names_the_bodies_in_russian(kg_analyst, web):
    from crossroads.accounts.models import User

    User.objects.filter(pk=kg_analyst.pk).update(language="ru")
    page = web(kg_analyst).get("/frameworks/").content.decode()
    assert "Presidency of Migration Management" not in page
    assert "Президентство по управлению миграцией" in page


def test_a_referral_mechanism_cites_its_source_and_is_not_shown_as_checked(kg_analyst, api):
    body = api(kg_analyst).get(URL).json()
    for code in ("AZ", "KG", "KZ", "TJ", "TR"):
        cell = _state(body, code)["procedures"]["trafficking_referral"]
        assert cell["status"] == "exists", code
        assert cell["source"].strip() and "http" in cell["source"], code
        assert cell["checked"] is False, code
    # nothing found for these: no data, not checked
    for code in ("AF", "CN", "IR", "PK", "TM"):
        assert _state(body, code)["procedures"]["trafficking_referral"]["status"] == "no_data"
    for state in body:
        assert state["procedures"]["best_interests"]["status"] == "no_data"
        assert state["procedures"]["regularisation"]["status"] == "no_data"
    turkey = _state(body, "TR")
    assert turkey["parameters"]["reflection_period_days"]["value"] == 30
    assert "no_reflection_period_in_law" not in {g["code"] for g in turkey["gaps"]}
