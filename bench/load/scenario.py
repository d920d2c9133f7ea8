"""What the officer and the caseworker do all day, as requests."""

from __future__ import annotations

import random
from typing import Any
from urllib.parse import quote

from .clients import Client, Step


def _name(client: Client, rng: random.Random) -> list[str]:
    return rng.choice(client.user["names"])


def _query(client: Client, rng: random.Random) -> str:
    given, family = _name(client, rng)
    # A family name alone, or given and family name, as typed at a desk.
    return quote(family if rng.random() < 0.5 else f"{given} {family}")


def _person(client: Client, rng: random.Random) -> str:
    return rng.choice(client.user["people"])


def _draft(client: Client, rng: random.Random) -> dict[str, Any]:
    given, family = _name(client, rng)
    return {
        "given_name": given,
        "family_name": family,
        "birth_date": f"{rng.randint(1950, 2020)}-{rng.randint(1, 12):02d}-"
        f"{rng.randint(1, 28):02d}",
        "sex": rng.choice(["male", "female"]),
        "nationalities": [rng.choice(["AF", "TJ", "UZ", "IR"])],
    }


STEPS: dict[str, Step] = {
    "api: person list": lambda c, r: ("GET", "/api/v1/persons/", None),
    "api: search by name": lambda c, r: ("GET", f"/api/v1/persons/?q={_query(c, r)}", None),
    "api: a person": lambda c, r: ("GET", f"/api/v1/persons/{_person(c, r)}/", None),
    "api: possibly registered before": lambda c, r: (
        "POST",
        "/api/v1/persons/check/",
        _draft(c, r),
    ),
    "api: registration": lambda c, r: ("POST", "/api/v1/persons/", _draft(c, r)),
    "api: consents of a person": lambda c, r: (
        "GET",
        f"/api/v1/consents/?person={_person(c, r)}",
        None,
    ),
    "api: cases": lambda c, r: ("GET", "/api/v1/cases/", None),
    "api: screenings": lambda c, r: ("GET", "/api/v1/screenings/", None),
    "api: referrals": lambda c, r: ("GET", "/api/v1/referrals/", None),
    "page: person list": lambda c, r: ("GET", "/people/", None),
    "page: search": lambda c, r: ("GET", f"/people/?q={_query(c, r)}", None),
    "page: a person": lambda c, r: ("GET", f"/people/{_person(c, r)}/", None),
}

# Requests only one of the two users may make (officers work no cases).
ONLY = {"api: cases": "kg-caseworker"}

# Each measured alone (20 clients, the officer and the caseworker), then the day's mix.
READS = [
    "api: person list",
    "api: search by name",
    "api: a person",
    "api: possibly registered before",
    "page: person list",
    "page: search",
    "page: a person",
    "api: consents of a person",
    "api: cases",
    "api: screenings",
    "api: referrals",
]
DAY = [
    "page: person list",
    "page: search",
    "api: possibly registered before",
    "api: registration",
    "page: a person",
    "api: search by name",
    "api: a person",
]
