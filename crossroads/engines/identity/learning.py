"""A model that fits the register it serves: m and u re-estimated on a state's own register,
without labels, and from its supervisors' decisions, with labels.

Fellegi and Sunter's model, as Splink and fastLink fit it (Enamorado, Fifield and Imai,
APSR 2019): every candidate pair is a vector of comparison levels; u, the chance that two
different people agree at a level, is counted on random pairs of the register (nearly all
of them are different people); m, the chance that one person's two records agree at it, is
estimated by expectation-maximisation over the candidate pairs, whose match status is
unknown. Review decisions are pairs whose status is known: "merged" ones add to m as
certain matches, "marked distinct" and undone merges add to u as certain non-matches (they
are the hard non-matches that random pairs miss). Every estimate is pulled towards the
current model by ``pull`` pseudo-pairs, so a small register or a few decisions move it a
little, not wildly. The prior is kept: the register's size already sets it
(``scoring.prior_for``).

A refit returns a new ``Model`` with its own version and a report of what changed; it never
touches past decisions (the product stores versions and decides which one scores).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .keys import SINGLE_NAME_PREFIX, blocking_keys
from .records import PersonRecord, PreparedRecord, prepare
from .scoring import DEFAULT_MODEL, FIELDS, Model, NameFrequencies, score_prepared

MAX_BLOCK = 40  # records per blocking key beyond which a block gives no candidate pairs
_MIN_PROBABILITY = 1e-6


@dataclass(frozen=True, slots=True)
class Decision:
    """A supervisor's decision on a pair of records: the same person or not."""

    a: PersonRecord
    b: PersonRecord
    same: bool
    label: str = ""  # what the decision was, for the report: merged, distinct, undone


@dataclass
class LevelChange:
    field: str
    level: str
    weight_before: float
    weight_after: float


@dataclass
class DecidedPair:
    a: str
    b: str
    same: bool
    label: str
    probability_before: float
    probability_after: float


@dataclass
class RefitReport:
    """What a refit saw and what it changed."""

    version: str
    base_version: str
    records: int
    candidate_pairs: int
    random_pairs: int
    decided_same: int
    decided_distinct: int
    iterations: int
    match_share: float  # the share of candidate pairs taken to be matches (held in EM)
    changes: list[LevelChange] = field(default_factory=list)
    decided: list[DecidedPair] = field(default_factory=list)

    def largest_changes(self, count: int = 10) -> list[LevelChange]:
        return sorted(self.changes, key=lambda c: -abs(c.weight_after - c.weight_before))[:count]


_Vector = tuple[str, ...]


def _levels(a: PreparedRecord, b: PreparedRecord, model: Model) -> _Vector:
    match = score_prepared(a, b, explain=False, model=model)
    return tuple(match.levels[name] for name in FIELDS)


def candidate_pairs(prepared: Sequence[PreparedRecord], max_pairs: int) -> list[tuple[int, int]]:
    """Pairs that share a blocking key (free-text ``t:`` keys aside), from blocks of at most
    ``MAX_BLOCK`` records: the pairs the engine would score, where m can be learnt."""
    blocks: dict[str, list[int]] = {}
    for position, record in enumerate(prepared):
        for key in blocking_keys(record):
            if not key.startswith(SINGLE_NAME_PREFIX):
                blocks.setdefault(key, []).append(position)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                if x != y:
                    pairs.add((min(x, y), max(x, y)))
        if len(pairs) >= max_pairs:
            break
    return sorted(pairs)[:max_pairs]


def _normalised(counts: dict[str, float], prior: dict[str, float], pull: float) -> dict[str, float]:
    """Counts per level plus ``pull`` pseudo-counts spread as ``prior``, as shares."""
    total = sum(counts.values()) + pull
    return {
        level: max(_MIN_PROBABILITY, (counts.get(level, 0.0) + pull * share) / total)
        for level, share in prior.items()
    }


