"""The role matrix: for every page and every API endpoint, which roles may use it at all.

Every other role must get 403 before anything else happens (api.md: "403 authenticated
but the role may not do this kind of thing at all"), whatever the input. A URL that is
not in the matrix fails the test: whoever adds a page or an endpoint says here who may
use it, and the policy (crossroads/access/policy.py) must agree."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

PERSONAS = {
    "officer": "kg_border_officer",
    "caseworker": "kg_asylum_caseworker",
    "supervisor": "kg_migration_supervisor",
    "analyst": "kg_analyst",
    "admin": "kg_admin",
    "partner": "kg_unhcr_partner",
}
ALL = frozenset(PERSONAS)
FRONT_LINE = frozenset({"officer", "caseworker", "supervisor"})
WITH_PEOPLE = FRONT_LINE | {"partner"}
CASE_WORK = frozenset({"caseworker", "supervisor", "partner"})
SUPERVISOR = frozenset({"supervisor"})
STATISTICS = frozenset({"analyst", "supervisor"})

# Not about roles: signing in and out, the schema and its docs, the admin (its own login).
OUTSIDE = {"login", "logout", "api-token", "schema", "api-docs"}

# url name -> method -> roles that may use it at all.
MATRIX: dict[str, dict[str, frozenset[str]]] = {
    "home": {"GET": ALL},
    "name_lists": {"GET": ALL},
    "search": {"GET": WITH_PEOPLE},
    "accounts:language": {"POST": ALL},
    "registry:person_list": {"GET": WITH_PEOPLE},
    "registry:person_register": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "registry:person_detail": {"GET": WITH_PEOPLE},
    "registry:person_edit": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "registry:person_audit": {"GET": SUPERVISOR},
    "screening:screening_list": {"GET": FRONT_LINE},
    "screening:interview": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "screening:screening_detail": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "screening:lift_safeguard": {"POST": SUPERVISOR},
    "referrals:inbox": {"GET": WITH_PEOPLE},
    "referrals:outbox": {"GET": WITH_PEOPLE},
    "referrals:overdue": {"GET": SUPERVISOR},
    "referrals:referral_detail": {"GET": WITH_PEOPLE},
    "referrals:referral_accept": {"POST": CASE_WORK},
    "referrals:referral_decline": {"POST": CASE_WORK},
    "referrals:send_referral": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "referrals:person_consents": {"GET": WITH_PEOPLE},
    "referrals:consent_withdraw": {"POST": FRONT_LINE},
    "cases:work_queue": {"GET": CASE_WORK},
    "cases:case_open": {"GET": CASE_WORK, "POST": CASE_WORK},
    "cases:approval_queue": {"GET": CASE_WORK},
    "cases:approval_answer": {"POST": CASE_WORK},
    "cases:task_done": {"POST": CASE_WORK},
    "cases:case_detail": {"GET": CASE_WORK},
    "cases:case_edit": {"POST": CASE_WORK},
    "cases:household": {"GET": CASE_WORK},
    "cases:case_transition": {"POST": CASE_WORK},
    "cases:case_add": {"POST": CASE_WORK},
    "cases:document_download": {"GET": CASE_WORK},
    "identity:review_queue": {"GET": SUPERVISOR},
    "identity:decide": {"POST": SUPERVISOR},
    "identity:undo": {"POST": SUPERVISOR},
    "access:requests": {"GET": FRONT_LINE},
    "access:ask": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "access:answer": {"POST": SUPERVISOR},
    "sheets:screening_sheet": {"GET": FRONT_LINE},
    "api-countries": {"GET": ALL},
    "api-country": {"GET": ALL},
    "api-agencies": {"GET": ALL},
    "api-agency": {"GET": ALL},
    "api-persons-check": {"POST": FRONT_LINE},
    "api-duplicates": {"GET": SUPERVISOR},
    "api-duplicate-distinct": {"POST": SUPERVISOR},
    "api-merges": {"POST": SUPERVISOR},
    "api-merge-undo": {"POST": SUPERVISOR},
    "api-persons": {"GET": WITH_PEOPLE, "POST": FRONT_LINE},
    "api-person": {"GET": WITH_PEOPLE, "PATCH": FRONT_LINE},
    "api-person-export": {"GET": FRONT_LINE},
    "api-audit": {"GET": SUPERVISOR},
    "api-search": {"GET": WITH_PEOPLE},
    "api-statistics": {"GET": STATISTICS},
    "api-screenings": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "api-screening-preview": {"POST": FRONT_LINE},
    "api-screening": {"GET": FRONT_LINE},
    "api-safeguard-lift": {"POST": SUPERVISOR},
    "api-referrals": {"GET": WITH_PEOPLE, "POST": FRONT_LINE},
    "api-referral": {"GET": WITH_PEOPLE},
    "api-referral-accept": {"POST": CASE_WORK},
    "api-referral-decline": {"POST": CASE_WORK},
    "api-consents": {"GET": WITH_PEOPLE, "POST": FRONT_LINE},
    "api-consent": {"GET": WITH_PEOPLE},
    "api-consent-withdraw": {"POST": FRONT_LINE},
    "api-cases": {"GET": CASE_WORK, "POST": CASE_WORK},
    "api-case-queue": {"GET": CASE_WORK},
    "api-case-approvals": {"GET": CASE_WORK},
    "api-case-approval-approve": {"POST": SUPERVISOR},
    "api-case-approval-send-back": {"POST": SUPERVISOR},
    "api-case-task-done": {"POST": CASE_WORK},
    "api-case": {"GET": CASE_WORK, "PATCH": CASE_WORK},
    "api-case-transitions": {"GET": CASE_WORK},
    "api-case-transition": {"POST": CASE_WORK},
    "api-case-history": {"GET": CASE_WORK},
    "api-case-timeline": {"GET": CASE_WORK},
    "api-case-household": {"GET": CASE_WORK},
    "api-case-tasks": {"GET": CASE_WORK, "POST": CASE_WORK},
    "api-case-notes": {"GET": CASE_WORK, "POST": CASE_WORK},
    "api-case-services": {"GET": CASE_WORK, "POST": CASE_WORK},
    "api-case-documents": {"GET": CASE_WORK, "POST": CASE_WORK},
    "api-case-document": {"GET": CASE_WORK},
    "api-access-requests": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "api-access-request-grant": {"POST": SUPERVISOR},
    "api-access-request-refuse": {"POST": SUPERVISOR},
    # Emergencies (issue 13): households, bulk imports, influxes, sync and the offline app.
    "households:household_register": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "households:household_detail": {"GET": WITH_PEOPLE},
    "imports:import_list": {"GET": SUPERVISOR, "POST": SUPERVISOR},
    "imports:mapping": {"GET": SUPERVISOR, "POST": SUPERVISOR},
    "imports:import_detail": {"GET": SUPERVISOR},
    "imports:import_run": {"POST": SUPERVISOR},
    "imports:import_resume": {"POST": SUPERVISOR},
    "emergency:influx_list": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "emergency:queue": {"GET": SUPERVISOR},
    "emergency:influx_detail": {"GET": FRONT_LINE},
    "emergency:short_screening": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    # The installable app's own files carry no one's data: anyone, signed in or not.
    "offline:app": {"GET": ALL},
    "offline:manifest": {"GET": ALL},
    "offline:engine_bundle": {"GET": ALL},
    "offline:sheet_bundle": {"GET": ALL},
    "offline:pyodide_file": {"GET": ALL},
    "service-worker": {"GET": ALL},
    "offline:conflict_list": {"GET": FRONT_LINE},
    "offline:conflict_resolve": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "api-households": {"POST": FRONT_LINE},
    "api-imports": {"GET": SUPERVISOR, "POST": SUPERVISOR},
    "api-import": {"GET": SUPERVISOR},
    "api-import-resume": {"POST": SUPERVISOR},
    "api-influxes": {"GET": FRONT_LINE, "POST": SUPERVISOR},
    "api-influx": {"GET": FRONT_LINE},
    "api-short-screenings": {"POST": FRONT_LINE},
    "api-full-screening-queue": {"GET": SUPERVISOR},
    "api-sync": {"GET": FRONT_LINE, "POST": FRONT_LINE},
    "api-sync-conflicts": {"GET": FRONT_LINE},
    "api-sync-conflict-resolve": {"POST": FRONT_LINE},
    # Statistics, the regional picture and the legal frameworks (issue 14). The regional
    # analyst, the only role that reads the regional picture, has its own matrix in
    # crossroads/regional/tests/test_regional_picture.py.
    "statistics:workspace": {"GET": STATISTICS},
    "statistics:report": {"GET": STATISTICS},
    "statistics:export": {"GET": STATISTICS},
    "api-statistics-trends": {"GET": STATISTICS},
    "api-statistics-gaps": {"GET": STATISTICS},
    "api-statistics-export": {"GET": STATISTICS},
    "regional:picture": {"GET": frozenset(), "POST": frozenset()},
    "regional:publications": {"GET": SUPERVISOR, "POST": SUPERVISOR},
    "regional:withdraw": {"POST": SUPERVISOR},
    "regional:bundle": {"GET": SUPERVISOR},
    "api-publications": {"GET": STATISTICS, "POST": SUPERVISOR},
    "api-publication": {"GET": STATISTICS, "DELETE": SUPERVISOR},
    "api-publication-bundle": {"GET": SUPERVISOR},
    "api-regional": {"GET": frozenset()},
    "api-regional-bundles": {"POST": frozenset({"admin"})},
    "frameworks:comparison": {"GET": ALL},
    "api-frameworks": {"GET": ALL},
    "api-framework-changes": {"GET": ALL},
}

# Values for the path's parameters: ids that exist nowhere (404 for the roles that may),
# and names that the views know.
PARAMETERS = {"what": "notes", "name": "decide", "code": "KG"}
NOWHERE = str(uuid.UUID(int=7))


def _urls(patterns: list[Any], prefix: str = "", ns: str = "") -> Iterator[tuple[str, str]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern).startswith("admin/"):
                continue
            inner = ns + (f"{p.namespace}:" if p.namespace else "")
            yield from _urls(p.url_patterns, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + str(p.pattern), ns + p.name


def _path(pattern: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: PARAMETERS.get(m.group(1), NOWHERE), pattern)


ROUTES = dict((name, path) for path, name in _urls(get_resolver().url_patterns))


def test_every_page_and_endpoint_is_in_the_role_matrix() -> None:
    missing = sorted(set(ROUTES) - set(MATRIX) - OUTSIDE)
    assert not missing, (
        "Not in the role matrix (crossroads/access/tests/test_role_matrix.py): "
        f"{missing}. Say which roles may use each, and ask the access policy in the view."
    )
    gone = sorted(set(MATRIX) - set(ROUTES))
    assert not gone, f"In the role matrix but no longer routed: {gone}"


CASES = [
    (name, method, role)
    for name, methods in MATRIX.items()
    for method in methods
    for role in sorted(PERSONAS)
]


@pytest.mark.parametrize(("name", "method", "role"), CASES)
def test_a_role_that_may_not_gets_403_and_one_that_may_does_not(
    name: str, method: str, role: str, request: pytest.FixtureRequest, api: Any, web: Any
) -> None:
    user = request.getfixturevalue(PERSONAS[role])
    path = _path(ROUTES[name])
    is_api = path.startswith("/api/")
    client = api(user) if is_api else web(user)
    extra = {"format": "json"} if is_api else {}
    response = getattr(client, method.lower())(path, {}, **extra)
    if role in MATRIX[name][method]:
        assert response.status_code != 403, f"{role} refused at {method} {path}"
        assert response.status_code < 500
    else:
        assert response.status_code == 403, (
            f"{role} at {method} {path} got {response.status_code}, not 403"
        )
