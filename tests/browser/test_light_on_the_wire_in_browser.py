"""Light on the wire (issue 13), in real headless Chromium against the server as `make run`
serves it: static files collected with hashed names and compressed (WhiteNoise), served by
WhiteNoise itself (not the test server's static handler).

After a first visit, a staff page costs at most 60 KB transferred: its HTML, and nothing
else (its CSS, scripts and fonts come from the browser's cache, kept for a year under their
hashed names). Bytes are what the browser itself counts (Resource Timing's
`transferSize`: headers and body as they crossed the wire).

The first-contact journey (log in, register, screen, send referrals) is also driven on an
emulated slow 3G link (DevTools `Network.emulateNetworkConditions`: 400 kbit/s, 400 ms
round trip) and its bytes and network time written to the test's output; time is not
asserted (this machine's load decides it), bytes are."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select, WebDriverWait

pytestmark = pytest.mark.django_db(transaction=True)

BUDGET = 60 * 1000  # bytes, after the first visit
SLOW_3G = {
    "offline": False,
    "latency": 400,  # ms, round trip
    "downloadThroughput": 400 * 1000 / 8,  # bytes/s
    "uploadThroughput": 400 * 1000 / 8,
}
# Every request of the current document: (absolute start ms, absolute end ms, bytes).
ENTRIES = """
return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map(e => [performance.timeOrigin + e.startTime, performance.timeOrigin + e.responseEnd,
             e.transferSize, e.name, e.entryType]);
"""


def _wait(browser: Any, condition: Any) -> Any:
    return WebDriverWait(browser, 30, ignored_exceptions=[StaleElementReferenceException]).until(
        condition
    )


@pytest.fixture
def served_as_in_production(settings: Any, tmp_path: Any, transactional_db: Any) -> Iterator[str]:
    """The application behind a live server without the test static handler, its static
    files collected as `make run` collects them, so WhiteNoise serves them with its
    headers and compressed versions."""
    from django.core.management import call_command
    from django.db import connections
    from django.test.testcases import LiveServerThread

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", "--noinput", verbosity=0)
    in_memory = {
        c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()
    }
    for connection in in_memory.values():
        connection.inc_thread_sharing()
    server = LiveServerThread(
        "localhost", static_handler=lambda handler: handler, connections_override=in_memory
    )
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    try:
        yield f"http://localhost:{server.port}"
    finally:
        # The connections stay shareable: a request thread of a connection the browser
        # keeps open closes its database connection after the server has stopped (as
        # pytest-django's own live server, which shares them for the whole session).
        server.terminate()


@pytest.fixture
def officer(db: Any) -> Any:
    from conftest import ensure_cast
    from crossroads.accounts.models import Agency, User
    from crossroads.engines.screening.vocab import AgencyKind

    ensure_cast()
    for kind in AgencyKind:
        if not Agency.objects.filter(country_id="KG", kind=kind).exists():
            Agency.objects.create(country_id="KG", name=f"{kind.value} (KG)", kind=kind)
    return User.objects.get(username="kg_border_officer")


@pytest.fixture
def fresh_browser(browser: Any) -> Iterator[Any]:
    """The shared browser with an empty cache and no cookies; its link as it was after."""
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.clearBrowserCache", {})
    browser.delete_all_cookies()
    try:
        yield browser
    finally:
        browser.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )


class Meter:
    """What the browser fetched, document by document: read before leaving each page."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.entries: list[list[Any]] = []

    def read(self) -> list[list[Any]]:
        found = [e for e in self.browser.execute_script(ENTRIES) if e not in self.entries]
        self.entries.extend(found)
        return found

    @property
    def bytes(self) -> int:
        return sum(e[2] for e in self.entries)

    @property
    def network_seconds(self) -> float:
        """How long at least one request was on the wire (overlaps counted once)."""
        busy, end = 0.0, 0.0
        for start, stop, *_ in sorted(self.entries):
            if stop <= end:
                continue
            busy += stop - max(start, end)
            end = stop
        return busy / 1000


