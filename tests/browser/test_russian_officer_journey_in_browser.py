"""A Russian-speaking border officer, in a real browser, does the whole first contact:
opens the person, screens them, sends the referrals and prints the slip, and reads
Russian words all the way (no identifier, no UTC time, no English sentence)."""

from __future__ import annotations

import re

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.django_db(transaction=True)


def _wait(browser, condition):
    return WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        condition
    )


@pytest.fixture
def russian_officer(db):
    from conftest import ensure_cast
    from crossroads.accounts.models import Agency, User
    from crossroads.engines.screening.vocab import AgencyKind

    ensure_cast()
    for kind in AgencyKind:
        if not Agency.objects.filter(country_id="KG", kind=kind).exists():
            Agency.objects.create(country_id="KG", name=f"{kind.value} (KG)", kind=kind)
    Agency.objects.filter(country_id="KG", kind="asylum_authority").update(
        address="12 Example Street, Bishkek",
        phone="+996 312 000 103",
        opening_hours="Mon–Fri 09:00–18:00",
        translations={
            "rus": {
                "name": "Отдел по делам беженцев (КР)",
                "address": "Бишкек, ул. Примерная, 12",
                "opening_hours": "Пн–Пт 09:00–18:00",
            }
        },
    )
    officer = User.objects.get(username="kg_border_officer")
    officer.language = "ru"
    officer.save(update_fields=["language"])
    return officer


def test_a_russian_officer_screens_refers_and_prints_the_slip_in_russian(
    russian_officer, register, login, live_server
):
    person = register(russian_officer, given_name="Ahmad", nationalities=["AF"])
    browser = login("kg_border_officer")
    browser.get(f"{live_server.url}/people/{person.pk}/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    assert "Афганистан" in browser.find_element(By.TAG_NAME, "body").text
    browser.find_element(By.ID, "screen-person").click()
    _wait(browser, lambda b: "/new/" in b.current_url)
    assert browser.find_element(By.ID, "step-progress").text == "Шаг 1 из 6"

    shortcut = browser.find_element(By.ID, "shortcut-fear_return")
    shortcut.click()  # a form sent: the "Check" button to press is the answer's, not this page's
    _wait(browser, staleness_of(shortcut))
    browser.find_element(By.ID, "check").click()
    result = browser.find_element(By.ID, "screening-result").text
    assert "Говорит, что боится возвращаться." in result
    assert "statements." not in result and "need " not in result
    browser.find_element(By.ID, "save").click()
    _wait(browser, lambda b: "/new/" not in b.current_url)
    browser.find_element(By.ID, "screening-reference")
    page = _wait(browser, lambda b: b.find_element(By.TAG_NAME, "body").text)
    assert "время Бишкека" in page
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", page)

    browser.find_element(By.ID, "send-referrals-button").click()
    sent = _wait(browser, lambda b: b.find_element(By.ID, "sent-referrals").text)
    assert "Отдел по делам беженцев (КР)" in sent

    screening_url = browser.current_url.split("?")[0]
    screening_id = screening_url.rstrip("/").rsplit("/", 1)[-1]
    browser.get(f"{live_server.url}/sheets/screening/{screening_id}/?lang=rus")
    slip = browser.find_element(By.ID, "referral-slip").text
    assert "Отдел по делам беженцев (КР)" in slip
    assert "Бишкек, ул. Примерная, 12" in slip and "+996 312 000 103" in slip
    assert "Пн–Пт 09:00–18:00" in slip
