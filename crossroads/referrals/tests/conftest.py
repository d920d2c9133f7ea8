"""Fixtures for referral tests: the agencies of Kyrgyzstan that receive referrals, a
child-protection worker, and helpers to send, consent and screen through the actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone


def _agency(country: str, name: str, kind: str, **extra: Any) -> Any:
    from crossroads.accounts.models import Agency

    agency, _ = Agency.objects.get_or_create(
        country_id=country, name=name, defaults={"kind": kind, **extra}
    )
    return agency


@pytest.fixture
def kg_agencies(db: Any) -> dict[str, Any]:
    """Receiving agencies of Kyrgyzstan, by a short name."""
    return {
        "unhcr": _agency("KG", "UNHCR Kyrgyzstan", "unhcr"),
        "asylum": _agency("KG", "Refugee department (KG)", "asylum_authority"),
        "migration": _agency("KG", "State Migration Service (KG)", "migration_service"),
        "child_protection": _agency("KG", "Child Protection (KG)", "child_protection"),
        "health": _agency("KG", "Health Service (KG)", "health_service"),
        "ngo": _agency("KG", "Sezim crisis centre", "ngo"),
        "legal_aid": _agency("KG", "Legal Aid (KG)", "legal_aid"),
        "embassy_af": _agency(
            "KG", "Embassy of Afghanistan in Bishkek", "migration_service", represents_state="AF"
        ),
        "kz_unhcr": _agency("KZ", "UNHCR Kazakhstan", "unhcr"),
    }


@pytest.fixture
def kg_child_protection_worker(kg_agencies: dict[str, Any]) -> Any:
    from crossroads.accounts.models import User

    user = User(
        username="kg_child_protection_worker",
        agency=kg_agencies["child_protection"],
        roles=["caseworker"],
    )
    user.set_unusable_password()
    user.save()
    return user


@pytest.fixture
def consent(db: Any) -> Callable[..., Any]:
    """consent(user, person, agency, purposes, **more) through `record_consent`."""
    from crossroads.referrals.actions import record_consent

    def _consent(user: Any, person: Any, agency: Any, purposes: list[str], **more: Any) -> Any:
        more.setdefault("given_by", "person")
        more.setdefault("given_on", dt.date(2026, 11, 20))
        return record_consent(
            acting_user=user,
            person_id=person.pk,
            to_agency_id=agency.pk,
            purposes=purposes,
            **more,
        )

    return _consent


@pytest.fixture
def refer(db: Any) -> Callable[..., Any]:
    """refer(user, person, agency, pathway="asylum_procedure", **more) through
    `send_referral`."""
    from crossroads.referrals.actions import send_referral

    def _refer(
        user: Any, person: Any, agency: Any, pathway: str = "asylum_procedure", **more: Any
    ) -> Any:
        more.setdefault("priority", "high")
        return send_referral(
            acting_user=user,
            person_id=person.pk,
            pathway=pathway,
            to_agency_id=agency.pk,
            **more,
        )

    return _refer


@pytest.fixture
def make_overdue() -> Callable[[Any], Any]:
    """Moves a referral's deadline into the past (as if the receiver let it wait)."""

    def _overdue(referral: Any, hours: int = 5) -> Any:
        from crossroads.referrals.models import Referral

        Referral.objects.filter(pk=referral.pk).update(
            deadline_at=timezone.now() - dt.timedelta(hours=hours)
        )
        referral.refresh_from_db()
        return referral

    return _overdue


SENSITIVE_RECORD = {
    "country": "KG",
    "date": "2026-11-20",
    "location": {"kind": "inland"},
    "person": {"nationalities": ["UZ"], "sex": "F"},
    "statements": {
        "fear_of_return": True,
        "free_text": "He kept my passport and beat me; I am afraid to go back.",
    },
    "indicators": {
        "forced_labour": ["retention_of_identity_documents", "physical_sexual_violence"],
        "gbv_survivor": True,
        "pregnant": True,
    },
}


@pytest.fixture
def screened(db: Any) -> Callable[..., Any]:
    """screened(user, person) -> a screening with health, violence and exploitation
    details and the person's own words."""
    from crossroads.screening.actions import screen_person

    def _screened(user: Any, person: Any, record: dict[str, Any] | None = None) -> Any:
        return screen_person(
            acting_user=user, person_id=person.pk, record_data=record or SENSITIVE_RECORD
        )

    return _screened
