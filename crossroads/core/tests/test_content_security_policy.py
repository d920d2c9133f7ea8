"""Every response carries a Content-Security-Policy that refuses inline scripts and styles,
and no template puts a script or a style inline (it would not run under the policy)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

PACKAGE = Path(__file__).resolve().parents[2]


def _policy(response: Any) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def _assert_strict(response: Any) -> None:
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_login_page_and_home_carry_the_policy(
    client: Any, web: Any, kg_border_officer: Any
) -> None:
    _assert_strict(client.get("/login/"))
    _assert_strict(web(kg_border_officer).get("/"))
    _assert_strict(web(kg_border_officer).get("/people/"))


@pytest.mark.django_db
def test_api_responses_and_errors_carry_the_policy(api: Any, kg_border_officer: Any) -> None:
    _assert_strict(api(kg_border_officer).get("/api/v1/persons/"))
    _assert_strict(api().get("/api/v1/persons/"))  # 401
    _assert_strict(api(kg_border_officer).get("/api/v1/no-such-thing/"))  # 404
    _assert_strict(api().get("/api/schema/"))


@pytest.mark.django_db
def test_admin_and_api_docs_carry_the_policy(client: Any, web: Any, kg_admin: Any) -> None:
    _assert_strict(client.get("/admin/login/"))
    docs = client.get("/api/docs/")
    _assert_strict(docs)
    assert b"<script>" not in docs.content


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style", re.I)


def test_no_template_has_an_inline_script_handler_or_style() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {match.group(0).strip()}"
        for path in sorted(PACKAGE.glob("*/templates/**/*.html"))
        for match in INLINE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
