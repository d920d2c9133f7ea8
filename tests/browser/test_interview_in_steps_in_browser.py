"""The interview on a tablet and a phone: short steps with progress, the answers kept
between steps, nothing wider than the screen, at 800 px and 390 px."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def officer(db):
    from conftest import ensure_cast
    from crossroads.accounts.models import User

    ensure_cast()
    return User.objects.get(username="kg_border_officer")


@pytest.mark.parametrize("width", [800, 390])
def test_the_interview_goes_in_steps_and_keeps_the_answers(
    width, officer, register, login, live_server
):
    person = register(officer, given_name="Ahmad", nationalities=["AF"])
    browser = login("kg_border_officer")
    browser.set_window_size(width, 900)
    try:
        browser.get(f"{live_server.url}/screening/person/{person.pk}/new/")
        progress = browser.find_element(By.ID, "step-progress")
        assert progress.text == "Step 1 of 6"
        assert browser.find_element(By.ID, "section-who").is_displayed()
        assert not browser.find_element(By.ID, "section-why").is_displayed()

        browser.find_element(By.ID, "id_location_name").send_keys("Dostuk")
        for _ in range(3):
            browser.find_element(By.ID, "step-next").click()
        assert progress.text == "Step 4 of 6"
        assert not browser.find_element(By.ID, "section-who").is_displayed()
        Select(browser.find_element(By.ID, "id_purpose")).select_by_value("work")
        browser.find_element(By.CSS_SELECTOR, "#step-list li:nth-child(1) button").click()
        assert browser.find_element(By.ID, "id_location_name").get_attribute("value") == "Dostuk"

        # Nothing is wider than the screen: no sideways scrolling of the page.
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1
        top = browser.find_element(By.CSS_SELECTOR, "header.top").size["height"]
        assert top <= 110
    finally:
        browser.set_window_size(1280, 900)
