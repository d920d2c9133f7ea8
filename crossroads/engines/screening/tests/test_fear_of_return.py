"""A protection request in any words (spec section 4, "Fear of return"; principle 1)."""

from __future__ import annotations

import pytest

from crossroads.engines.screening import screen

from .helpers import need, needs, pathways, record, referral, result, safeguards


@pytest.mark.parametrize(
    "statements",
    [
        {"fear_of_return": True},
        {"wants_asylum": True},
        {"fear_reasons": ["political_opinion"]},
        {"purpose": "protection"},
        {"free_text": "Я боюсь возвращаться домой"},
        {"free_text": "They will kill me if I go back"},
        {"free_text": "می‌ترسم برگردم"},
    ],
)
def test_each_form_of_a_protection_request_gives_protection(statements: dict[str, object]) -> None:
    res = result(statements=statements)
    assert "international_protection" in needs(res)
    assert {"non_refoulement", "non_punishment"} <= safeguards(res)
    assert "asylum_procedure" in pathways(res)


def test_the_because_quotes_the_phrase_matched() -> None:
    res = result(statements={"free_text": "Меня убьют, если вернусь"})
    because = need(res, "international_protection")["because"]
    assert "statements.free_text matched 'Меня убьют' (ru: persecution)" in because


def test_the_because_quotes_the_statement_fields() -> None:
    res = result(statements={"fear_of_return": True, "fear_reasons": ["religion"]})
    because = need(res, "international_protection")["because"]
    assert "statements.fear_of_return is true" in because
    assert "statements.fear_reasons has religion" in because


@pytest.mark.parametrize("kind", ["border", "airport", "detention"])
def test_a_request_at_the_border_airport_or_in_detention_is_urgent(kind: str) -> None:
    res = result(location={"kind": kind}, statements={"fear_of_return": True})
    assert referral(res, "asylum_procedure")["priority"] == "urgent"


@pytest.mark.parametrize("kind", ["inland", "reception", None])
def test_a_request_elsewhere_is_high(kind: str | None) -> None:
    res = result(location={"kind": kind}, statements={"fear_of_return": True})
    assert referral(res, "asylum_procedure")["priority"] == "high"


@pytest.mark.parametrize("country", ["AF", "CN", "PK"])
def test_a_state_without_a_national_procedure_refers_to_unhcr(country: str) -> None:
    res = screen(record(country=country, statements={"wants_asylum": True}))
    assert "unhcr_mandate" in pathways(res)
    assert "asylum_procedure" not in pathways(res)
    ref = referral(res, "unhcr_mandate")
    assert ref["agency_kind"] == "unhcr"
    assert ref["consent_required"] is True


def test_the_national_procedure_goes_to_the_asylum_authority_without_consent() -> None:
    ref = referral(result(statements={"wants_asylum": True}), "asylum_procedure")
    assert ref["agency_kind"] == "asylum_authority"
    assert ref["consent_required"] is False


def test_fear_wins_over_a_wish_to_return_with_a_warning() -> None:
    res = result(statements={"fear_of_return": True, "wants_to_return": True})
    assert "international_protection" in needs(res)
    assert "voluntary_return" not in needs(res)
    assert "assisted_voluntary_return" not in pathways(res)
    assert res["warnings"]


def test_fear_of_return_false_with_fearful_words_still_gives_protection() -> None:
    res = result(statements={"fear_of_return": False, "free_text": "I am afraid to go back"})
    assert "international_protection" in needs(res)
    because = next(n for n in res["needs"] if n["code"] == "international_protection")["because"]
    assert "statements.free_text matched 'afraid to go back' (en: fear_of_return)" in because
    assert any("fear_of_return is false" in reason for reason in because)


def test_ordinary_free_text_is_no_protection_request() -> None:
    res = result(statements={"free_text": "I came to work on a building site in Bishkek"})
    assert "international_protection" not in needs(res)


def test_a_national_of_the_screening_state_is_referred_to_that_states_own_agencies() -> None:
    # Section 5, principle 2: nothing goes to the person's own state "other than the
    # screening state itself" (a person is not refouled to the state they are in).
    res = result(
        person={"nationalities": ["KG"], "country_of_origin": "KG"},
        statements={"fear_of_return": True},
        indicators={"forced_labour": ["deception", "isolation"]},
    )
    assert "non_refoulement" in {s["code"] for s in res["safeguards"]}
    assert referral(res, "asylum_procedure")["agency_kind"] == "asylum_authority"
    assert referral(res, "trafficking_identification")["agency_kind"] == "police"


def test_a_protection_request_with_no_location_is_high() -> None:
    # Section 4: urgent only at a border or airport or in detention, "otherwise high".
    assert (
        referral(result(statements={"wants_asylum": True}), "asylum_procedure")["priority"]
        == "high"
    )
    res = result(location={"name": "Osh"}, statements={"wants_asylum": True})
    assert referral(res, "asylum_procedure")["priority"] == "high"
