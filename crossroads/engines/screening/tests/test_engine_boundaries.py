"""The engine stays plain Python: no Django, frozen inputs, one public API."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import crossroads.engines.screening as screening
from crossroads.engines.screening import parse_record

from .helpers import record

ENGINE = Path(screening.__file__).resolve().parent


def test_no_module_of_the_engine_imports_django() -> None:
    import re

    pattern = re.compile(r"^\s*(import|from)\s+django\b", re.MULTILINE)
    for path in ENGINE.rglob("*.py"):
        assert not pattern.search(path.read_text(encoding="utf-8")), path


def test_importing_the_engine_loads_no_django() -> None:
    code = "import sys, crossroads.engines.screening as s; s.screen({'country': 'KG', "
    code += "'date': '2026-11-20'}); print('django' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ENGINE.parents[2],
        check=True,
    )
    assert done.stdout.strip() == "False"


def test_a_validated_record_is_frozen() -> None:
    parsed = parse_record(record(person={"age_claimed": 15}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.person.age_claimed = 30  # type: ignore[misc]


def test_the_public_api_is_listed_in_all() -> None:
    for name in (
        "screen",
        "InvalidRecord",
        "PackRegistry",
        "Pack",
        "default_registry",
        "blocking",
        "GuardedAction",
        "Need",
        "Pathway",
        "Priority",
        "Safeguard",
        "AgencyKind",
    ):
        assert name in screening.__all__
        assert hasattr(screening, name)


def test_agency_kinds_are_the_eleven_codes_of_the_spec_and_foreign_missions() -> None:
    assert {k.value for k in screening.AgencyKind} - {"foreign_mission"} == {
        "border_service",
        "migration_service",
        "asylum_authority",
        "child_protection",
        "labour_inspection",
        "police",
        "unhcr",
        "iom",
        "ngo",
        "health_service",
        "legal_aid",
    }


def test_priorities_are_ordered_most_urgent_first() -> None:
    order = [p.value for p in sorted(screening.Priority, key=lambda p: p.rank)]
    assert order == ["emergency", "urgent", "high", "normal"]
    assert (
        screening.Priority.most_urgent(screening.Priority.HIGH, screening.Priority.URGENT)
        == "urgent"
    )
