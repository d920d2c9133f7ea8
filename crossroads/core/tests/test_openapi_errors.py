"""The OpenAPI schema documents, for every operation, the errors it can answer and their
bodies, as they behave."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_operation_documents_a_400_and_every_authenticated_one_a_401(schema):
    for path, method, operation in _operations(schema):
        responses = operation["responses"]
        assert "400" in responses, (method, path)
        if (path, method) != ("/api/v1/auth/token/", "post"):
            assert "401" in responses, (method, path)


def test_every_operation_on_a_record_documents_its_404(schema):
    for path, method, operation in _operations(schema):
        if "{" in path:
            assert "404" in operation["responses"], (method, path)


def test_every_write_documents_a_413(schema):
    for path, method, operation in _operations(schema):
        if method in {"post", "patch"} and "requestBody" in operation:
            assert "413" in operation["responses"], (method, path)


def test_every_error_response_has_a_json_body(schema):
    for path, method, operation in _operations(schema):
        for code, response in operation["responses"].items():
            if code.startswith("4"):
                assert "application/json" in response.get("content", {}), (method, path, code)


def test_the_field_errors_of_a_400_allow_nested_fields(schema):
    field_errors = schema["components"]["schemas"]["FieldErrors"]
    assert field_errors["properties"]["non_field_errors"]["type"] == "array"
    assert "anyOf" in field_errors["additionalProperties"]


def test_a_stale_version_documents_the_current_record(schema):
    conflict = schema["paths"]["/api/v1/persons/{person_id}/"]["patch"]["responses"]["409"]
    ref = conflict["content"]["application/json"]["schema"]["$ref"]
    current = schema["components"]["schemas"][ref.split("/")[-1]]["properties"]["current"]
    assert current["$ref"].endswith("/Person")


def test_the_token_endpoint_documents_its_rate_limit(schema):
    assert "429" in schema["paths"]["/api/v1/auth/token/"]["post"]["responses"]


def test_statistics_and_agencies_document_their_filters(schema):
    statistics = schema["paths"]["/api/v1/statistics/"]["get"]
    agencies = schema["paths"]["/api/v1/agencies/"]["get"]
    persons = schema["paths"]["/api/v1/persons/"]["get"]
    assert {p["name"] for p in statistics["parameters"]} == {"from", "to"}
    assert {"country", "kind", "receives_pathways"} <= {p["name"] for p in agencies["parameters"]}
    assert {"q", "sex", "nationalities", "ordering", "page", "page_size"} <= {
        p["name"] for p in persons["parameters"]
    }
