"""The matcher keeps a floor on its own evaluation set (tests/fear_eval): recall and false
positives per language, well below the figures measured when it was written
(docs/screening-engine.md), so that a change that loses a language fails here."""

from __future__ import annotations

import pytest

from .fear_eval import engine_hear, load, score

RECALL_FLOOR = 0.85
FALSE_POSITIVE_CEILING = 0.15
LANGUAGES = (
    "en",
    "ru",
    "ru-Latn",
    "prs",
    "fa",
    "ps",
    "ur",
    "tg",
    "uz-Latn",
    "uz-Cyrl",
    "ky",
    "kk",
    "tr",
)
SCORES = score(load(), engine_hear)


def test_every_language_of_the_contract_has_at_least_a_hundred_statements() -> None:
    for code in LANGUAGES:
        s = SCORES[code]
        assert s.fear + s.none + s.ask >= 100, code
        assert s.fear >= 40 and s.none >= 30, code


@pytest.mark.parametrize("code", LANGUAGES)
def test_recall_stays_above_the_floor(code: str) -> None:
    assert SCORES[code].recall >= RECALL_FLOOR, SCORES[code].misses


@pytest.mark.parametrize("code", LANGUAGES)
def test_false_positives_stay_below_the_ceiling(code: str) -> None:
    assert SCORES[code].false_positive_rate <= FALSE_POSITIVE_CEILING, SCORES[code].false_alarms


def test_every_statement_names_a_source_and_is_marked_for_native_review() -> None:
    import yaml

    from .fear_eval import EVAL_DIR, FRESH_DIR

    for path in [*EVAL_DIR.glob("*.yaml"), *FRESH_DIR.glob("*.yaml")]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["native_review"] in ("pending", "done"), path.name
        assert all(item["source"] in data["sources"] for item in data["statements"]), path.name
