"""What the offline app needs to show the information sheet with no connection: the
sheet's words in every language, served without a session (public text, no one's data)
and kept by the service worker; and the referrals app's own choice of rights, shipped in
the engine's bundle for Pyodide as the very file the server runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossroads.referrals.sheets import ALWAYS, RIGHTS, available_languages, load_content

pytestmark = pytest.mark.django_db


def test_the_sheets_words_are_served_to_anyone_in_every_language(client):
    response = client.get("/offline/sheets.json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache" and response["ETag"]
    words = json.loads(response.content)
    assert [item["code"] for item in words["languages"]] == available_languages()
    assert words["rights"] == list(RIGHTS) and set(words["always"]) == ALWAYS
    for code in available_languages():
        content = load_content(code)
        assert words["content"][code]["title"] == content["title"]
        assert words["content"][code]["labels"] == content["labels"]
        assert words["content"][code]["rights"] == content["rights"]


def test_the_service_worker_keeps_the_sheet_for_use_with_no_connection(client):
    script = client.get("/sw.js").content.decode()
    assert "/offline/sheets.json" in script
    assert "offline/sheet.js" in script and "referrals/sheet.css" in script


def test_the_engine_bundle_ships_the_servers_own_choice_of_rights(client):
    from crossroads.referrals.sheets import choice

    files = json.loads(client.get("/offline/engine.json").content)["files"]
    assert files["sheet_choice.py"] == Path(choice.__file__).read_text(encoding="utf-8")


def test_the_offline_page_offers_the_sheet_in_the_officers_language(client):
    page = client.get("/offline/app/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'id="sheet-section"' in page and 'data-default="rus"' in page
    assert "Информационный лист" in page
