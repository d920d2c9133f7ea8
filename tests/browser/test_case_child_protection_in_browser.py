"""A caseworker of the child-protection authority, in a real browser, takes an accepted
referral, opens a child-protection case and runs it to a best-interests determination,
which her supervisor approves from the approval queue."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from crossroads.cases.tests.conftest import UNACCOMPANIED_CHILD, _make

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module", autouse=True)
def _restore_the_cast_after_the_flush(django_db_blocker):
    """A transactional test empties the database when it ends; the tests that run after
    this module on the same worker still expect the project's cast (conftest.py)."""
    yield
    from conftest import PASSWORD, PERSONAS
    from crossroads.accounts.demo import COUNTRIES
    from crossroads.accounts.models import Agency, Country, User

    with django_db_blocker.unblock():
        for code, name, name_ru, languages in COUNTRIES:
            Country.objects.update_or_create(
                code=code,
                defaults={"name": name, "name_ru": name_ru, "working_languages": languages},
            )
        for username, (country, agency_name, kind, roles) in PERSONAS.items():
            agency, _ = Agency.objects.get_or_create(
                country_id=country, name=agency_name, defaults={"kind": kind}
            )
            if not User.objects.filter(username=username).exists():
                user = User(
                    username=username, agency=agency, roles=roles, is_staff="admin" in roles
                )
                user.set_password(PASSWORD)
                user.save()


def _open_all_steps(browser):
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")


def _step(browser, name, **fields):
    _open_all_steps(browser)
    for field, value in fields.items():
        element = browser.find_element(By.ID, f"id_{name}-{field}")
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        else:
            element.send_keys(value)
    browser.find_element(By.ID, f"do-{name}").click()
    browser.find_element(By.CSS_SELECTOR, ".messages")


def test_a_child_protection_caseworker_runs_a_case_to_a_best_interests_determination(
    kg_border_officer, login, live_server
):
    from crossroads.referrals.actions import accept_referral, send_referral
    from crossroads.registry.actions import PersonData, register_person
    from crossroads.screening.actions import screen_person

    caseworker = _make("kg_child_caseworker")
    _make("kg_child_supervisor")
    child = register_person(
        acting_user=kg_border_officer,
        data=PersonData(
            values={"given_name": "Zahra", "family_name": "Rahimi", "birth_date": "2012-03"}
        ),
    )
    screen_person(
        acting_user=kg_border_officer, person_id=child.pk, record_data=UNACCOMPANIED_CHILD
    )
    referral = send_referral(
        acting_user=kg_border_officer,
        person_id=child.pk,
        pathway="child_protection",
        priority="urgent",
        to_agency_id=caseworker.agency_id,
    )
    accept_referral(acting_user=caseworker, referral_id=referral.pk)

    browser = login("kg_child_caseworker")
    browser.get(f"{live_server.url}/cases/open/?referral={referral.pk}")
    assert referral.reference in browser.page_source
    browser.find_element(By.ID, "open-case-button").click()
    state = browser.find_element(By.ID, "case-state")
    assert state.get_attribute("data-state") == "open"
    assert browser.find_element(By.CSS_SELECTOR, "svg.workflow")
    case_url = browser.current_url

    _step(browser, "assess_best_interests", assessment="Alone since Osh; wants to study.")
    _step(browser, "appoint_guardian", guardian="N. Abdyrakhmanova")
    _step(browser, "arrange_care", arrangement="Foster family in Bishkek")
    _step(browser, "start_tracing")
    assert browser.find_element(By.ID, "case-state").get_attribute("data-state") == "tracing"
    _step(
        browser,
        "determine_best_interests",
        panel="Panel of three",
        durable_solution="local_integration",
        reasons="No traceable family; settled at school.",
    )
    assert "Sent to a supervisor for approval." in browser.page_source
    assert browser.find_element(By.ID, "pending-approval")
    assert browser.find_element(By.ID, "case-state").get_attribute("data-state") == "tracing"

    browser = login("kg_child_supervisor")
    browser.get(f"{live_server.url}/cases/approvals/")
    browser.find_element(By.CSS_SELECTOR, ".approval button.approve").click()
    assert "Approved" in browser.find_element(By.CSS_SELECTOR, ".messages").text
    browser.get(case_url)
    assert browser.find_element(By.ID, "case-state").get_attribute("data-state") == "determined"
    assert "local integration" in browser.find_element(By.ID, "durable-solution").text
