"""The ISO code lists a screening record is checked against (spec ``screening.md`` §1).

Country fields hold ISO 3166-1 alpha-2 codes and ``person.languages`` ISO 639-3 codes; a
code that is not in the standard is an unknown code, which section 1 makes an error. The
lists are the ``pycountry`` databases (the same the product's registry validates against),
read once, when a record first needs them, straight from their JSON files: importing
``pycountry`` itself would add its start-up to every run of ``crossroads screen``.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path


def _database(name: str) -> list[dict[str, str]]:
    spec = importlib.util.find_spec("pycountry")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            path = Path(location) / "databases" / f"iso{name}.json"
            if path.is_file():
                with path.open("rb") as handle:
                    entries: list[dict[str, str]] = json.load(handle)[name]
                return entries
    import pycountry  # the files moved: ask the package where its database is

    with (Path(pycountry.DATABASE_DIR) / f"iso{name}.json").open("rb") as handle:
        fallback: list[dict[str, str]] = json.load(handle)[name]
    return fallback


@functools.cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code."""
    return frozenset(entry["alpha_2"] for entry in _database("3166-1"))


@functools.cache
def language_codes() -> frozenset[str]:
    """Every ISO 639-3 code."""
    return frozenset(entry["alpha_3"] for entry in _database("639-3"))


__all__ = ["country_codes", "language_codes"]
