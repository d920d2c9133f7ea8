"""More of the cast for screening: an officer in any state (the scenarios screen people in
all ten), and every agency kind of a state so that each pathway has a receiver."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from crossroads.engines.screening.vocab import AgencyKind


@pytest.fixture
def officer_in(db: Any) -> Callable[[str], Any]:
    """officer_in("TJ") -> a border officer of that state (made once per test)."""
    from crossroads.accounts.models import Agency, User

    def _officer(country: str) -> Any:
        agency, _ = Agency.objects.get_or_create(
            country_id=country,
            name=f"Border Service ({country})",
            defaults={"kind": AgencyKind.BORDER_SERVICE},
        )
        user, _ = User.objects.get_or_create(
            username=f"{country.lower()}_border_officer",
            defaults={"agency": agency, "roles": ["officer"]},
        )
        return user

    return _officer


@pytest.fixture
def agencies_of(db: Any) -> Callable[[str], dict[str, Any]]:
    """agencies_of("KG") -> {kind: agency}: one active agency of every kind in the state."""
    from crossroads.accounts.models import Agency

    def _make(country: str) -> dict[str, Any]:
        made = {}
        for kind in AgencyKind:
            existing = Agency.objects.filter(country_id=country, kind=kind, represents_state="")
            agency = existing.order_by("name").first()
            if agency is None:
                agency = Agency.objects.create(
                    country_id=country, name=f"{kind.value} ({country})", kind=kind
                )
            made[kind.value] = agency
        return made

    return _make


def fear_record(country: str = "KG", **person: Any) -> dict[str, Any]:
    return {
        "schema": "crossroads.screening/1",
        "country": country,
        "date": "2026-11-20",
        "location": {"kind": "border", "name": "Dostuk"},
        "person": {"nationalities": ["AF"], "birth_date": "1990", **person},
        "statements": {"fear_of_return": True, "fear_reasons": ["political_opinion"]},
    }
