"""Inside Django: grows the register, refreshes planner statistics, and writes what the
clients need (tokens, session cookies, people to open, names to search) to a JSON file.

    python -m bench.load.prepare --people 100000 --out fixtures.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossroads.settings")

USERS = ("kg-officer", "kg-caseworker")


def _session_cookie(user: Any) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def fixtures(seed: int) -> dict[str, Any]:
    from rest_framework.authtoken.models import Token

    from crossroads.accounts.models import Agency, User
    from crossroads.registry.models import Person

    rng = random.Random(seed)
    answer: dict[str, Any] = {"users": {}}
    for username in USERS:
        user = User.objects.select_related("agency").get(username=username)
        token, _ = Token.objects.get_or_create(user=user)
        mine = Person.objects.filter(
            registering_agency_id=user.agency_id, merged_into__isnull=True
        ).order_by("-registered_at")
        newest = list(mine.values_list("pk", flat=True)[:200])
        # People spread over the whole register, not only the newest (cache-cold pages).
        total = mine.count()
        spread = (
            [mine.values_list("pk", flat=True)[rng.randrange(total)] for _ in range(50)]
            if total
            else []
        )
        names = list(mine.exclude(family_name="").values_list("given_name", "family_name")[:2000])
        rng.shuffle(names)
        answer["users"][username] = {
            "token": token.key,
            "session": _session_cookie(user),
            "people": [str(pk) for pk in newest[:100] + spread],
            "names": [list(n) for n in names[:300]],
        }
    unhcr = Agency.objects.filter(country_id="KG", kind="unhcr").first()
    answer["unhcr"] = str(unhcr.pk) if unhcr else ""
    return answer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from crossroads.core.planner import analyze

    call_command("migrate", verbosity=0, interactive=False)
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", stdout=quiet)
    call_command("collectstatic", interactive=False, verbosity=0)
    from .grow import grow

    started = time.perf_counter()
    grown = grow(
        username="kg-officer",
        others=("kg-caseworker",),
        people=args.people,
        sample=args.sample,
        seed=args.seed,
        log=lambda line: print(line, file=sys.stderr, flush=True),
    )
    grown["grow_seconds"] = round(time.perf_counter() - started, 1)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            analyze(cursor)
        else:
            cursor.execute("ANALYZE")
    data = fixtures(args.seed)
    data["grown"] = grown
    with open(args.out, "w") as out:
        json.dump(data, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
