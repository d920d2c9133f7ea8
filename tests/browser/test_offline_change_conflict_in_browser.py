"""A change made offline to a person whom someone changed meanwhile, in real headless
Chromium with the network switched off and on through the DevTools protocol: the officer
takes the person onto the device while online and changes their family name with no
connection; the same field is changed on the server meanwhile (from another device). When
the connection returns the page shows a conflict (naming the field, with a way to resolve
it), the server keeps both values, and neither change is lost or silently overwritten."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .test_offline_first_contact_in_browser import network, row, unlock, waiting, work_visible
from .test_offline_information_sheet_in_browser import FORGET_THE_DEVICE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def device(browser, live_server):
    browser.set_script_timeout(120)
    network(browser, True)
    browser.get(f"{live_server.url}/offline/app/")
    browser.execute_async_script(FORGET_THE_DEVICE)
    yield browser
    network(browser, True)
    browser.get(f"{live_server.url}/offline/app/")
    browser.execute_async_script(FORGET_THE_DEVICE)


def test_an_offline_change_that_meets_another_surfaces_as_a_conflict(
    kg_border_officer, register, device, live_server
):
    from crossroads.offline.models import SyncConflict
    from crossroads.registry.actions import PersonData, update_person
    from crossroads.registry.models import Person

    browser = device
    person = register(kg_border_officer, given_name="Zahra", family_name="Karimi")
    wait = WebDriverWait(browser, 20)
    browser.get(f"{live_server.url}/offline/app/")
    browser.execute_async_script(
        "var done = arguments[0]; navigator.serviceWorker.ready.then(function () { done(true); });"
    )
    unlock(browser, "kg_border_officer")
    wait.until(work_visible)
    browser.find_element(By.ID, "take-reference").send_keys(person.reference)
    browser.find_element(By.ID, "take-person").click()
    wait.until(lambda b: b.find_element(By.ID, "change-form").is_displayed())
    assert person.reference in browser.find_element(By.ID, "change-person").text

    network(browser, False)
    wait.until(lambda b: b.execute_script("return navigator.onLine") is False)
    browser.refresh()  # with no connection: the copy was kept on the device, encrypted
    unlock(browser, "kg_border_officer")
    wait.until(lambda b: b.find_element(By.ID, "change-form").is_displayed())
    family = browser.find_element(By.ID, "change-family_name")
    assert family.get_attribute("value") == "Karimi"
    family.clear()
    family.send_keys("Karimova")
    browser.find_element(By.ID, "keep-change").click()
    wait.until(lambda b: waiting(b) == "1")
    # And someone new with a date that does not exist: refused by the server, kept here.
    row(browser, 0, "Nabi", "Rahimi", "male", "1990-02-30")
    browser.find_element(By.ID, "keep-household").click()
    wait.until(lambda b: waiting(b) == "2")

    # Meanwhile, on the server (the register page of another device), the same field
    # is corrected otherwise.
    update_person(
        acting_user=kg_border_officer,
        person_id=person.pk,
        version=person.version,
        data=PersonData(values={"family_name": "Kerimi"}),
    )

    network(browser, True)
    conflict_line = WebDriverWait(browser, 60).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "#sync-report li.sync-conflict")
    )
    assert "conflict" in conflict_line.text and "Family name" in conflict_line.text
    assert "family_name" not in conflict_line.text
    link = conflict_line.find_element(By.CSS_SELECTOR, "a.resolve-conflict")
    wait.until(lambda b: waiting(b) == "1")  # the conflict is kept on the server, not here
    refused = browser.find_element(By.CSS_SELECTOR, "#sync-report li.sync-invalid").text
    assert "Birth date:" in refused and "birth_date" not in refused

    person.refresh_from_db()
    assert person.family_name == "Kerimi"  # not overwritten by the offline change
    conflict = SyncConflict.objects.get(person=person)
    assert conflict.fields == {"family_name": {"offline": "Karimova", "server": "Kerimi"}}
    assert str(conflict.pk) in link.get_attribute("href")
    assert Person.objects.count() == 1  # the refused one is not registered
