from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone


@pytest.fixture
def regional_analyst(db: Any) -> Any:
    from conftest import PASSWORD
    from crossroads.accounts.models import Agency, User

    agency, _ = Agency.objects.get_or_create(
        country=None, name="Almaty Process secretariat", defaults={"kind": "iom"}
    )
    user, created = User.objects.get_or_create(
        username="regional_analyst", defaults={"agency": agency, "roles": ["regional_analyst"]}
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    return user


@pytest.fixture
def kz_analyst(db: Any) -> Any:
    from crossroads.accounts.models import Agency, User

    agency = Agency.objects.get(country_id="KZ", name="Migration Service (KZ)")
    user, _ = User.objects.get_or_create(
        username="kz_analyst_regional", defaults={"agency": agency, "roles": ["analyst"]}
    )
    return user


@pytest.fixture
def last_month() -> tuple[str, dt.datetime]:
    """The last closed month, and a moment in it."""
    today = timezone.localdate()
    last_day = today.replace(day=1) - dt.timedelta(days=1)
    moment = timezone.make_aware(dt.datetime.combine(last_day.replace(day=10), dt.time(12)))
    return f"{last_day:%Y-%m}", moment


@pytest.fixture
def registered_last_month(register: Any, last_month: Any) -> Any:
    """register_last_month(user, n, **values): n people registered in the last closed
    month (registered now, then dated back: test data only)."""
    from crossroads.registry.models import Person

    def _register(user: Any, n: int, **values: Any) -> list[Any]:
        people = [register(user, **values) for _ in range(n)]
        Person.objects.filter(pk__in=[p.pk for p in people]).update(registered_at=last_month[1])
        return people

    return _register
