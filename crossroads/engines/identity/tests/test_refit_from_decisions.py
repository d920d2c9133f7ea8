"""The model learns from its register and its reviewers (issue 15): a refit from review
decisions moves the decided pairs' scores the right way, names its version, and leaves the
shipped model as it was."""

from __future__ import annotations

from crossroads.engines.identity import PersonRecord, score_pair
from crossroads.engines.identity.learning import Decision, refit
from crossroads.engines.identity.scoring import DEFAULT_MODEL, Model
from crossroads.engines.identity.synthetic import register

RECORDS, _TRUTH = register(1500, seed=3)

# A supervisor merged these two: one woman, her name in two spellings, her birth year
# off by one on one registration.
MERGED = Decision(
    PersonRecord("m1", "Zarghona", "Ahmadzai", "Karim", "1994-05-02", "F", "AF"),
    PersonRecord("m2", "Zarghuna", "Ahmadzai", "Karim", "1995-05-02", "F", "AF"),
    same=True,
    label="merged",
)
# ... and marked these two as different people: one name and a birth year, nothing else.
DISTINCT = Decision(
    PersonRecord("d1", "Nabi", "", "", "1990-03-04", "", ""),
    PersonRecord("d2", "Nabi", "", "", "1990-08-11", "", ""),
    same=False,
    label="distinct",
)


def _refit(decisions: list[Decision]) -> tuple[Model, object]:
    return refit(RECORDS, decisions, version="test-1", random_pairs=4000, seed=1)


def test_a_refit_from_decisions_moves_the_decided_pairs_the_right_way() -> None:
    """Against the same refit of the same register without the decisions."""
    plain, _ = _refit([])
    learnt, report = _refit([MERGED] * 5 + [DISTINCT] * 5)
    assert score_pair(MERGED.a, MERGED.b, model=learnt).weight > (
        score_pair(MERGED.a, MERGED.b, model=plain).weight
    )
    assert score_pair(DISTINCT.a, DISTINCT.b, model=learnt).weight < (
        score_pair(DISTINCT.a, DISTINCT.b, model=plain).weight
    )
    assert report.decided_same == 5 and report.decided_distinct == 5  # type: ignore[attr-defined]


def test_decisions_alone_move_the_shipped_model_the_right_way() -> None:
    learnt, report = refit([], [MERGED] * 3 + [DISTINCT] * 3, version="decisions-only")
    for decision, sign in ((MERGED, 1), (DISTINCT, -1)):
        before = score_pair(decision.a, decision.b).weight
        after = score_pair(decision.a, decision.b, model=learnt).weight
        assert sign * (after - before) > 0
    moved = {(p.a, p.b): (p.probability_before, p.probability_after) for p in report.decided}
    before, after = moved[("m1", "m2")]
    assert after >= before


def test_every_explanation_names_the_model_version_that_scored_it() -> None:
    learnt, _ = _refit([MERGED])
    assert score_pair(MERGED.a, MERGED.b, model=learnt).explanation["model"].endswith("test-1")
    shipped = score_pair(MERGED.a, MERGED.b).explanation["model"]
    assert shipped.endswith(DEFAULT_MODEL.version)


def test_a_refit_leaves_the_shipped_model_unchanged() -> None:
    before = score_pair(MERGED.a, MERGED.b).probability
    _refit([MERGED] * 5)
    assert score_pair(MERGED.a, MERGED.b).probability == before


def test_a_model_version_survives_its_json_form() -> None:
    learnt, _ = _refit([DISTINCT])
    again = Model.from_json(learnt.to_json())
    assert again == learnt
    assert score_pair(DISTINCT.a, DISTINCT.b, model=again).probability == (
        score_pair(DISTINCT.a, DISTINCT.b, model=learnt).probability
    )


def test_em_without_labels_finds_a_plausible_match_share_and_keeps_agreement_strong() -> None:
    learnt, report = _refit([])
    assert 0.0 < report.match_share < 0.9  # type: ignore[attr-defined]
    weights = learnt.weights
    assert weights["given_name"]["exact"] > 0 > weights["given_name"]["disagree"]
    assert weights["birth_date"]["exact"] > 0 > weights["birth_date"]["years_apart_6_plus"]
