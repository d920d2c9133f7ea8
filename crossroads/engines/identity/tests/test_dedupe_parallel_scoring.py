"""Batch scoring in forked processes gives exactly the clusters of scoring in one process."""

from __future__ import annotations

import multiprocessing

import pytest

from crossroads.engines.identity import dedupe
from crossroads.engines.identity.synthetic import register


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork (POSIX)"
)
def test_two_workers_cluster_like_one() -> None:
    records, _ = register(1500, seed=11)
    assert dedupe(records, workers=1) == dedupe(records, workers=2)


def test_a_register_of_one_is_its_own_cluster() -> None:
    records, _ = register(1, seed=2)
    one = records[:1]
    assert dedupe(one) == {one[0].id: one[0].id}


def test_a_lower_threshold_only_joins_clusters() -> None:
    # matches are joined strongest first, so the run at 0.5 starts exactly as the run at 0.9
    records, _ = register(400, seed=4)
    strict = dedupe(records, threshold=0.9)
    loose = dedupe(records, threshold=0.5)
    for record_id, cluster in strict.items():
        assert loose[record_id] == loose[cluster]
    assert len(set(loose.values())) <= len(set(strict.values()))