def refit(
    records: Sequence[PersonRecord | PreparedRecord],
    decisions: Sequence[Decision] = (),
    *,
    version: str,
    base: Model = DEFAULT_MODEL,
    iterations: int = 25,
    pull: float = 200.0,
    pull_u: float = 1000.0,
    decision_weight: float = 5.0,
    random_pairs: int = 20_000,
    max_candidate_pairs: int = 200_000,
    seed: int = 0,
) -> tuple[Model, RefitReport]:
    """Re-estimate m and u on ``records`` (a state's register) and ``decisions``.

    ``decision_weight``: how many candidate pairs one decision counts for (a supervisor has
    looked at the pair; EM has not); ``pull``: pseudo-pairs of the ``base`` model behind
    every estimate of m (``pull_u`` behind u: chance agreement is a property of the whole
    register, which a small one or a few decisions hardly show). Deterministic for a given
    ``seed``."""
    prepared = [r if isinstance(r, PreparedRecord) else prepare(r) for r in records]
    frequencies = NameFrequencies.of(prepared)
    rng = random.Random(seed)

    # u: random pairs of the register (almost all are two different people), and the pairs
    # supervisors marked as different people
    u_counts: dict[str, dict[str, float]] = {name: {} for name in FIELDS}
    n_random = 0
    size = len(prepared)
    if size * (size - 1) // 2 <= random_pairs:
        sample = [(i, j) for i in range(size) for j in range(i + 1, size)]  # a small register: all
    else:
        sample = []
        while len(sample) < random_pairs:
            i, j = rng.randrange(size), rng.randrange(size)
            if i != j:
                sample.append((i, j))
    for i, j in sample:
        n_random += 1
        for name, level in zip(FIELDS, _levels(prepared[i], prepared[j], base), strict=True):
            u_counts[name][level] = u_counts[name].get(level, 0.0) + 1.0
    decided = [(prepare(d.a), prepare(d.b), d) for d in decisions]
    decided_vectors = [(_levels(a, b, base), d.same) for a, b, d in decided]
    for vector, same in decided_vectors:
        if not same:
            for name, level in zip(FIELDS, vector, strict=True):
                u_counts[name][level] = u_counts[name].get(level, 0.0) + decision_weight
    u_new = {
        name: _normalised(
            u_counts[name], {lvl: mu[1] for lvl, mu in base.probabilities[name].items()}, pull_u
        )
        for name in FIELDS
    }

    # m: expectation-maximisation over the candidate pairs' level vectors
    pairs = candidate_pairs(prepared, max_candidate_pairs)
    vectors: Counter[_Vector] = Counter()
    expected_matches = 0.0
    for i, j in pairs:
        match = score_prepared(
            prepared[i], prepared[j], explain=False, frequencies=frequencies, model=base
        )
        vectors[tuple(match.levels[name] for name in FIELDS)] += 1
        expected_matches += match.probability
    m_new = {name: {lvl: mu[0] for lvl, mu in base.probabilities[name].items()} for name in FIELDS}
    # The share of matches among the candidate pairs is taken from the current model and held:
    # left free, EM on blocked pairs (which agree on names by construction) drifts towards
    # calling every candidate a match. m is then what the register's matches look like.
    share = min(0.9, max(1e-3, expected_matches / len(pairs))) if pairs else 0.1
    for _ in range(iterations if vectors or decided_vectors else 0):
        m_counts: dict[str, dict[str, float]] = {name: {} for name in FIELDS}
        for vector, count in vectors.items():
            log_m = math.log(share) + sum(
                math.log(m_new[n][lvl]) for n, lvl in zip(FIELDS, vector, strict=True)
            )
            log_u = math.log(1 - share) + sum(
                math.log(u_new[n][lvl]) for n, lvl in zip(FIELDS, vector, strict=True)
            )
            w = 1.0 / (1.0 + math.exp(max(-60.0, min(60.0, log_u - log_m))))
            for n, lvl in zip(FIELDS, vector, strict=True):
                m_counts[n][lvl] = m_counts[n].get(lvl, 0.0) + count * w
        for vector, same in decided_vectors:
            if same:
                for n, lvl in zip(FIELDS, vector, strict=True):
                    m_counts[n][lvl] = m_counts[n].get(lvl, 0.0) + decision_weight
        base_m = {
            name: {lvl: mu[0] for lvl, mu in base.probabilities[name].items()} for name in FIELDS
        }
        m_new = {name: _normalised(m_counts[name], base_m[name], pull) for name in FIELDS}

    probabilities = {
        name: {lvl: (m_new[name][lvl], u_new[name][lvl]) for lvl in base.probabilities[name]}
        for name in FIELDS
    }
    model = Model(version, probabilities, base.prior)

    report = RefitReport(
        version=version,
        base_version=base.version,
        records=len(prepared),
        candidate_pairs=len(pairs),
        random_pairs=n_random,
        decided_same=sum(1 for _, same in decided_vectors if same),
        decided_distinct=sum(1 for _, same in decided_vectors if not same),
        iterations=iterations,
        match_share=share,
    )
    before, after = base.weights, model.weights
    for name in FIELDS:
        for level in base.probabilities[name]:
            report.changes.append(LevelChange(name, level, before[name][level], after[name][level]))
    for a, b, d in decided:
        report.decided.append(
            DecidedPair(
                a.id,
                b.id,
                d.same,
                d.label,
                score_prepared(
                    a, b, explain=False, frequencies=frequencies, model=base
                ).probability,
                score_prepared(
                    a, b, explain=False, frequencies=frequencies, model=model
                ).probability,
            )
        )
    return model, report
