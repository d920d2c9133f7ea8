"""The information sheet with no connection, in real headless Chromium with the network
switched off through the DevTools protocol: an officer keeps a person and screens them on
the device, then shows the person's sheet in Russian and in Dari, again after a reload,
and prints it, all offline. Which rights it prints is chosen on the device by the
referrals app's own code under Pyodide, and is what the server chooses once the
screening reaches it."""

from __future__ import annotations

import base64
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from .test_offline_first_contact_in_browser import network, row, unlock, waiting, work_visible

pytestmark = pytest.mark.django_db(transaction=True)

INSTALLED = """var done = arguments[0];
(function wait() {
  caches.keys().then(function (names) {
    return Promise.all(names.map(function (n) { return caches.open(n)
      .then(function (c) { return c.keys(); }); }));
  }).then(function (lists) {
    var urls = [].concat.apply([], lists).map(function (r) { return r.url; });
    var want = ["pyodide.asm.wasm", "sheets.json", "sheet.js", "sheet.css"];
    function kept(w) { return urls.some(function (u) { return u.indexOf(w) !== -1; }); }
    if (want.every(kept)) {
      done(true);
    } else { setTimeout(wait, 500); }
  });
})();"""


FORGET_THE_DEVICE = """var done = arguments[0];
var gone = new Promise(function (resolve) {
  var req = indexedDB.deleteDatabase("crossroads-offline");
  req.onsuccess = req.onerror = req.onblocked = function () { resolve(); };
});
Promise.all([gone,
  caches.keys().then(function (names) {
    return Promise.all(names.map(function (n) { return caches.delete(n); })); }),
  navigator.serviceWorker.getRegistrations().then(function (regs) {
    return Promise.all(regs.map(function (r) { return r.unregister(); })); })
]).then(function () { done(true); }, function () { done(false); });"""


@pytest.fixture
def device(browser, live_server):
    """The shared browser as a device that has never had the app, and left so: the
    accounts kept here hold tokens of this test's database only."""
    browser.set_script_timeout(120)
    network(browser, True)
    browser.get(f"{live_server.url}/offline/app/")
    browser.execute_async_script(FORGET_THE_DEVICE)
    yield browser
    network(browser, True)
    browser.get(f"{live_server.url}/offline/app/")
    browser.execute_async_script(FORGET_THE_DEVICE)


def shown_rights(browser) -> list[str]:
    return [
        p.get_attribute("data-right")
        for p in browser.find_elements(By.CSS_SELECTOR, "#information-sheet [data-right]")
    ]


def test_an_officer_shows_and_prints_the_information_sheet_with_no_connection(
    kg_border_officer, device, live_server
):
    from crossroads.referrals.sheets import load_content, rights_for
    from crossroads.screening.models import Screening

    browser = device
    wait = WebDriverWait(browser, 20)
    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/offline/app/")
    browser.execute_async_script(
        "var done = arguments[0]; navigator.serviceWorker.ready.then(function () { done(true); });"
    )
    browser.execute_async_script(INSTALLED)
    unlock(browser, "kg_border_officer")
    wait.until(work_visible)
    network(browser, False)
    wait.until(lambda b: b.execute_script("return navigator.onLine") is False)
    browser.refresh()  # the page, its files and the sheet's words from the device
    unlock(browser, "kg_border_officer")
    wait.until(work_visible)

    row(browser, 0, "Aziz", "Nazari", "male", "1990")
    browser.find_element(By.ID, "keep-household").click()
    wait.until(lambda b: waiting(b) == "1")
    browser.find_element(By.CSS_SELECTOR, "[name=fear_of_return][value=yes]").click()
    browser.find_element(By.ID, "keep-screening").click()
    wait.until(lambda b: waiting(b) == "2")
    WebDriverWait(browser, 120).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "#offline-needs li[data-code]")
    )

    assert browser.find_element(By.ID, "sheet-section").is_displayed()
    Select(browser.find_element(By.ID, "sheet-language")).select_by_value("rus")
    browser.find_element(By.ID, "show-sheet").click()
    sheet = WebDriverWait(browser, 60).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "#information-sheet[data-lang=rus]")
    )
    russian = load_content("rus")
    assert sheet.get_attribute("lang") == "ru"
    assert russian["title"] in sheet.text and "Aziz Nazari" in sheet.text
    assert russian["labels"]["no_referrals"] in sheet.text  # nothing referred yet
    assert russian["labels"]["contact_unknown"] in sheet.text  # the number: ask the officer
    offline_rights = shown_rights(browser)
    # Fear of return: no contact with the authorities of origin, no punishment for entry.
    assert {"asylum", "no_contact_origin", "non_punishment"} <= set(offline_rights)
    assert "child" not in offline_rights
    assert not re.search(r"\{\w+\}", sheet.text)  # every placeholder filled

    Select(browser.find_element(By.ID, "sheet-language")).select_by_value("prs")
    browser.find_element(By.ID, "show-sheet").click()
    dari = WebDriverWait(browser, 30).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "#information-sheet[data-lang=prs]")
    )
    assert dari.get_attribute("dir") == "rtl"
    assert load_content("prs")["title"] in dari.text
    assert shown_rights(browser) == offline_rights

    # After a reload with no connection, the person still waiting is offered, and the
    # sheet chooses the same rights from the screening kept on the device.
    browser.refresh()
    unlock(browser, "kg_border_officer")
    WebDriverWait(browser, 60).until(
        lambda b: b.find_element(By.ID, "sheet-section").is_displayed()
    )
    assert "Aziz Nazari" in browser.find_element(By.ID, "sheet-person").text
    Select(browser.find_element(By.ID, "sheet-language")).select_by_value("rus")
    browser.find_element(By.ID, "show-sheet").click()
    WebDriverWait(browser, 120).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "#information-sheet[data-lang=rus]")
    )
    assert shown_rights(browser) == offline_rights

    # Print: the sheet alone, on one A4 page, still with no connection.
    browser.execute_script(
        "window.printed = []; window.print = function () {"
        " window.printed.push(document.body.classList.contains('printing-sheet')); };"
    )
    browser.find_element(By.ID, "print-offline-sheet").click()
    assert browser.execute_script("return window.printed") == [True]
    browser.execute_script("document.body.classList.add('printing-sheet')")
    pdf = base64.b64decode(
        browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"]
    )
    browser.execute_script("document.body.classList.remove('printing-sheet')")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert browser.execute_script("return navigator.onLine") is False

    # Once sent, the server's choice of rights for the same screening is the device's.
    network(browser, True)
    wait.until(lambda b: waiting(b) == "0")
    screening = Screening.objects.get()
    assert rights_for(screening.result, False) == offline_rights
