"""Login throttling on every door (django-axes): the login page, the administration's
login and the API token endpoint count failures together, by username from one address,
by address and by username, and stay shut for the lock-out window, even for the right
password; a colleague behind the same address still gets in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.cache import caches
from django.utils import timezone

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


def _page(client, username, password, url="/login/", **headers):
    return client.post(url, {"username": username, "password": password}, **headers)


def _logged_in(client):
    return "_auth_user_id" in client.session


def test_eleven_wrong_passwords_on_the_page_are_refused_and_the_right_one_after_them(
    kg_border_officer, client
):
    answers = [_page(client, "kg_border_officer", f"guess {i}").status_code for i in range(11)]
    assert answers[:10] == [200] * 10  # each answered "wrong password" on the page
    assert answers[10] == 429
    right = _page(client, "kg_border_officer", PASSWORD)
    assert right.status_code == 429
    assert not _logged_in(client)
    assert int(right["Retry-After"]) > 0
    text = right.content.decode()
    assert 'id="locked-out"' in text
    assert "Too many failed attempts to log in" in text
    assert "try again in 15 minutes" in text


def test_the_door_opens_again_after_the_lock_out_window(kg_border_officer, client):
    for i in range(10):
        _page(client, "kg_border_officer", f"guess {i}")
    assert _page(client, "kg_border_officer", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _page(client, "kg_border_officer", PASSWORD).status_code == 302
    assert _logged_in(client)


def test_the_admin_login_is_the_same_door(kg_admin, client):
    for i in range(10):
        assert _page(client, "kg_admin", f"guess {i}", url="/admin/login/").status_code == 200
    refused = _page(client, "kg_admin", PASSWORD, url="/admin/login/")
    assert refused.status_code == 429
    assert not _logged_in(client)
    # and what was guessed at the administration's door shuts the page's door too
    assert _page(client, "kg_admin", PASSWORD).status_code == 429


def test_guessing_on_the_page_shuts_the_api_token_door_too(kg_border_officer, client, api):
    for i in range(10):
        _page(client, "kg_border_officer", f"guess {i}")
    response = api().post(
        "/api/v1/auth/token/",
        {"username": "kg_border_officer", "password": PASSWORD},
        format="json",
    )
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many failed attempts to log in" in response.json()["detail"]


def test_a_colleague_behind_the_same_address_still_logs_in(
    kg_border_officer, kg_migration_caseworker, client
):
    for i in range(11):
        _page(client, "kg_border_officer", f"guess {i}")
    assert _page(client, "kg_migration_caseworker", PASSWORD).status_code == 302


def test_guessing_across_many_usernames_from_one_address_is_stopped(kg_border_officer, client):
    for i in range(30):
        _page(client, f"someone-{i}", "password")
    assert _page(client, "kg_border_officer", PASSWORD).status_code == 429


def test_guessing_one_username_from_many_addresses_is_stopped(kg_border_officer, client):
    for i in range(30):
        _page(client, "kg_border_officer", f"guess {i}", REMOTE_ADDR=f"10.0.{i}.1")
    refused = _page(client, "kg_border_officer", PASSWORD, REMOTE_ADDR="10.1.1.1")
    assert refused.status_code == 429


def test_the_lock_out_message_is_in_the_readers_language(kg_border_officer, client):
    for i in range(10):
        _page(client, "kg_border_officer", f"guess {i}")
    refused = _page(client, "kg_border_officer", PASSWORD, HTTP_ACCEPT_LANGUAGE="ru")
    assert refused.status_code == 429
    assert "Слишком много неудачных попыток входа" in refused.content.decode()


def test_failed_attempts_stay_in_the_audit_trail(kg_border_officer, client):
    from crossroads.audit.models import AuditEvent

    for i in range(11):
        _page(client, "kg_border_officer", f"guess {i}")
    assert AuditEvent.objects.filter(action="login_failed").count() == 11
