"""Statistics benchmark: the trend tables of one state with N registrations.

    python bench/statistics/run.py --people 100000 --repeat 5

Makes its own SQLite database in a temporary directory (never committed), writes N
synthetic people of one state spread over twelve months with bulk inserts (a bounded
generator, no personal data), then times `state_figures` (every trend table, protected by
the cell-key method) over those twelve months, REPEAT times, and prints p50 and p95 in
seconds. Run it under `nice`: it is a benchmark, never run in CI."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not 1 <= args.people <= 2_000_000:
        parser.error("--people between 1 and 2,000,000")
    home = Path(tempfile.mkdtemp(prefix="crossroads-bench-statistics-"))
    os.environ["CROSSROADS_HOME"] = str(home)
    os.environ["CROSSROADS_ENV"] = "test"
    os.environ["DATABASE_URL"] = f"sqlite:///{home / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossroads.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from crossroads.accounts.models import Agency, Country, User
    from crossroads.registry.models import Person
    from crossroads.statistics.periods import series
    from crossroads.statistics.queries import state_figures

    call_command("migrate", verbosity=0)
    Country.objects.get_or_create(code="KG", defaults={"name": "Kyrgyzstan"})
    agency = Agency.objects.create(
        name="Border Service (KG)", kind="border_service", country_id="KG"
    )
    user = User.objects.create(username="bench-officer", agency=agency, roles=["officer"])
    rng = random.Random(14)
    today = timezone.localdate()
    start = (today.replace(day=1) - dt.timedelta(days=330)).replace(day=1)
    span = (today - start).days
    made = time.perf_counter()
    batch: list[Person] = []
    for n in range(args.people):
        moment = timezone.make_aware(
            dt.datetime.combine(start + dt.timedelta(days=rng.randrange(span)), dt.time(12))
        )
        batch.append(
            Person(
                id=uuid.UUID(int=rng.getrandbits(128)),
                reference=f"KG-BENCH-{n:09d}",
                country_id="KG",
                given_name="",
                family_name="",
                name_script="Latn",
                birth_date=f"{rng.randint(1950, 2024)}",
                birth_date_precision="year",
                sex=rng.choice(["female", "male", "other", "unknown"]),
                nationalities=[rng.choice(["AF", "TJ", "UZ", "KG", "IR"])],
                registering_agency=agency,
                registered_by=user,
            )
        )
        if len(batch) == 10_000:
            with transaction.atomic():
                Person.objects.bulk_create(batch)
            batch = []
    if batch:
        Person.objects.bulk_create(batch)
    # registered_at is set on insert: spread it over the year with one update per month
    people = list(Person.objects.values_list("pk", flat=True))
    with transaction.atomic():
        for month in range(12):
            chunk = people[month::12]
            moment = timezone.make_aware(
                dt.datetime.combine(start + dt.timedelta(days=30 * month + 5), dt.time(12))
            )
            for i in range(0, len(chunk), 900):
                Person.objects.filter(pk__in=chunk[i : i + 900]).update(registered_at=moment)
    print(f"{args.people} people written in {time.perf_counter() - made:.1f} s", flush=True)
    periods = series("month", start, today)
    times = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        state_figures("KG", periods)
        times.append(time.perf_counter() - began)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(
        f"state_figures over {len(periods)} months, {args.people} registrations: "
        f"p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, runs {len(times)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
