"""Two queries that differ by one person do not reveal that person, and asking again gives
the same figures (the cell-key method, docs/statistics.md)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from crossroads.statistics.queries import trends

pytestmark = pytest.mark.django_db


def _female_and_total(user):
    today = timezone.localdate()
    figures = trends(user, grain="month", start=today, end=today, audit=False)
    grid = figures.grid("registrations_by_sex")
    female = next(r for r in grid.rows if r.value == "female")
    return female.values[-1], grid.total.values[-1]


def test_the_difference_made_by_one_person_is_not_reliably_one(
    kg_border_officer, kg_analyst, register
):
    for _ in range(10):
        register(kg_border_officer, sex="female")
    differences = []
    before = _female_and_total(kg_analyst)
    for _ in range(40):
        # One more woman: the two queries differ only by her.
        register(kg_border_officer, sex="female")
        after = _female_and_total(kg_analyst)
        differences.append((after[0] - before[0], after[1] - before[1]))
        # Asking again gives the same figures.
        assert _female_and_total(kg_analyst) == after
        before = after
    revealing = sum(1 for cell, total in differences if cell == 1)
    assert revealing < 20, differences
    assert sum(1 for _cell, total in differences if total == 1) < 20, differences
    # and the differences are not always the same either
    assert len({cell for cell, _total in differences}) >= 3
