"""Every fact the screening engine gives as a ``because`` reads as a sentence in every
staff language: no field name, dotted path or code reaches a page. The engine's own
output (its CLI and the API's ``result``) is untouched: only pages render sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from django.utils import translation

from crossroads.engines.screening import InvalidRecord, screen
from crossroads.screening.reasons import REASON_CODES, Reason, parse, sentence, sentences
from crossroads.screening.reasons import warning_sentence as to_warning

SCENARIOS = Path(__file__).resolve().parents[3] / "tests" / "scenarios" / "screening"
IDENTIFIER_MARKS = ("person.", "statements.", "indicators.", "travel.", "_", "is_child")


def _results() -> list[dict[str, Any]]:
    out = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))["record"]
        try:
            out.append(screen(record))
        except InvalidRecord:
            continue
    return out


def _facts() -> list[str]:
    facts: list[str] = []
    for result in _results():
        for item in result["needs"] + result["safeguards"] + result["referrals"]:
            facts.extend(item["because"])
    return sorted(set(facts))


def test_every_fact_of_the_scenarios_has_a_sentence() -> None:
    facts = _facts()
    assert len(facts) > 50
    unknown = [f for f in facts if any(r.code == "unknown" for r in parse(f))]
    assert unknown == []


@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_sentence_shows_an_identifier(language: str) -> None:
    with translation.override(language):
        for fact in _facts():
            for text in sentences([fact]):
                assert not any(mark in text for mark in IDENTIFIER_MARKS), (fact, text)


def test_a_child_by_age_reads_as_a_sentence_with_the_birth_date_in_words() -> None:
    because = [
        "is_child: age 16 from person.birth_date 2010-09-06",
        "travel.accompanied_by is absent",
    ]
    with translation.override("en"):
        assert sentences(because) == [
            "Aged 16 (born 6 Sep 2010): treated as a child.",
            "No one is recorded as travelling with them.",
        ]
    with translation.override("ru"):
        assert (
            sentences(because)[0]
            == "16 лет (дата рождения: 6 сентября 2010 г.): считается ребёнком."
        )


SAMPLE_VALUES: dict[str, dict[str, Any]] = {
    "child_by_assessment": {"date": "2026-01-02"},
    "child_by_age": {"age": "16", "born": "2010-09-06"},
    "child_by_claim": {"age": "15"},
    "partial_birth_date": {"born": "2010"},
    "claim_disagrees": {"age": "16"},
    "assessment_disagrees": {"result": "adult"},
    "assessment_ignored": {"date": "2026-01-02"},
    "accompanied_by": {"who": "none"},
    "need": {"need": "unaccompanied_child"},
    "fear_reasons": {"reasons": "religion, political_opinion"},
    "fear_words": {"phrase": "убьют", "language": "ru"},
    "fear_phrase": {"phrase": "убьют", "language": "ru"},
    "fear_heard": {"phrase": "меня ищут", "language": "ru", "category": "sought"},
    "documents_taken": {"holder": "employer"},
    "forced_labour": {"indicator": "debt_bondage"},
    "exploitation": {"kind": "forced_begging"},
    "indicator": {"flag": "pregnant"},
    "facilitated_by": {"who": "recruiter"},
    "reflection_period": {"days": "30"},
    "stay": {"stay": "irregular"},
    "years_in_country": {"years": "6", "minimum": "5"},
    "pack_rule": {"rule": "no-such-rule"},
    "unknown": {"fact": "x"},
}


@pytest.mark.parametrize("code", sorted(REASON_CODES))
def test_every_reason_has_a_russian_sentence(code: str) -> None:
    reason = Reason(code, SAMPLE_VALUES.get(code, {}))
    with translation.override("en"):
        english = sentence(reason)
    with translation.override("ru"):
        russian = sentence(reason)
    assert english and russian
    assert english != russian, f"{code}: not translated into Russian"


def test_warnings_read_as_sentences() -> None:
    text = (
        "statements.wants_to_return is true while non_refoulement stands: voluntariness and "
        "safety must be assessed first"
    )
    with translation.override("en"):
        sentence_en = to_warning(text)
    assert "non_refoulement" not in sentence_en and "Non-refoulement" in sentence_en
