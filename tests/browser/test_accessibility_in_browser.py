"""Every page passes axe-core with no serious or critical violation, in English, Russian
and the right-to-left staff language. axe-core is installed from the npm registry by
.ci/run (`npm ci`, package.json) and injected here from node_modules: never fetched while
the tests run."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ["en", "ru", "fa"]

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]}).then((result) => done(
  result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}))
)).catch((error) => done([{id: "axe-error", impact: "critical", help: String(error), nodes: []}]));
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CROSSROADS_REQUIRE_BROWSER"):
            pytest.fail("axe-core is required here: run `npm ci` (.ci/run does)")
        pytest.skip("axe-core is not installed; `npm ci` installs it")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def cast(db: Any, register: Any) -> dict[str, Any]:
    """A Kyrgyz post with a person screened and referred, and a case opened."""
    from conftest import ensure_cast
    from crossroads.accounts.models import Agency, User
    from crossroads.referrals.actions import send_screening_referrals
    from crossroads.screening.actions import screen_person

    ensure_cast()
    officer = User.objects.get(username="kg_border_officer")
    supervisor = User.objects.get(username="kg_migration_supervisor")
    Agency.objects.get_or_create(
        country_id="KG", name="Refugee department (KG)", defaults={"kind": "asylum_authority"}
    )
    # Every agency of the post named in Russian and Dari too, as the demo's are: a page that
    # shows an agency's English name to a Russian or Persian reader is caught by the walk.
    for number, agency in enumerate(Agency.objects.filter(country_id="KG"), start=1):
        agency.translations = {
            "rus": {"name": f"Организация № {number}"},
            "prs": {"name": f"نهاد شماره {number}"},
        }
        agency.save(update_fields=["translations"])
    person = register(officer, given_name="Ahmad", family_name="Rahimi", nationalities=["AF"])
    screening = screen_person(
        acting_user=officer,
        person_id=person.pk,
        record_data={
            "schema": "crossroads.screening/1",
            "country": "KG",
            "date": "2026-11-20",
            "location": {"kind": "border", "name": "Dostuk"},
            "person": {"nationalities": ["AF"], "age_claimed": 16},
            "travel": {"accompanied_by": "none"},
            "statements": {"fear_of_return": True},
        },
    )
    # An agency missing for a pathway refuses the sending: the pages still show the screening.
    with contextlib.suppress(Exception):
        send_screening_referrals(acting_user=officer, screening_id=screening.pk, agencies={})
    return {"officer": officer, "supervisor": supervisor, "person": person, "screening": screening}


def _pages(cast: dict[str, Any]) -> dict[str, list[str]]:
    person, screening = cast["person"], cast["screening"]
    return {
        "kg_border_officer": [
            "/",
            "/people/",
            f"/people/{person.pk}/",
            "/people/register/",
            f"/screening/person/{person.pk}/new/",
            f"/screening/{screening.pk}/",
            "/screening/",
            "/referrals/",
            "/referrals/sent/",
            f"/referrals/person/{person.pk}/send/",
            f"/sheets/screening/{screening.pk}/?lang=rus",
            f"/search/?q={person.reference.split('-')[2]}",
        ],
        "kg_migration_supervisor": ["/cases/", "/cases/approvals/", "/identity/duplicates/"],
    }


def _more_pages(cast: dict[str, Any]) -> dict[str, list[str]]:
    """The rest of the pages each role works on (the walk in every language reads them)."""
    person = cast["person"]
    return {
        "kg_border_officer": [
            "/households/register/",
            f"/people/{person.pk}/edit/",
            f"/referrals/person/{person.pk}/consents/",
            "/emergency/",
            "/frameworks/",
        ],
        "kg_migration_supervisor": [
            "/referrals/overdue/",
            "/access/requests/",
            "/imports/",
            f"/people/{person.pk}/audit/",
            "/statistics/",
            "/regional/publications/",
        ],
        "kg_analyst": ["/statistics/", "/statistics/report/", "/frameworks/"],
    }


def _screenshot(browser: Any, language: str, username: str, path: str) -> None:
    """With CROSSROADS_SCREENSHOTS set (CI sets it), each page at 390 and 800 px wide is kept
    there as a test artefact (never committed)."""
    folder = os.environ.get("CROSSROADS_SCREENSHOTS")
    if not folder:
        return
    import re

    Path(folder).mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_")[:60] or "home"
    for width in (390, 800):
        browser.set_window_size(width, 900)
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(int(height), 4000))
        browser.save_screenshot(f"{folder}/{language}_{username}_{width}_{name}.png")
    browser.set_window_size(1280, 900)


def _violations(browser: Any, axe_source: str, url: str) -> list[dict[str, Any]]:
    browser.get(url)
    browser.execute_script(axe_source)
    browser.set_script_timeout(60)
    return list(browser.execute_async_script(RUN_AXE))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_has_a_serious_or_critical_accessibility_violation(
    language: str, cast: dict[str, Any], axe_source: str, login: Any, live_server: Any
) -> None:
    found: dict[str, list[dict[str, Any]]] = {}
    pages = _pages(cast)
    for username, more in _more_pages(cast).items():
        pages[username] = pages.get(username, []) + more
    from crossroads.accounts.models import User

    for username, paths in pages.items():
        User.objects.filter(username=username).update(language=language)
        browser = login(username)
        for path in paths:
            bad = _violations(browser, axe_source, f"{live_server.url}{path}")
            if bad:
                found[path] = bad
    browser.get(f"{live_server.url}/login/")
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


def _english_left(text: str, catalogue: dict[str, str]) -> list[str]:
    return sorted(msgid for msgid, msgstr in catalogue.items() if msgid != msgstr and msgid in text)


def _catalogue(language: str) -> dict[str, str]:
    """The shipped catalogue's sentences (at least three words, so that a name or a code
    that reads the same in every language is not taken for English left behind)."""
    from crossroads.core.tests.test_catalogues_complete import LOCALE, _entries

    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    out = {}
    for entry in _entries(path):
        msgid = str(entry["msgid"])
        strs = entry["msgstr"]
        if "%" in msgid or "{" in msgid or len(msgid.split()) < 3 or not strs:
            continue
        out[msgid] = str(strs[0])  # type: ignore[index]
    return out


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_a_walk_through_the_pages_meets_no_english_sentence(
    language: str, cast: dict[str, Any], login: Any, live_server: Any
) -> None:
    """A Russian (or Persian) officer's pages carry no sentence of the catalogue left in
    English, and the Persian ones are laid out right to left."""
    from selenium.webdriver.common.by import By

    from crossroads.accounts.models import Agency, User

    catalogue = _catalogue(language)
    # Agencies that have a name in the reader's language must never be shown in English.
    english_names = {
        a.name
        for a in Agency.objects.filter(country_id="KG")
        if a.in_language(language)["name"] != a.name
    }
    left: dict[str, list[str]] = {}
    pages = _pages(cast)
    for username, more in _more_pages(cast).items():
        pages[username] = pages.get(username, []) + more
    for username, paths in pages.items():
        User.objects.filter(username=username).update(language=language)
        browser = login(username)
        for path in paths:
            if path.startswith("/sheets/"):
                continue  # the sheet is in the person's language, not the officer's
            browser.get(f"{live_server.url}{path}")
            html = browser.find_element(By.TAG_NAME, "html")
            assert html.get_attribute("lang") == language, path
            assert html.get_attribute("dir") == ("rtl" if language == "fa" else "ltr"), path
            text = browser.find_element(By.TAG_NAME, "body").text
            english = _english_left(text, catalogue)
            english += sorted(name for name in english_names if name in text)
            if english:
                left[f"{username} {path}"] = english
            _screenshot(browser, language, username, path)
    browser.get(f"{live_server.url}/login/")
    assert left == {}, json.dumps(left, indent=1, ensure_ascii=False)
