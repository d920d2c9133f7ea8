"""First contact with no connection, in real headless Chromium with the network switched
off and on through the DevTools protocol: a household, a person and a short screening
are kept encrypted on the device, survive a reload offline, are invisible to another
account of the same device, and reach the server once the connection is back."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def network(browser, online: bool) -> None:
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": not online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def unlock(browser, username: str) -> None:
    browser.find_element(By.ID, "unlock-username").clear()
    browser.find_element(By.ID, "unlock-username").send_keys(username)
    browser.find_element(By.ID, "unlock-password").send_keys(PASSWORD)
    browser.find_element(By.ID, "unlock").click()


def waiting(browser) -> str:
    return browser.find_element(By.ID, "waiting-count").text


def work_visible(browser) -> bool:
    return browser.find_element(By.ID, "work-section").is_displayed()


def row(
    browser, index: int, given: str, family: str, sex: str, birth: str, relationship: str = ""
) -> None:
    rows = browser.find_elements(By.CSS_SELECTOR, "#member-rows tr")
    cells = rows[index]
    cells.find_element(By.NAME, "given_name").send_keys(given)
    if family:
        cells.find_element(By.NAME, "family_name").send_keys(family)
    Select(cells.find_element(By.NAME, "sex")).select_by_value(sex)
    cells.find_element(By.NAME, "birth").send_keys(birth)
    if relationship:
        Select(cells.find_element(By.NAME, "relationship")).select_by_value(relationship)
    if index == 0:
        cells.find_element(By.NAME, "nationality").send_keys("AF")


def test_an_officer_works_offline_and_loses_nothing_when_the_connection_returns(
    kg_border_officer, kg_migration_caseworker, browser, live_server
):
    from crossroads.households.models import Household
    from crossroads.registry.models import Person
    from crossroads.screening.models import Screening

    wait = WebDriverWait(browser, 20)
    browser.delete_all_cookies()
    network(browser, True)
    browser.set_script_timeout(120)
    browser.get(f"{live_server.url}/offline/app/")
    browser.execute_async_script(
        "var done = arguments[0]; navigator.serviceWorker.ready.then(function () { done(true); });"
    )
    # Installed: the page, its files, the engine and Pyodide are kept for offline use.
    browser.execute_async_script(
        """var done = arguments[0];
        (function wait() {
          caches.keys().then(function (names) {
            return Promise.all(names.map(function (n) { return caches.open(n)
              .then(function (c) { return c.keys(); }); }));
          }).then(function (lists) {
            var urls = [].concat.apply([], lists).map(function (r) { return r.url; });
            if (urls.some(function (u) { return u.indexOf("pyodide.asm.wasm") !== -1; })) {
              done(true);
            } else { setTimeout(wait, 500); }
          });
        })();"""
    )
    # Another account of this device unlocks once, online, and locks.
    unlock(browser, "kg_migration_caseworker")
    wait.until(work_visible)
    browser.find_element(By.ID, "lock").click()

    unlock(browser, "kg_border_officer")
    wait.until(work_visible)
    network(browser, False)
    wait.until(lambda b: b.execute_script("return navigator.onLine") is False)
    # Opened with no connection: the page, the engine and Pyodide come from the device.
    browser.refresh()
    unlock(browser, "kg_border_officer")
    wait.until(work_visible)

    row(browser, 0, "Rahim", "Karimi", "male", "1984")
    row(browser, 1, "Omid", "", "male", "9", "child")
    browser.find_element(By.ID, "keep-household").click()
    wait.until(lambda b: waiting(b) == "1")
    row(browser, 0, "Aziz", "Nazari", "male", "1990")
    browser.find_element(By.ID, "keep-household").click()
    wait.until(lambda b: waiting(b) == "2")
    browser.find_element(By.CSS_SELECTOR, "[name=fear_of_return][value=yes]").click()
    browser.find_element(By.ID, "keep-screening").click()
    wait.until(lambda b: waiting(b) == "3")
    # The state's rules, evaluated on the device by the engine's own code under Pyodide.
    WebDriverWait(browser, 120).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "#offline-needs li[data-code]")
    )
    found = {
        li.get_attribute("data-code")
        for li in browser.find_elements(By.CSS_SELECTOR, "#offline-needs li")
    }
    assert "international_protection" in found
    assert Person.objects.count() == 0

    # Reload again with no connection: the records are still there.
    browser.refresh()
    unlock(browser, "kg_border_officer")
    wait.until(work_visible)
    wait.until(lambda b: waiting(b) == "3")
    stored = browser.execute_async_script(
        """var done = arguments[0];
        var req = indexedDB.open("crossroads-offline");
        req.onsuccess = function () {
          var t = req.result.transaction("items").objectStore("items").getAll();
          t.onsuccess = function () { done(JSON.stringify(t.result.map(function (r) {
            return Array.from(r.box.data).length; }))); };
        };"""
    )
    assert "Rahim" not in stored and "Karimi" not in stored  # encrypted at rest

    # Another account on this device sees none of it.
    browser.find_element(By.ID, "lock").click()
    unlock(browser, "kg_migration_caseworker")
    wait.until(work_visible)
    assert waiting(browser) == "0"
    assert "Rahim" not in browser.page_source
    browser.find_element(By.ID, "lock").click()

    unlock(browser, "kg_border_officer")
    wait.until(lambda b: waiting(b) == "3")
    network(browser, True)
    wait.until(lambda b: waiting(b) == "0")
    assert browser.find_element(By.ID, "last-sync").text not in ("", "never")

    assert Household.objects.count() == 1
    assert set(Person.objects.values_list("given_name", flat=True)) == {"Rahim", "Omid", "Aziz"}
    screening = Screening.objects.get()
    assert screening.person.given_name == "Aziz"
    assert {n["code"] for n in screening.result["needs"]} >= {"international_protection"}
    assert all(p.registered_by_id == kg_border_officer.pk for p in Person.objects.all())
