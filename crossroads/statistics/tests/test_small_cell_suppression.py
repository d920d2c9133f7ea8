"""The one small-cell rule: no count under five is shown, and none can be worked out from
the total and the counts that are shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crossroads.statistics.suppression import SMALL_CELL, protect, total_shown


def _shown(cells):
    return {c.value: c.count for c in cells}


def test_a_count_under_five_is_hidden_with_the_next_smallest_so_the_total_does_not_give_it_away():
    cells = _shown(protect({"female": 40, "male": 12, "other": 2}))
    assert cells == {"female": 40, "male": None, "other": None}


def test_counts_of_five_and_more_and_zeros_are_shown_exactly():
    cells = _shown(protect({"female": 5, "male": 7}, order=["female", "male", "unknown"]))
    assert cells == {"female": 5, "male": 7, "unknown": 0}


def test_two_small_cells_that_together_hold_fewer_than_five_take_a_third_with_them():
    cells = _shown(protect({"AF": 30, "TJ": 9, "KG": 1, "UZ": 2}))
    assert cells == {"AF": 30, "TJ": None, "KG": None, "UZ": None}


def test_a_table_that_cannot_hide_five_people_together_hides_every_cell_zeros_included():
    cells = _shown(protect({"female": 3, "male": 1}, order=["female", "male", "other"]))
    assert cells == {"female": None, "male": None, "other": None}


def test_a_total_under_five_is_hidden_and_hides_its_cells():
    assert total_shown(3) is None
    assert total_shown(0) == 0
    assert total_shown(5) == 5
    assert all(c.suppressed for c in protect({"female": 3}, total_hidden=True))


@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(min_value=0, max_value=60)))
def test_no_hidden_count_can_be_worked_out_by_subtraction_from_the_total(counts):
    cells = protect(counts)
    hidden = [counts.get(c.value, 0) for c in cells if c.suppressed]
    shown = {c.value: c.count for c in cells if not c.suppressed}
    # Every count shown is exact and never small.
    assert all(n == counts.get(v, 0) and not 0 < n < SMALL_CELL for v, n in shown.items())
    # What is hidden is either nothing, or at least two cells holding at least five people
    # together, or the whole table (so the total minus the shown cells reveals no one).
    assert not hidden or len(hidden) == len(cells) or (len(hidden) >= 2 and sum(hidden) >= 5)
