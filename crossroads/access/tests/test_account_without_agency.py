"""An account that belongs to no agency (an administrator created it and forgot the agency,
or the agency was detached) holds roles but no state: every door refuses it (403) or shows
it nothing, and none answers with a server error."""

from __future__ import annotations

from typing import Any

import pytest

from crossroads.accounts.models import User

from .test_role_matrix import MATRIX, PERSONAS, ROUTES, _path

pytestmark = pytest.mark.django_db

CASES = [
    (name, method, role)
    for name, methods in MATRIX.items()
    for method, roles in methods.items()
    for role in sorted(roles)
    if role in PERSONAS
]


@pytest.mark.parametrize(("name", "method", "role"), CASES)
def test_an_account_without_an_agency_is_refused_never_an_error(
    name: str, method: str, role: str, request: pytest.FixtureRequest, api: Any, web: Any
) -> None:
    persona = request.getfixturevalue(PERSONAS[role])
    user = User.objects.create_user(
        username=f"detached-{role}", password="unused-pw-1", roles=list(persona.roles)
    )
    assert user.agency_id is None
    path = _path(ROUTES[name])
    is_api = path.startswith("/api/")
    client = api(user) if is_api else web(user)
    extra = {"format": "json"} if is_api else {}
    response = getattr(client, method.lower())(path, {}, **extra)
    assert response.status_code < 500, f"{method} {path} as {role} without an agency"
