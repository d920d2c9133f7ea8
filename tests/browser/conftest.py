"""Real headless Chromium from Debian's packages, driven by Selenium; never a download."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        if os.environ.get("CROSSROADS_REQUIRE_BROWSER"):
            pytest.fail(
                "Chromium and chromedriver are required here (apt-get install chromium "
                "chromium-driver)"
            )
        pytest.skip("Chromium is not installed; .ci/run installs it")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="crossroads-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
        "--lang=en",
    ):
        options.add_argument(flag)
    # The console, so that a test can see what the Content-Security-Policy refused.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(autouse=True)
def _nothing_refused_by_the_content_security_policy(
    request: pytest.FixtureRequest,
) -> Iterator[None]:
    """Every page a browser test visits runs under the policy without a refusal: an inline
    script, handler or style left in a template shows here as a console error."""
    if "browser" not in request.fixturenames:
        yield
        return
    driver = request.getfixturevalue("browser")
    driver.get_log("browser")  # what earlier tests left
    yield
    refused = [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry.get("message", "")
    ]
    assert refused == []


@pytest.fixture
def login(browser: Any, live_server: Any) -> Any:
    from selenium.webdriver.common.by import By

    from conftest import PASSWORD

    def _login(username: str) -> Any:
        browser.delete_all_cookies()
        browser.get(f"{live_server.url}/login/")
        browser.find_element(By.ID, "id_username").send_keys(username)
        browser.find_element(By.ID, "id_password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "#login-form button").click()
        browser.find_element(By.ID, "switch-language")
        return browser

    return _login
