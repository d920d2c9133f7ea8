from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from crossroads.accounts.models import Country
from crossroads.identity.matching import reindex


class Command(BaseCommand):
    help = (
        "Rebuilds the identity index (the blocking keys behind 'possibly registered before' "
        "and the name search) of every person, or of the states named. Run it after an "
        "upgrade that changes how the identity engine builds its keys; registering or "
        "editing a person keeps their own rows current."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--country",
            action="append",
            default=[],
            help="ISO alpha-2 code; repeatable; default every state",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from crossroads.registry.models import Person

        codes = [c.upper() for c in options["country"]]
        unknown = set(codes) - set(Country.objects.values_list("code", flat=True))
        if unknown:
            raise CommandError(f"country: unknown state {', '.join(sorted(unknown))}", returncode=2)
        people = Person.objects.order_by("pk")
        if codes:
            people = people.filter(country_id__in=codes)
        done = 0
        ids = list(people.values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            # one transaction per batch: a person's rows are never half rebuilt
            with transaction.atomic():
                batch = Person.objects.filter(pk__in=ids[start : start + 500]).prefetch_related(
                    "aliases"
                )
                for person in batch:
                    reindex(person)
                    done += 1
        self.stdout.write(f"identity index rebuilt for {done} people")
