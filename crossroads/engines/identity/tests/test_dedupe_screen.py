"""The batch screen sets aside only pairs the model keeps below the threshold, and turns
itself off when the model says otherwise."""

from __future__ import annotations

import importlib

import pytest

from crossroads.engines.identity import PersonRecord, dedupe, prepare
from crossroads.engines.identity.dedupe import _Screen, candidate_pairs
from crossroads.engines.identity.scoring import Match, NameFrequencies, score_prepared
from crossroads.engines.identity.synthetic import register

# the module, not the function the package exports under the same name
dedupe_module = importlib.import_module("crossroads.engines.identity.dedupe")

# relatives and namesakes, in the orders and scripts that exercise the swapped readings
_TRAPS = [
    PersonRecord("a1", "Hasan", "Karimov", "Rakhimovich", "1995-03-04", "M", "TJ"),
    PersonRecord("a2", "Husan", "Karimov", "Rakhimovich", "1995-03-04", "M", "TJ"),
    PersonRecord("a3", "Karimov", "Hasan", "Rakhimovich", "1995-03-04", "M", "TJ"),
    PersonRecord("a4", "Хасан", "Каримов", "Юсуфович", "1995-03-04", "M", "TJ"),
    PersonRecord("a5", "حسن", "کریمی", "رحیم", "1995", "M", "AF"),
    PersonRecord("a6", "H", "Karimov", "", "1995-03-04", "M", "TJ"),
    PersonRecord("a7", "Hasan", "", "Rahim", "1995-03-04", "M", "AF"),
    PersonRecord("a8", "Karimov", "", "Rahim", "", "M", "AF"),
    PersonRecord("a9", "Hasan", "Karimov Hasan", "", "1995-03-04", "M", "TJ"),
    PersonRecord("b1", "Mohammad", "Hosseini", "Javad", "1993-11-30", "M", "AF"),
    PersonRecord("b2", "محمد", "حسینی", "رضا", "1993-11-30", "M", "AF"),
    PersonRecord("b3", "حسيني", "محمد", "جواد", "1993-11-30", "M", "AF"),
    PersonRecord("b4", "Hosseini", "M", "Javad", "1993-11-30", "M", "AF"),
    PersonRecord("b5", "Ahmad", "Hosseini", "Javad", "1993-11-30", "M", "AF"),
]


def _pairs_set_aside(threshold: float) -> int:
    records, _ = register(1500, seed=21)
    prepared = [prepare(r) for r in [*records, *_TRAPS]]
    frequencies = NameFrequencies.of(prepared)
    screen = _Screen(threshold)
    everything = [(i, j) for i in range(len(prepared) - 14, len(prepared)) for j in range(i)]
    set_aside = 0
    for i, j in {*candidate_pairs(prepared), *everything}:
        for a, b in ((prepared[i], prepared[j]), (prepared[j], prepared[i])):
            if screen.capped(a, b):
                set_aside += 1
                match = score_prepared(a, b, explain=False, frequencies=frequencies)
                assert match.probability < threshold, (a.record, b.record, match.levels)
    return set_aside


@pytest.mark.parametrize("threshold", [0.5, 0.9, 0.2])
def test_every_pair_set_aside_scores_below_the_threshold(threshold: float) -> None:
    assert _pairs_set_aside(threshold) > 0


def test_nothing_is_set_aside_when_the_threshold_is_below_every_cap() -> None:
    records, _ = register(200, seed=5)
    stats: dict[str, float] = {}
    dedupe(records, threshold=0.01, workers=1, stats=stats)
    assert stats["screened_out"] == stats["screen_checked"] == 0
    assert stats["scored"] == stats["candidate_pairs"]


def test_the_screen_changes_no_cluster() -> None:
    records, _ = register(1200, seed=8)
    stats: dict[str, float] = {}
    assert dedupe(records, workers=1, stats=stats) == dedupe(records, workers=1, screen=False)
    assert stats["screened_out"] + stats["screen_checked"] > 0
    assert stats["screen_wrong"] == 0


def test_the_screen_stops_when_the_model_disagrees(monkeypatch: pytest.MonkeyPatch) -> None:
    # a model that calls every pair the same person: the first pair set aside is checked,
    # found wrong, and from then on every pair is scored
    monkeypatch.setattr(dedupe_module, "score_prepared", lambda a, b, **_: Match(1.0, 20.0, {}, {}))
    records, _ = register(300, seed=3)
    stats: dict[str, float] = {}
    dedupe(records, workers=1, stats=stats)
    assert stats["screen_wrong"] == 1
    assert stats["screened_out"] == 0
    assert stats["scored"] == stats["candidate_pairs"]
