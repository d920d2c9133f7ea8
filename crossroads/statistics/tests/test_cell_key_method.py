"""The cell-key method on its own: small counts never shown, large ones a little off, the
same records always the same figure."""

from __future__ import annotations

import random
import uuid

from crossroads.statistics.cellkey import (
    KEY_SPACE,
    MAX_NOISE,
    SMALL_CELL,
    Table,
    Tally,
    perturbation,
    record_key,
    share,
)

SECRET = b"s" * 32


def test_an_empty_cell_stays_empty():
    assert all(perturbation(0, key) == 0 for key in range(0, KEY_SPACE, KEY_SPACE // 97))


def test_a_count_of_one_to_four_is_never_shown_and_no_figure_is_one_to_four():
    for n in range(1, SMALL_CELL):
        shown = {perturbation(n, k) for k in range(0, KEY_SPACE, KEY_SPACE // 1000)}
        assert shown == {0, SMALL_CELL}
    for n in range(SMALL_CELL, 40):
        shown = {perturbation(n, k) for k in range(0, KEY_SPACE, KEY_SPACE // 1000)}
        assert min(shown) >= SMALL_CELL
        assert max(abs(s - n) for s in shown) <= MAX_NOISE


def test_small_counts_are_unbiased_on_average():
    rng = random.Random(7)
    for n in range(1, SMALL_CELL):
        mean = sum(perturbation(n, rng.randrange(KEY_SPACE)) for _ in range(20000)) / 20000
        assert abs(mean - n) < 0.15


def test_the_same_records_give_the_same_figure_in_any_order():
    ids = [uuid.uuid4() for _ in range(23)]
    keys = [record_key(SECRET, "person", i) for i in ids]
    first, second = Tally(), Tally()
    for key in keys:
        first.add(key)
    for key in reversed(keys):
        second.add(key)
    assert first.protected == second.protected


def test_a_record_key_depends_on_the_secret_and_the_kind():
    some = uuid.uuid4()
    assert record_key(SECRET, "person", some) == record_key(SECRET, "person", some)
    assert record_key(SECRET, "person", some) != record_key(b"t" * 32, "person", some)
    assert record_key(SECRET, "person", some) != record_key(SECRET, "case", some)


def test_a_table_counts_a_record_once_in_its_total_even_when_it_is_in_two_cells():
    table = Table()
    table.add(["AF", "TJ"], 12345)
    assert table.total.count == 1 and table.cells["AF"].count == 1


def test_a_share_of_too_few_is_not_shown():
    assert share(3, 9) is None
    assert share(5, 10) == 50.0
