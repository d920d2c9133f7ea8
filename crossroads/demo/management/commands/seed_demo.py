from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from crossroads.demo.seed import describe, seed_demo


class Command(BaseCommand):
    help = "Creates (idempotently) the demo states, agencies, users and synthetic people."

    def handle(self, *args: Any, **options: Any) -> None:
        for line in describe(seed_demo()):
            self.stdout.write(line)
