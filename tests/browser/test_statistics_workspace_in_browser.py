"""The analyst's workspace in a real browser, in Russian: every chart drawn by the app's
own Chart.js beside its table, nothing refused by the Content-Security-Policy, no English
left on the page; and the regional analyst's picture with its charts."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.django_db(transaction=True)

DRAWN = (
    "return Array.from(document.querySelectorAll('canvas'))"
    ".filter(c => window.Chart && Chart.getChart(c)).length"
)


def _in_russian(browser):
    browser.find_element(By.ID, "switch-language").click()
    WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "ru"
    )


def test_the_analyst_reads_her_trends_in_russian_with_charts(
    login, live_server, kg_border_officer, kg_analyst, register
):
    for _ in range(7):
        register(kg_border_officer, sex="female", nationalities=["AF"])
    browser = login("kg_analyst")
    browser.get(f"{live_server.url}/statistics/")
    _in_russian(browser)
    WebDriverWait(browser, 20).until(lambda b: b.execute_script(DRAWN) >= 6)
    canvases = browser.find_elements(By.TAG_NAME, "canvas")
    assert browser.execute_script(DRAWN) == len(canvases)
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "Статистика вашего государства" in text and "Афганистан" in text
    for english in ("People registered", "Export as", "Trends", "by month", "Gaps in practice"):
        assert english not in text
    # each chart has its table beside it
    table = browser.find_element(By.CSS_SELECTOR, "#table-registrations_by_nationality table")
    assert "Афганистан" in table.text


def test_the_regional_analyst_sees_the_published_picture_with_charts(
    login, live_server, kg_border_officer, kg_migration_supervisor, register
):
    import datetime as dt

    from django.utils import timezone

    from conftest import PASSWORD
    from crossroads.accounts.models import Agency, User
    from crossroads.regional.actions import publish_statistics
    from crossroads.registry.models import Person

    people = [register(kg_border_officer, nationalities=["AF"]) for _ in range(8)]
    last_day = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    moment = timezone.make_aware(dt.datetime.combine(last_day, dt.time(12)))
    Person.objects.filter(pk__in=[p.pk for p in people]).update(registered_at=moment)
    publish_statistics(acting_user=kg_migration_supervisor, period=f"{last_day:%Y-%m}")
    agency = Agency.objects.create(name="Almaty Process secretariat", kind="iom")
    analyst = User(username="regional_in_browser", agency=agency, roles=["regional_analyst"])
    analyst.set_password(PASSWORD)
    analyst.save()
    browser = login("regional_in_browser")
    browser.get(f"{live_server.url}/regional/")
    WebDriverWait(browser, 20).until(lambda b: b.execute_script(DRAWN) >= 3)
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "Regional picture" in text and "Kyrgyzstan" in text
    assert not any(p.reference in browser.page_source for p in people)