def _log_in(browser: Any, url: str, meter: Meter | None = None) -> None:
    from conftest import PASSWORD

    browser.get(f"{url}/login/")
    if meter:
        meter.read()
    browser.find_element(By.ID, "id_username").send_keys("kg_border_officer")
    browser.find_element(By.ID, "id_password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "#login-form button").click()
    _wait(browser, lambda b: b.find_elements(By.ID, "who-is-logged-in"))  # signed in
    if meter:
        meter.read()


def _staff_pages(url: str, person_id: Any) -> list[str]:
    return [
        f"{url}/",
        f"{url}/people/",
        f"{url}/people/register/",
        f"{url}/people/{person_id}/",
        f"{url}/screening/person/{person_id}/new/",
        f"{url}/households/register/",
        f"{url}/screening/",
        f"{url}/referrals/sent/",
        f"{url}/emergency/",
    ]


def test_a_staff_page_costs_at_most_60_kb_after_the_first_visit(
    officer, register, fresh_browser, served_as_in_production
):
    browser, url = fresh_browser, served_as_in_production
    person = register(officer, given_name="Ahmad", nationalities=["AF"])
    _log_in(browser, url)
    pages = _staff_pages(url, person.pk)
    figures: dict[str, dict[str, int]] = {}
    for page in pages:
        browser.execute_cdp_cmd("Network.clearBrowserCache", {})
        browser.get(page)  # the first visit, with an empty cache, fills it
        assert browser.find_element(By.ID, "main")
        first = Meter(browser)
        first.read()
        browser.get("about:blank")
        browser.get(page)
        assert browser.find_element(By.ID, "main")
        second = Meter(browser)
        fetched = second.read()
        figures[page.removeprefix(url)] = {"first": first.bytes, "second": second.bytes}
        # Only the page itself crosses the wire again; its files are cached for good.
        again = [e[3] for e in fetched if e[4] == "resource" and e[2] > 0]
        assert again == [], page
        assert second.bytes <= BUDGET, (page, second.bytes)
    print("\nbytes per page (first visit, second visit):", json.dumps(figures, indent=1))


def test_static_files_are_hashed_compressed_and_cached_for_good(served_as_in_production):
    import urllib.request

    from django.templatetags.static import static

    css = static("crossroads/app.css")
    assert css != "/static/crossroads/app.css" and css.startswith("/static/crossroads/app.")
    request = urllib.request.Request(
        served_as_in_production + css, headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
        assert "max-age=315360000" in response.headers["Cache-Control"]


def _first_contact(browser: Any, url: str, given_name: str) -> Meter:
    """Log in, register a person, screen them, send the referrals; what it fetched."""
    browser.delete_all_cookies()
    meter = Meter(browser)
    _log_in(browser, url, meter)
    browser.get(f"{url}/people/register/")
    meter.read()
    browser.find_element(By.ID, "id_given_name").send_keys(given_name)
    browser.find_element(By.ID, "id_family_name").send_keys("Karimi")
    browser.find_element(By.ID, "id_birth_date").send_keys("1990-04-12")
    Select(browser.find_element(By.ID, "id_sex")).select_by_value("male")
    browser.find_element(By.ID, "id_nationalities").send_keys("AF")
    browser.find_element(By.ID, "save").click()
    _wait(browser, lambda b: b.find_element(By.ID, "person-name").text == f"{given_name} Karimi")
    meter.read()
    browser.find_element(By.ID, "screen-person").click()
    _wait(browser, lambda b: "/new/" in b.current_url)
    shortcut = browser.find_element(By.ID, "shortcut-fear_return")
    shortcut.click()  # a form sent: on a slow link, wait for the page it answers with
    _wait(browser, staleness_of(shortcut))
    browser.find_element(By.ID, "check").click()
    browser.find_element(By.ID, "screening-result")
    meter.read()
    browser.find_element(By.ID, "save").click()
    _wait(browser, lambda b: "/new/" not in b.current_url)
    browser.find_element(By.ID, "screening-reference")
    meter.read()
    browser.find_element(By.ID, "send-referrals-button").click()
    _wait(browser, lambda b: b.find_element(By.ID, "sent-referrals").text)
    meter.read()
    return meter


def test_the_first_contact_journey_on_slow_3g(officer, fresh_browser, served_as_in_production):
    browser, url = fresh_browser, served_as_in_production
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", SLOW_3G)
    first = _first_contact(browser, url, "Ahmad")
    again = _first_contact(browser, url, "Mahmud")
    for name, meter in (("empty cache", first), ("cache kept", again)):
        print(
            f"\nfirst contact on slow 3G, {name}: {meter.bytes} bytes, "
            f"{len(meter.entries)} requests, {meter.network_seconds:.1f} s on the wire"
        )
    # Bytes are deterministic enough to assert; time depends on this machine's load.
    assert first.bytes < 400 * 1000 / 8 * 30  # what 30 s of the link can carry
    # Once the files are cached, each of its nine pages and answers is light.
    assert again.bytes <= 9 * BUDGET
