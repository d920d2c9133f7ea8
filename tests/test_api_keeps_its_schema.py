"""The API keeps its schema (schemathesis, over the whole OpenAPI document at /api/schema/).

1. Generated requests: for every operation, a few examples built from the schema, sent as
   each of five roles of the cast (officer, caseworker, supervisor, partner, analyst); no
   answer may be a server error, nor break the schema (a status, a body or a content type
   it does not describe). The same examples on every run (the suite's deterministic
   Hypothesis profile) and few of them, to stay within CI's time; run it with
   SCHEMATHESIS_EXAMPLES=25 to look harder.
2. Real records: generated ids find nothing, so the reads of a case, its documents
   (PDF, JPEG and PNG) and a person are also checked with ids that exist."""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "2"))
ROLES = [
    "kg_border_officer",
    "kg_migration_caseworker",
    "kg_migration_supervisor",
    "kg_unhcr_partner",
    "kg_analyst",
]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CONFIG = schemathesis.Config.from_dict(
    {
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
        "generation": {"max-examples": EXAMPLES, "deterministic": True},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application(), config=CONFIG)


@pytest.fixture(autouse=True)
def _connections_stay_open_in_the_test_transaction() -> Any:
    """Schemathesis calls the WSGI application itself, not through Django's test client, so
    Django's end-of-request hook would close the database connection that holds the test's
    transaction (PostgreSQL: "the connection is closed"). Do what the test client does."""
    from django.core import signals
    from django.db import close_old_connections

    _keep_the_connection()
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _keep_the_connection() -> None:
    """Called again after any use of Django's test client, which reconnects the hook."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)


def _authorization(username: str) -> dict[str, str]:
    from rest_framework.authtoken.models import Token

    from crossroads.accounts.models import User

    token, _ = Token.objects.get_or_create(user=User.objects.get(username=username))
    return {"Authorization": f"Token {token.key}"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@schema.exclude(method="DELETE", path="/api/v1/auth/token/").parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_schema(case: Any, role: str) -> None:
    caches["throttle"].clear()
    case.call_and_validate(headers=_authorization(role), checks=CHECKS)


PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def _get(path: str, username: str, **path_parameters: str) -> Any:
    _keep_the_connection()
    case = schema[path]["GET"].Case(
        path_parameters=path_parameters, headers=_authorization(username)
    )
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code == 200, (path, response.status_code)
    return response


@pytest.mark.django_db
def test_real_records_keep_their_schema(
    kg_migration_caseworker: Any, register: Any, api: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    person = register(kg_migration_caseworker)
    client = api(kg_migration_caseworker)
    opened = client.post(
        "/api/v1/cases/", {"person": str(person.pk), "type": "statelessness"}, format="json"
    )
    assert opened.status_code == 201, opened.content
    case_id = opened.json()["id"]
    assert opened.json()["variant"] == ""  # a statelessness case has no variant
    documents = []
    for name, content in (("a.pdf", PDF), ("b.png", PNG), ("c.jpg", JPEG)):
        uploaded = client.post(
            f"/api/v1/cases/{case_id}/documents/",
            {"title": name, "file": SimpleUploadedFile(name, content)},
            format="multipart",
        )
        assert uploaded.status_code == 201, uploaded.content
        documents.append(uploaded.json()["id"])
    who = "kg_migration_caseworker"
    _get("/api/v1/persons/{person_id}/", who, person_id=str(person.pk))
    for path in (
        "/api/v1/cases/{case_id}/",
        "/api/v1/cases/{case_id}/documents/",
        "/api/v1/cases/{case_id}/history/",
        "/api/v1/cases/{case_id}/timeline/",
        "/api/v1/cases/{case_id}/transitions/",
        "/api/v1/cases/{case_id}/tasks/",
        "/api/v1/cases/{case_id}/notes/",
        "/api/v1/cases/{case_id}/services/",
    ):
        _get(path, who, case_id=case_id)
    served = {
        _get(
            "/api/v1/cases/{case_id}/documents/{document_id}/",
            who,
            case_id=case_id,
            document_id=document_id,
        ).headers["content-type"][0]
        for document_id in documents
    }
    assert served == {"application/pdf", "image/png", "image/jpeg"}


@pytest.mark.django_db
def test_page_zero_is_outside_the_schema_and_refused(kg_border_officer: Any, api: Any) -> None:
    for operation in schema.get_all_operations():
        for parameter in operation.ok().definition.raw.get("parameters", []):
            if parameter.get("in") == "query" and parameter["name"] == "page":
                assert parameter["schema"].get("minimum") == 1, operation.ok().label
    assert api(kg_border_officer).get("/api/v1/persons/", {"page": 0}).status_code == 404
    assert api(kg_border_officer).get("/api/v1/persons/", {"page": 1}).status_code == 200
