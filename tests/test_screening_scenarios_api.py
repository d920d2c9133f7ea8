"""Every hand-written screening scenario, run through the REST API.

The same scenarios as tests/test_screening_scenarios_cli.py (tests/scenarios/screening),
checked with the same loader: a person is registered in the scenario's state by an
officer of that state, the record is posted to `POST /api/v1/screenings/`, and the
`result` must fit the scenario. An invalid record must answer 400 with an error keyed by
the field the scenario names (`record.<field>`), and save nothing.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _import_loader() -> ModuleType:
    name = "crossroads_screening_scenarios_loader"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent / "scenarios" / "screening" / "loader.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_loader = _import_loader()
SCENARIOS = _loader.load_scenarios()
KNOWN_STATES = {"AF", "AZ", "CN", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM"}


@pytest.fixture
def officer_in(db: Any) -> Any:
    """officer_in("TJ") -> a border officer of that state (the conftest cast covers KG and
    KZ only; the scenarios screen people in all ten states)."""
    from crossroads.accounts.models import Agency, User

    def _officer(country: str) -> Any:
        agency, _ = Agency.objects.get_or_create(
            country_id=country,
            name=f"Border Service ({country})",
            defaults={"kind": "border_service"},
        )
        user, _ = User.objects.get_or_create(
            username=f"{country.lower()}_scenario_officer",
            defaults={"agency": agency, "roles": ["officer"]},
        )
        return user

    return _officer


def _state_of(scenario: Any) -> str:
    """The state to register the person in: the record's, or (for a record whose country
    is itself the invalid part) Kyrgyzstan, so that the record is what the API refuses."""
    country = scenario.record.get("country")
    return country if country in KNOWN_STATES else "KG"


def _as_error(body: dict[str, Any]) -> dict[str, Any]:
    """The API's 400 body in the loader's `{"error": {"field", "message"}}` form."""
    fields = [k for k in body if k.startswith("record.")] or list(body)
    field = fields[0][len("record.") :] if fields[0].startswith("record.") else fields[0]
    messages = body[fields[0]]
    return {"error": {"field": field, "message": messages[0] if messages else ""}}


@pytest.mark.django_db
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario_through_api(scenario: Any, officer_in: Any, register: Any, api: Any) -> None:
    from crossroads.screening.models import Screening

    officer = officer_in(_state_of(scenario))
    person = register(officer, nationalities=["AF"])
    response = api(officer).post(
        "/api/v1/screenings/",
        {"person": str(person.pk), "record": scenario.record},
        format="json",
    )
    body = response.json()
    if scenario.is_invalid:
        assert response.status_code == 400, f"{scenario.name}: {response.status_code} {body}"
        assert not Screening.objects.filter(person=person).exists()
        _loader.check_result(scenario, _as_error(body))
        return
    assert response.status_code == 201, f"{scenario.name}: {response.status_code} {body}"
    from crossroads.engines.screening import screen

    # The API's part: exactly the engine's result, whatever the engine says.
    assert body["result"] == screen(scenario.record), scenario.name
    _loader.check_result(scenario, body["result"])
