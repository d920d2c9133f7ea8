"""A caseworker of the child-protection authority, in a real browser, takes the referral
the border officer sent (accepts it in her inbox, opens the case from her work queue) and
runs the case to a best-interests determination, which her supervisor approves from the
approval queue."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from crossroads.cases.tests.conftest import UNACCOMPANIED_CHILD, _make

pytestmark = pytest.mark.django_db(transaction=True)


def _wait(browser, condition):
    """Wait for a condition on the next page: an element of the page being left may go
    stale while it is read, which only means the new page is not there yet."""
    return WebDriverWait(browser, 20, ignored_exceptions=[StaleElementReferenceException]).until(
        condition
    )


def _state(browser):
    return browser.find_element(By.ID, "case-state").get_attribute("data-state")


def _click_and_wait_for_the_next_page(browser, element):
    page = browser.find_element(By.TAG_NAME, "html")
    element.click()
    _wait(browser, lambda b: _is_stale(page))


def _is_stale(element):
    try:
        element.tag_name  # noqa: B018 - touching it raises once the page is gone
    except StaleElementReferenceException:
        return True
    except WebDriverException as exc:
        # Chromium, asked in the middle of the navigation, may say the node left the
        # document instead of calling it stale: the same thing.
        if "does not belong to the document" in str(exc):
            return True
        raise
    return False


def _step(browser, name, **fields):
    """Fill the form of the step `name` on the case page and make it."""
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    for field, value in fields.items():
        element = browser.find_element(By.ID, f"id_{name}-{field}")
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        else:
            element.send_keys(value)
    _click_and_wait_for_the_next_page(browser, browser.find_element(By.ID, f"do-{name}"))
    return browser.find_element(By.CSS_SELECTOR, ".messages").text


def test_a_child_protection_caseworker_runs_a_case_to_a_best_interests_determination(
    kg_border_officer, login, live_server
):
    from crossroads.referrals.actions import send_referral
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

    # The caseworker takes the referral: accepts it, then opens the case from her queue.
    browser = login("kg_child_caseworker")
    browser.get(f"{live_server.url}/referrals/{referral.pk}/")
    _click_and_wait_for_the_next_page(browser, browser.find_element(By.ID, "accept-referral"))
    assert "accepted" in browser.find_element(By.CSS_SELECTOR, ".messages").text.lower()
    browser.get(f"{live_server.url}/cases/")
    _click_and_wait_for_the_next_page(
        browser, browser.find_element(By.ID, f"open-case-{referral.pk}")
    )
    assert referral.reference in browser.page_source
    _click_and_wait_for_the_next_page(browser, browser.find_element(By.ID, "open-case-button"))
    assert _state(browser) == "open"
    assert browser.find_element(By.CSS_SELECTOR, "svg.workflow")
    case_url = browser.current_url

    for name, fields, state in [
        ("assess_best_interests", {"assessment": "Alone since Osh; wants to study."}, "assessed"),
        ("appoint_guardian", {"guardian": "N. Abdyrakhmanova"}, "guardian_appointed"),
        ("arrange_care", {"arrangement": "Foster family in Bishkek"}, "care_arranged"),
        ("start_tracing", {}, "tracing"),
    ]:
        _step(browser, name, **fields)
        assert _state(browser) == state, name
    # The child's case is not closed before the determination: no such step is offered.
    assert 'id="transition-close"' not in browser.page_source
    message = _step(
        browser,
        "determine_best_interests",
        panel="Panel of three",
        durable_solution="local_integration",
        reasons="No traceable family; settled at school.",
    )
    assert "Sent to a supervisor for approval." in message
    assert browser.find_element(By.ID, "pending-approval")
    assert _state(browser) == "tracing"

    browser = login("kg_child_supervisor")
    browser.get(f"{live_server.url}/cases/approvals/")
    approval = browser.find_element(By.CSS_SELECTOR, ".approval").text
    # The step in words, never its identifier.
    assert "Determine the best interests" in approval
    assert "determine_best_interests" not in approval
    _click_and_wait_for_the_next_page(
        browser, browser.find_element(By.CSS_SELECTOR, ".approval button.approve")
    )
    assert "Approved" in browser.find_element(By.CSS_SELECTOR, ".messages").text
    browser.get(case_url)
    assert _state(browser) == "determined"
    assert "local integration" in browser.find_element(By.ID, "durable-solution").text
    assert browser.find_element(By.ID, "transition-close")
