"""The cast, built once per test database: an officer, a caseworker, a supervisor, an
analyst, an administrator and a partner in Kyrgyzstan, and their counterparts in
Kazakhstan, so that access tests read as "the Kazakh caseworker cannot"."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("CROSSROADS_ENV", "test")

# Property tests run the same examples on every run, so that CI passes or fails for a
# reason and not by the luck of a seed; HYPOTHESIS_PROFILE=explore searches afresh (run it
# when changing an engine, and keep any counterexample it finds as an explicit test).
hypothesis_settings.register_profile("deterministic", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

PERSONAS: dict[str, tuple[str, str, str, list[str]]] = {
    # name: (country, agency name, agency kind, roles)
    "kg_border_officer": ("KG", "Border Service (KG)", "border_service", ["officer"]),
    "kg_migration_caseworker": (
        "KG",
        "State Migration Service (KG)",
        "migration_service",
        ["caseworker"],
    ),
    "kg_migration_supervisor": (
        "KG",
        "State Migration Service (KG)",
        "migration_service",
        ["supervisor"],
    ),
    "kg_asylum_caseworker": ("KG", "Refugee department (KG)", "asylum_authority", ["caseworker"]),
    "kg_analyst": ("KG", "State Migration Service (KG)", "migration_service", ["analyst"]),
    "kg_admin": ("KG", "State Migration Service (KG)", "migration_service", ["admin"]),
    "kg_unhcr_partner": ("KG", "UNHCR Kyrgyzstan", "unhcr", ["partner"]),
    "kz_border_officer": ("KZ", "Border Service (KZ)", "border_service", ["officer"]),
    "kz_migration_caseworker": (
        "KZ",
        "Migration Service (KZ)",
        "migration_service",
        ["caseworker"],
    ),
    "kz_migration_supervisor": (
        "KZ",
        "Migration Service (KZ)",
        "migration_service",
        ["supervisor"],
    ),
}
PASSWORD = "correct horse battery staple 7"


def ensure_cast() -> None:
    """The states and the cast, created where missing. Called once per test database, and
    again by a persona fixture that finds its user gone: a transactional test (the live
    server of the browser tests) empties every table when it ends."""
    from crossroads.accounts.models import Agency, Country, User
    from crossroads.demo.seed import COUNTRIES

    for code, name, name_ru, languages in COUNTRIES:
        Country.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_ru": name_ru, "working_languages": languages},
        )
    for username, (country, agency_name, kind, roles) in PERSONAS.items():
        agency, _ = Agency.objects.get_or_create(
            country_id=country, name=agency_name, defaults={"kind": kind}
        )
        if not User.objects.filter(username=username).exists():
            user = User(username=username, agency=agency, roles=roles, is_staff="admin" in roles)
            user.set_password(PASSWORD)
            user.save()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    with django_db_blocker.unblock():
        ensure_cast()


@pytest.fixture(autouse=True)
def _the_cast_is_there(request: pytest.FixtureRequest) -> None:
    """A test that uses the database finds the states and the cast, even after a
    transactional test (a live server) on the same worker emptied every table."""
    uses_db = request.node.get_closest_marker("django_db") is not None or any(
        name in request.fixturenames
        for name in ("db", "transactional_db", "live_server", "django_db_reset_sequences")
    )
    if not uses_db:
        return
    request.getfixturevalue("_django_db_helper")
    from crossroads.accounts.models import Country

    if not Country.objects.exists():
        ensure_cast()


def _persona(name: str) -> Callable[[Any], Any]:
    @pytest.fixture
    def fixture(db: Any) -> Any:
        from crossroads.accounts.models import User

        return User.objects.select_related("agency").get(username=name)

    fixture.__name__ = name
    return fixture


for _name in PERSONAS:
    globals()[_name] = _persona(_name)


@pytest.fixture
def register(db: Any) -> Callable[..., Any]:
    """register(user, given_name=..., ...) through the real action."""
    from crossroads.registry.actions import PersonData, register_person

    def _register(user: Any, **values: Any) -> Any:
        links = values.pop("family_links", None)
        values.setdefault("given_name", "Aibek")
        values.setdefault("family_name", "Toktogulov")
        return register_person(acting_user=user, data=PersonData(values=values, family_links=links))

    return _register


@pytest.fixture
def api(db: Any) -> Callable[[Any], Any]:
    """api(user) -> an APIClient authenticated with the user's token."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    def _client(user: Any = None) -> APIClient:
        client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return _client


@pytest.fixture
def web(client: Any) -> Callable[[Any], Any]:
    """web(user) -> a Django test client logged in as the user."""

    def _login(user: Any) -> Any:
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def _english(settings: Any) -> Iterator[None]:
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()
