"""Reference numbers: one sequence per state and year, taken in one statement."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone

from crossroads.core.models import ReferenceCounter, next_reference, reference_is_valid

pytestmark = pytest.mark.django_db


def test_the_first_number_of_a_year_creates_its_counter_and_the_next_ones_follow():
    year = timezone.now().year
    ReferenceCounter.objects.filter(country="TJ", year=year).delete()
    with transaction.atomic():
        first = next_reference("TJ")
        second = next_reference("TJ")
        third = next_reference("TJ")
    numbers = [int(r.split("-")[2]) for r in (first, second, third)]
    assert numbers == [1, 2, 3]
    assert all(reference_is_valid(r) and r.startswith(f"TJ-{year}-") for r in (first, second))
    assert ReferenceCounter.objects.get(country="TJ", year=year).last_value == 3


def test_each_state_counts_on_its_own():
    year = timezone.now().year
    ReferenceCounter.objects.update_or_create(country="UZ", year=year, defaults={"last_value": 41})
    ReferenceCounter.objects.update_or_create(country="KZ", year=year, defaults={"last_value": 7})
    assert next_reference("UZ").split("-")[2] == "000042"
    assert next_reference("UZ").split("-")[2] == "000043"
    assert ReferenceCounter.objects.get(country="UZ", year=year).last_value == 43
    assert next_reference("KZ").split("-")[2] == "000008"
