"""An officer, in a real browser: logs in, registers a person with a Perso-Arabic name,
finds them by search, opens their page, and switches the language."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_officer_registers_and_finds_a_person_written_in_perso_arabic(
    kg_border_officer, login, live_server
):
    browser = login("kg_border_officer")
    browser.get(f"{live_server.url}/people/register/")
    browser.find_element(By.ID, "id_given_name").send_keys("فاطمه")
    browser.find_element(By.ID, "id_family_name").send_keys("احمدی")
    browser.find_element(By.ID, "id_birth_date").send_keys("1369")
    Select(browser.find_element(By.ID, "id_birth_date_calendar")).select_by_value("solar_hijri")
    Select(browser.find_element(By.ID, "id_sex")).select_by_value("female")
    browser.find_element(By.ID, "id_nationalities").send_keys("AF")
    browser.find_element(By.ID, "id_languages").send_keys("prs")
    browser.find_element(By.ID, "save").click()

    name = browser.find_element(By.ID, "person-name")
    assert name.text == "فاطمه احمدی"
    assert name.get_attribute("dir") == "auto"
    assert "1990" in browser.page_source

    browser.get(f"{live_server.url}/people/")
    browser.find_element(By.ID, "search-q").send_keys("احمدی")
    browser.find_element(By.ID, "search-button").click()
    WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: (
            "q=" in b.current_url
            and "فاطمه احمدی" in b.find_element(By.CSS_SELECTOR, "table.people tbody").text
        )
    )
    rows = browser.find_elements(By.CSS_SELECTOR, "table.people tbody tr")
    assert len(rows) == 1 and "فاطمه احمدی" in rows[0].text
    rows[0].find_element(By.CSS_SELECTOR, "a").click()
    assert browser.find_element(By.ID, "person-name").text == "فاطمه احمدی"

    browser.find_element(By.ID, "switch-language").click()
    # the page being left may go stale while it is read: that only means "not yet"
    WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "ru"
    )
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "ru"
    assert "Фамилия" in browser.page_source
