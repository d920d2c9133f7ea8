"""An officer, in a real browser: opens a person, screens them with the "says they fear
return" shortcut, checks the result, saves, sends the referrals and sees the referral to
the asylum authority with its reference; the receiving agency accepts it. Then: a
half-filled form survives a reload and an expired session."""

from __future__ import annotations

import re

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

pytestmark = pytest.mark.django_db(transaction=True)


def _wait(browser, condition):
    """Wait for a condition on the next page: an element of the page being left may go
    stale while it is read, which only means the new page is not there yet."""
    return WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        condition
    )


@pytest.fixture
def officer(db):
    """The Kyrgyz border officer, made again if an earlier transactional test flushed the
    cast that conftest builds once per database."""
    from conftest import PASSWORD
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
    user = User.objects.filter(username="kg_border_officer").first()
    if user is None:
        user = User(username="kg_border_officer", agency=agency, roles=["officer"])
        user.set_password(PASSWORD)
        user.save()
    return user


@pytest.fixture
def kg_agencies(officer):
    """One agency of every kind in Kyrgyzstan, so every pathway has a receiver."""
    from crossroads.accounts.models import Agency
    from crossroads.engines.screening.vocab import AgencyKind

    for kind in AgencyKind:
        if not Agency.objects.filter(country_id="KG", kind=kind).exists():
            Agency.objects.create(country_id="KG", name=f"{kind.value} (KG)", kind=kind)


def test_an_officer_screens_a_person_who_fears_return_and_refers_them(
    officer, kg_agencies, register, login, live_server
):
    person = register(officer, given_name="Ahmad", nationalities=["AF"])
    browser = login("kg_border_officer")
    browser.get(f"{live_server.url}/people/{person.pk}/")
    browser.find_element(By.ID, "screen-person").click()
    _wait(browser, lambda b: "/new/" in b.current_url)

    browser.find_element(By.ID, "shortcut-fear_return").click()
    _wait(browser, lambda b: b.find_element(By.ID, "id_fear_of_return_0").is_selected())
    browser.find_element(By.ID, "check").click()
    result = browser.find_element(By.ID, "screening-result")
    assert result.find_element(By.CSS_SELECTOR, '[data-code="international_protection"]')
    assert result.find_element(By.CSS_SELECTOR, '[data-code="non_refoulement"]')
    row = result.find_element(
        By.CSS_SELECTOR, '#result-referrals [data-pathway="asylum_procedure"]'
    )
    assert "urgent" in row.text

    browser.find_element(By.ID, "save").click()
    reference = browser.find_element(By.ID, "screening-reference").text
    assert re.fullmatch(r"KG-\d{4}-\d{6}-\d", reference)
    browser.find_element(By.ID, "send-referrals-button").click()
    sent = browser.find_element(
        By.CSS_SELECTOR, '#sent-referrals [data-pathway="asylum_procedure"]'
    )
    assert re.search(r"KG-\d{4}-\d{6}-\d", sent.text)
    assert "asylum_authority" in sent.text or "Refugee" in sent.text

    browser.get(f"{live_server.url}/people/{person.pk}/")
    section = browser.find_element(By.ID, "screening-section")
    assert reference in section.text
    assert section.find_element(By.CSS_SELECTOR, '[data-code="non_refoulement"]')

    # The receiving agency finds the referral in its inbox and accepts it.
    from conftest import PASSWORD
    from crossroads.accounts.models import User
    from crossroads.referrals.models import Referral

    referral = Referral.objects.get(person=person, pathway="asylum_procedure")
    receiver = User(username="kg_asylum_receiver", agency=referral.to_agency, roles=["caseworker"])
    receiver.set_password(PASSWORD)
    receiver.save()
    browser = login("kg_asylum_receiver")
    browser.get(f"{live_server.url}/referrals/")
    row = browser.find_element(By.CSS_SELECTOR, f'tr[data-reference="{referral.reference}"]')
    row.find_element(By.CSS_SELECTOR, "a.ref").click()
    browser.find_element(By.ID, "accept-referral").click()
    _wait(
        browser,
        lambda b: (
            b.find_element(By.ID, "referral-status").get_attribute("class") == "status-accepted"
        ),
    )
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_a_half_filled_form_is_restored_after_a_reload_and_an_expired_session(
    officer, register, login, live_server
):
    from conftest import PASSWORD

    person = register(officer)
    browser = login("kg_border_officer")
    url = f"{live_server.url}/screening/person/{person.pk}/new/"
    browser.get(url)
    browser.execute_script("window.localStorage.clear()")
    browser.get(url)
    browser.find_element(By.ID, "id_location_name").send_keys("Dostuk")
    # The interview goes in steps: "Why you came, what you fear" is the fourth.
    browser.find_element(By.CSS_SELECTOR, "#step-list li:nth-child(4) button").click()
    browser.find_element(By.ID, "id_wants_asylum").click()
    Select(browser.find_element(By.ID, "id_purpose")).select_by_value("work")

    browser.refresh()
    _wait(
        browser,
        lambda b: b.find_element(By.ID, "id_location_name").get_attribute("value") == "Dostuk",
    )
    assert browser.find_element(By.ID, "id_wants_asylum").is_selected()
    assert (
        Select(browser.find_element(By.ID, "id_purpose")).first_selected_option.get_attribute(
            "value"
        )
        == "work"
    )
    assert browser.find_element(By.ID, "draft-restored").is_displayed()

    # The session expires mid-form: the login brings the officer back, answers intact.
    browser.delete_cookie("sessionid")
    browser.get(url)
    _wait(browser, lambda b: "/login/" in b.current_url)
    browser.find_element(By.ID, "id_username").send_keys("kg_border_officer")
    browser.find_element(By.ID, "id_password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "#login-form button").click()
    _wait(browser, lambda b: b.current_url.endswith("/new/"))
    _wait(
        browser,
        lambda b: b.find_element(By.ID, "id_location_name").get_attribute("value") == "Dostuk",
    )
    assert browser.find_element(By.ID, "id_wants_asylum").is_selected()
