"""The `crossroads` command: the engines' own commands (no Django start-up, so thousands
of records cost one start), then every Django management command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

# Commands that Django spells with an underscore, offered with a hyphen too.
ALIASES = {
    "seed-demo": "seed_demo",
    "find-duplicates": "find_duplicates",
    "rebuild-identity-index": "rebuild_identity_index",
    "refit-identity": "refit_identity",
}


def _engine_command(name: str) -> Callable[[Sequence[str]], int] | None:
    if name == "screen":
        from crossroads.engines.screening.cli import main as screen_main

        return screen_main
    if name == "dedupe":
        from crossroads.engines.identity.cli import dedupe_main

        return dedupe_main
    if name == "search":
        from crossroads.engines.identity.cli import search_main

        return search_main
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1:
        engine = _engine_command(args[1])
        if engine is not None:
            return engine(args[2:])
        args[1] = ALIASES.get(args[1], args[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossroads.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 (loads the settings: production refuses here)
    except ImproperlyConfigured as error:
        # e.g. CROSSROADS_ENV=production without SECRET_KEY: one line, not a traceback
        print(f"crossroads: {error}", file=sys.stderr)
        return 2

    execute_from_command_line(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
