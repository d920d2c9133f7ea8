"""`/api/v1/auth/token/`: a token for good credentials, 400 for bad ones, rate-limited per
address (429), and revocable."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from conftest import PASSWORD, PERSONAS

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


def _ask(api, username, password, **headers):
    return api().post(URL, {"username": username, "password": password}, format="json", **headers)


def test_wrong_credentials_are_a_400_for_the_request_as_a_whole(kg_border_officer, api):
    response = _ask(api, "kg_border_officer", "wrong")
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Unable to log in with the given username and password."]
    }


def test_password_guessing_from_one_address_is_stopped_with_429(kg_border_officer, api):
    answers = [_ask(api, "kg_border_officer", f"guess {i}").status_code for i in range(12)]
    assert answers[:10] == [400] * 10
    refused = _ask(api, "kg_border_officer", PASSWORD)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "detail" in refused.json()


def test_guessing_one_password_does_not_lock_out_colleagues_at_the_same_address(
    kg_border_officer, kg_migration_caseworker, api
):
    for i in range(10):
        _ask(api, "kg_border_officer", f"guess {i}")
    assert _ask(api, "kg_border_officer", PASSWORD).status_code == 429
    assert _ask(api, "kg_migration_caseworker", PASSWORD).status_code == 200


def test_trying_passwords_across_many_usernames_is_stopped_too(db, api):
    answers = [_ask(api, f"user-{i}", "password").status_code for i in range(31)]
    assert answers[:30] == [400] * 30
    assert answers[30] == 429


def test_a_forged_forwarded_address_does_not_escape_the_limit(kg_border_officer, api):
    for i in range(10):
        _ask(api, "kg_border_officer", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}")
    assert (
        _ask(api, "kg_border_officer", "wrong", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429
    )


def test_a_whole_team_behind_one_address_can_sign_in(db, api):
    answers = {name: _ask(api, name, PASSWORD).status_code for name in PERSONAS}
    assert set(answers.values()) == {200}


def test_the_limit_message_follows_accept_language(kg_border_officer, api):
    for i in range(10):
        _ask(api, "kg_border_officer", f"guess {i}")
    response = _ask(api, "kg_border_officer", "again", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 429
    assert response["Content-Language"] == "ru"


def test_a_revoked_token_stops_working_at_once(kg_border_officer, api):
    token = _ask(api, "kg_border_officer", PASSWORD).json()["token"]
    client = api()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/countries/").status_code == 200
    assert client.delete(URL).status_code == 204
    assert client.get("/api/v1/countries/").status_code == 401
    assert client.delete(URL).status_code == 401


def test_issuing_and_revoking_a_token_are_audited(kg_border_officer, api):
    from crossroads.audit.models import AuditEvent

    token = _ask(api, "kg_border_officer", PASSWORD).json()["token"]
    client = api()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    client.delete(URL)
    rows = AuditEvent.objects.filter(actor=kg_border_officer, action="token").order_by("id")
    assert [row.detail for row in rows] == [{"issued": True}, {"revoked": True}]


def test_a_flood_of_token_requests_from_one_address_is_refused(kg_border_officer, api):
    answers = [_ask(api, "kg_border_officer", PASSWORD).status_code for _ in range(121)]
    assert answers[:120] == [200] * 120
    assert answers[120] == 429
