"""Two accounts on one shared browser: the answers one officer typed and did not save are
never shown to the next, whether the first logged out or simply let the session expire;
what stays on the device is unreadable without the first officer's own key."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_ANSWER = "was beaten by employer"


def _wait(browser, condition):
    return WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        condition
    )


@pytest.fixture
def two_officers(db):
    """Two border officers of the same post, both allowed to screen the same person."""
    from crossroads.accounts.models import Agency, Country, User
    from crossroads.demo.seed import COUNTRIES

    for code, name, name_ru, languages in COUNTRIES:
        Country.objects.get_or_create(
            code=code,
            defaults={"name": name, "name_ru": name_ru, "working_languages": languages},
        )
    agency, _ = Agency.objects.get_or_create(
        country_id="KG", name="Border Service (KG)", defaults={"kind": "border_service"}
    )
    officers = []
    for username in ("kg_border_officer", "kg_second_officer"):
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, agency=agency, roles=["officer"])
            user.set_password(PASSWORD)
            user.save()
        officers.append(user)
    return officers


def _stored_drafts(browser) -> dict[str, str]:
    return browser.execute_script(
        "var out = {}; for (var i = 0; i < localStorage.length; i++) {"
        " var k = localStorage.key(i); if (k.indexOf('crossroads:') === 0)"
        " { out[k] = localStorage.getItem(k); } } return out;"
    )


def _type_a_draft(browser, url):
    browser.get(url)
    browser.find_element(By.CSS_SELECTOR, "#step-list li:nth-child(4) button").click()
    browser.find_element(By.ID, "id_free_text").send_keys(SECRET_ANSWER)
    browser.find_element(By.ID, "id_fear_of_return_0").click()
    # The draft is saved (encrypted) as the officer types.
    _wait(browser, lambda b: len(_stored_drafts(b)) == 1)


def _log_in_by_hand(browser, live_server, username):
    browser.get(f"{live_server.url}/login/")
    browser.find_element(By.ID, "id_username").send_keys(username)
    browser.find_element(By.ID, "id_password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "#login-form button").click()
    browser.find_element(By.ID, "logout-form")


def _sees_an_empty_interview(browser, url):
    browser.get(url)
    form = browser.find_element(By.ID, "interview-form")
    _wait(browser, lambda b: b.execute_script("return document.readyState") == "complete")
    assert browser.find_element(By.ID, "id_free_text").get_attribute("value") == ""
    assert not browser.find_element(By.ID, "id_fear_of_return_0").is_selected()
    assert not browser.find_element(By.ID, "draft-restored").is_displayed()
    assert SECRET_ANSWER not in form.text


def test_logging_out_removes_the_drafts_so_the_next_officer_sees_none(
    two_officers, register, login, live_server
):
    first, second = two_officers
    person = register(first, given_name="Ahmad", nationalities=["AF"])
    url = f"{live_server.url}/screening/person/{person.pk}/new/"
    browser = login(first.username)
    browser.execute_script("window.localStorage.clear()")
    _type_a_draft(browser, url)
    assert all(SECRET_ANSWER not in value for value in _stored_drafts(browser).values())

    browser.find_element(By.CSS_SELECTOR, "#logout-form button").click()
    _wait(browser, lambda b: "/login/" in b.current_url)
    assert _stored_drafts(browser) == {}

    _log_in_by_hand(browser, live_server, second.username)
    _sees_an_empty_interview(browser, url)


def test_an_expired_session_leaves_only_a_draft_the_next_officer_cannot_read(
    two_officers, register, login, live_server
):
    first, second = two_officers
    person = register(first, given_name="Ahmad", nationalities=["AF"])
    url = f"{live_server.url}/screening/person/{person.pk}/new/"
    browser = login(first.username)
    browser.execute_script("window.localStorage.clear()")
    _type_a_draft(browser, url)

    # The first officer walks away; the session expires.
    browser.delete_all_cookies()
    stored = _stored_drafts(browser)
    assert stored and all(SECRET_ANSWER not in value for value in stored.values())

    _log_in_by_hand(browser, live_server, second.username)
    _sees_an_empty_interview(browser, url)
    # The second officer's pages removed the first officer's draft from the device.
    assert all(key not in _stored_drafts(browser) for key in stored)
