from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from crossroads.accounts.models import Country
from crossroads.identity.batch import find_duplicates


class Command(BaseCommand):
    help = (
        "Runs the identity engine's batch deduplication over each state's register and "
        "queues likely duplicates for supervisors' review."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--country",
            action="append",
            default=[],
            help="ISO alpha-2 code; repeatable; default every hosted state",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        codes = [c.upper() for c in options["country"]] or list(
            Country.objects.filter(hosted=True).values_list("code", flat=True)
        )
        unknown = set(codes) - set(Country.objects.values_list("code", flat=True))
        if unknown:
            raise CommandError(f"country: unknown state {', '.join(sorted(unknown))}", returncode=2)
        for code in codes:
            result = find_duplicates(code)
            self.stdout.write(
                f"{code}: {result['people']} people, {result['clusters']} "
                f"clusters, {result['queued']} pairs queued for review"
            )
