"""The OpenAPI schema: the project's own authentication classes, and the error responses
every operation documents with their bodies."""

from __future__ import annotations

import inspect
from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, extend_schema_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "crossroads.core.authentication.LanguageTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": '"Token <key>", the key from POST /api/v1/auth/token/',
        }


class SessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "crossroads.core.authentication.LanguageSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}


@extend_schema_serializer(component_name="Error")
class DetailSerializer(serializers.Serializer[dict[str, str]]):
    """Every error but 400: one message, in the caller's language."""

    detail = serializers.CharField()


@extend_schema_serializer(component_name="FieldErrors")
class FieldErrorsSerializer(serializers.Serializer[dict[str, list[str]]]):
    """400: messages keyed by the field they are about (a nested field by its path);
    messages about the request as a whole under `non_field_errors`."""

    non_field_errors = serializers.ListField(child=serializers.CharField(), required=False)


@extend_schema_serializer(component_name="Conflict")
class ConflictSerializer(serializers.Serializer[dict[str, Any]]):
    """409: why the write was refused now; for a stale `version`, the record as it is."""

    detail = serializers.CharField()
    current = serializers.DictField(
        required=False, help_text="The current record, when the refusal is a stale version."
    )


class FieldErrorsScheme(OpenApiSerializerExtension):  # type: ignore[no-untyped-call]
    target_class = FieldErrorsSerializer

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        messages = {"type": "array", "items": {"type": "string"}}
        # A nested field's errors nest the same way: a list item's by position.
        nested = {"type": "object", "additionalProperties": True}
        field_errors = {
            "anyOf": [
                {"type": "array", "items": {"anyOf": [{"type": "string"}, nested]}},
                nested,
            ]
        }
        return {
            "type": "object",
            "description": inspect.cleandoc(FieldErrorsSerializer.__doc__ or ""),
            "properties": {"non_field_errors": messages},
            "additionalProperties": field_errors,
        }


ERROR_DESCRIPTIONS = {
    "400": "Invalid input: field errors, in the caller's language. Nothing is saved.",
    "401": "Not authenticated: no token or session, or a token that was revoked.",
    "403": "Your role may not do this kind of thing at all.",
    "404": "No such record, or not one you may see: the two answer the same.",
    "405": "This method is not allowed here.",
    "409": "Refused now, with the reason in `detail`.",
    "413": "The request body is too large (over 2 MB).",
    "429": "Too many requests: try again after the `Retry-After` seconds.",
}


def _error_body(code: str) -> type[serializers.Serializer[Any]]:
    if code == "400":
        return FieldErrorsSerializer
    if code == "409":
        return ConflictSerializer
    return DetailSerializer


class CrossroadsAutoSchema(AutoSchema):
    """Every operation documents the errors it can answer, with their bodies: 401 where
    authentication is required, 400 and 413 where a body is read, 404 where the path
    names a record, 429 where requests are rate-limited; and the 403, 404 and 409 that a
    view declares get the shared error bodies."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        declared = self.get_response_serializers()
        # (code, media types) -> what the response carries; plain codes answer JSON.
        if isinstance(declared, dict):
            responses: dict[tuple[str, tuple[str, ...] | None], Any] = {
                (str(code[0]), tuple(code[1:]))
                if isinstance(code, tuple)
                else (str(code), None): value
                for code, value in declared.items()
            }
        elif self.method == "DELETE":
            responses = {("204", None): None}
        elif self._is_create_operation():
            responses = {("201", None): declared}
        else:
            responses = {("200", None): declared}
        codes = {code for code, _media in responses}
        for code, value in self._error_responses().items():
            if code not in codes:
                responses[(code, None)] = value
        bodies: dict[str, Any] = {}
        for (code, media), value in sorted(responses.items(), key=lambda item: item[0][0]):
            if code in ERROR_DESCRIPTIONS and not _has_body(value):
                description = getattr(value, "description", "") or ERROR_DESCRIPTIONS[code]
                value = OpenApiResponse(_error_body(code), description=description)
            body = self._get_response_for_code(value, code, media, direction)  # type: ignore[no-untyped-call]
            if code in bodies:
                bodies[code].setdefault("content", {}).update(body.get("content", {}))
            else:
                bodies[code] = body
        return bodies

    def _error_responses(self) -> dict[str, Any]:
        """The errors any operation of this shape can answer, whatever the view."""
        errors: dict[str, Any] = {}
        if not all(isinstance(p, AllowAny) for p in self.view.get_permissions()):
            errors["401"] = None
            # api.md: any signed-in operation answers 403 to a role that may not do this
            # kind of thing at all (the access policy is asked at every door).
            errors["403"] = None
        # Any request can be malformed (a NUL character in a query parameter, a body that
        # is not JSON), so every operation documents its 400.
        errors["400"] = None
        if self.method in {"POST", "PUT", "PATCH"} and self.get_request_serializer() is not None:
            errors["413"] = None
        if "{" in self.path:
            errors["404"] = None
        elif self.method == "GET" and self._is_list_view() and self._get_paginator():  # type: ignore[no-untyped-call]
            errors["404"] = OpenApiResponse(description="No such page (`page` past the last).")
        if self.view.get_throttles():
            errors["429"] = None
        return errors


def _has_body(value: Any) -> bool:
    if isinstance(value, OpenApiResponse):
        return value.response is not None
    return value is not None


def pages_start_at_one(result: dict[str, Any], generator: Any, **kwargs: Any) -> dict[str, Any]:
    """Every `page` query parameter counts from 1, as the paginator does (page 0 is 404),
    whichever view declares it."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("in") == "query" and parameter.get("name") == "page":
                    parameter.setdefault("schema", {})["minimum"] = 1
    return result
