"""Every error under /api/ answers JSON as api.md sets out, never an HTML page."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/api", "/api/", "/api/v1/nothing-here/", "/api/v2/persons/", "/api/v1/persons/x/y/"]
)
def test_an_unknown_path_under_api_answers_a_json_404(kg_border_officer, api, path):
    for client in (api(), api(kg_border_officer)):
        response = client.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"detail": "Not found."}


def test_an_unknown_api_path_and_a_record_you_may_not_see_answer_alike(
    kz_border_officer, kg_border_officer, register, api
):
    person = register(kz_border_officer)
    client = api(kg_border_officer)
    not_yours = client.get(f"/api/v1/persons/{person.pk}/")
    no_such_path = client.get("/api/v1/nothing-here/")
    assert not_yours.json() == no_such_path.json()


def test_an_unknown_page_still_answers_the_sites_own_page(kg_border_officer, web):
    response = web(kg_border_officer).get("/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_method_not_allowed_is_a_json_405(kg_border_officer, api):
    response = api(kg_border_officer).delete("/api/v1/persons/")
    assert response.status_code == 405
    assert "detail" in response.json()


def test_no_credentials_is_a_json_401_that_says_how_to_authenticate(api):
    response = api().get("/api/v1/persons/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "detail" in response.json()


def test_a_role_that_may_not_is_a_json_403(kg_analyst, api):
    response = api(kg_analyst).get("/api/v1/persons/")
    assert response.status_code == 403
    assert "detail" in response.json()


def test_an_oversized_body_is_a_json_413(kg_border_officer, api):
    response = api(kg_border_officer).post(
        "/api/v1/persons/", {"given_name": "A", "religion": "x" * (3 * 1024 * 1024)}, format="json"
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_malformed_json_is_a_400_for_the_request_as_a_whole(kg_border_officer, api):
    response = api(kg_border_officer).post(
        "/api/v1/persons/", '{"given_name": ', content_type="application/json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["non_field_errors"]


def test_a_server_error_under_api_is_answered_in_json():
    from crossroads.core.views import server_error

    response = server_error(RequestFactory().get("/api/v1/persons/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
