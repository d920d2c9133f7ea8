"""A Russian-speaking officer names the person's countries and languages in Russian: the
field suggests the names (after a comma, the next one), and the person's page shows them."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_officer_registers_countries_and_languages_by_their_russian_names(
    kg_border_officer, login, live_server
):
    from crossroads.accounts.models import User
    from crossroads.registry.models import Person

    User.objects.filter(pk=kg_border_officer.pk).update(language="ru")
    browser = login("kg_border_officer")
    browser.get(f"{live_server.url}/people/register/")
    field = browser.find_element(By.ID, "id_nationalities")
    field.send_keys("Афганистан, Тадж")
    # The suggestions follow what is typed: after the comma, the next country's name.
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script(
            "const l = document.getElementById(arguments[0].getAttribute('list'));"
            "return l && Array.from(l.options).some(o => o.value === 'Афганистан, Таджикистан');",
            field,
        )
    )
    field.clear()
    field.send_keys("Афганистан, Таджикистан")
    browser.find_element(By.ID, "id_given_name").send_keys("Зарина")
    browser.find_element(By.ID, "id_family_name").send_keys("Ахмади")
    browser.find_element(By.ID, "id_languages").send_keys("дари, таджикский")
    browser.find_element(By.ID, "id_document_issuing_state").send_keys("Афганистан")
    browser.find_element(By.ID, "save").click()

    assert browser.find_element(By.ID, "person-name").text == "Зарина Ахмади"
    person = Person.objects.get(given_name="Зарина")
    assert person.nationalities == ["AF", "TJ"]
    assert person.languages == ["prs", "tgk"]
    page = browser.find_element(By.TAG_NAME, "body").text
    assert "Афганистан, Таджикистан" in page and "дари" in page

    browser.get(f"{live_server.url}/people/{person.pk}/edit/")
    shown = browser.find_element(By.ID, "id_nationalities").get_attribute("value")
    assert shown == "Афганистан, Таджикистан"
