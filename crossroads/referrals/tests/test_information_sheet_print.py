"""The sheet and its slip print on one A4 page, even in the longest languages with many
referrals: printed by real headless Chromium (Debian's package; skipped where absent).

The page is fetched with the test client and opened from a file, its stylesheet pointed at
the app's own static file, so that no live server (and no transactional database, which
would flush the shared cast) is needed."""

from __future__ import annotations

import base64
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import include, path

import crossroads.urls
from crossroads.accounts.models import Agency
from crossroads.referrals.actions import send_referral
from crossroads.screening.actions import screen_person

urlpatterns = list(crossroads.urls.urlpatterns)
if not any(getattr(p, "namespace", None) == "sheets" for p in urlpatterns):
    urlpatterns.append(path("sheets/", include("crossroads.referrals.sheet_urls")))

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# A separated child who fears return, trafficked, survivor of violence and torture: the
# longest rights section there is.
LONGEST = {
    "country": "KG",
    "date": "2026-11-20",
    "location": {"kind": "border"},
    "person": {"age_claimed": 16, "nationalities": ["AF"]},
    "travel": {
        "accompanied_by": "none",
        "separated_from_family": True,
        "moved_or_recruited_by_another": True,
    },
    "statements": {"fear_of_return": True},
    "indicators": {
        "forced_labour": ["deception", "withholding_of_wages"],
        "gbv_survivor": True,
        "torture_survivor": True,
    },
}
SENT = [
    ("asylum_procedure", "urgent"),
    ("child_protection", "urgent"),
    ("trafficking_identification", "urgent"),
    ("family_tracing", "urgent"),
    ("medical_care", "high"),
    ("psychosocial_support", "normal"),
]


@pytest.fixture
def chromium():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("Chromium is not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="crossroads-sheet-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.parametrize("lang", ["tgk", "kir", "pus"])
def test_the_longest_sheet_prints_on_one_a4_page(
    kg_border_officer, register, client, chromium, lang, tmp_path
):
    person = register(kg_border_officer, given_name="Zahra", family_name="Ahmadi")
    screening = screen_person(
        acting_user=kg_border_officer, person_id=person.pk, record_data=LONGEST
    )
    for pathway, priority in SENT:
        agency, _ = Agency.objects.get_or_create(
            country_id="KG", name=f"Service for {pathway} (KG)", defaults={"kind": "health_service"}
        )
        send_referral(
            acting_user=kg_border_officer,
            person_id=person.pk,
            pathway=pathway,
            priority=priority,
            screening_id=screening.pk,
            to_agency_id=agency.pk,
        )
    client.force_login(kg_border_officer)
    html = client.get(f"/sheets/screening/{screening.pk}/?lang={lang}").content.decode()
    for stylesheet in ("crossroads/app.css", "referrals/sheet.css"):
        css = Path(finders.find(stylesheet)).as_uri()
        html = re.sub(rf'href="[^"]*/{re.escape(stylesheet)}"', f'href="{css}"', html)
    page = tmp_path / f"sheet-{lang}.html"
    page.write_text(html, encoding="utf-8")
    chromium.get(page.as_uri())
    assert chromium.find_element("id", "referral-slip")
    pdf = base64.b64decode(
        chromium.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False}
        )["data"]
    )
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1
