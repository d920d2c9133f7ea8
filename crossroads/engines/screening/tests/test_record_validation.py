"""Invalid records are refused with the dotted path of the field (spec section 1)."""

from __future__ import annotations

from typing import Any

import pytest

from crossroads.engines.screening import InvalidRecord, screen

from .helpers import record, result


def error_of(data: Any) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as caught:
        screen(data)
    return caught.value


def test_the_error_reads_field_colon_message_on_one_line() -> None:
    err = error_of(record(person={"birth_date": "2031-01-01"}))
    assert str(err) == "person.birth_date: 2031-01-01 is after the screening date 2026-11-20"
    assert err.field == "person.birth_date"
    assert "\n" not in str(err)


def test_a_record_that_is_not_an_object_is_refused() -> None:
    assert error_of([1, 2]).field == "record"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (record(extra=1), "extra"),
        (record(person={"nick": "x"}), "person.nick"),
        (record(indicators={"gbv_surviver": True}), "indicators.gbv_surviver"),
        (record(location={"kind": "border", "town": "Osh"}), "location.town"),
        (
            record(person={"documents": [{"type": "passport", "colour": "red"}]}),
            "person.documents[0].colour",
        ),
        (
            record(person={"age_assessment": {"result": "adult", "date": "2026-01-01", "by": 1}}),
            "person.age_assessment.by",
        ),
    ],
)
def test_an_unknown_key_at_any_level_is_an_error(data: dict[str, Any], field: str) -> None:
    assert error_of(data).field == field


def test_missing_country_or_date_is_an_error() -> None:
    assert error_of({"date": "2026-11-20"}).field == "country"
    assert error_of({"country": "KG"}).field == "date"
    assert error_of({"country": "KG", "date": None}).field == "date"


def test_null_is_the_same_as_absent() -> None:
    with_nulls = record(
        location=None,
        person={"birth_date": None, "age_claimed": None, "documents": None, "sex": None},
        statements={"fear_of_return": None, "free_text": None},
        indicators=None,
    )
    assert screen(with_nulls)["needs"] == screen(record())["needs"]


@pytest.mark.parametrize("value", [15.0, True, "15", 15.5])
def test_age_claimed_must_be_a_json_integer(value: Any) -> None:
    assert error_of(record(person={"age_claimed": value})).field == "person.age_claimed"


@pytest.mark.parametrize("value", [-1, 131])
def test_age_claimed_must_be_between_0_and_130(value: int) -> None:
    assert error_of(record(person={"age_claimed": value})).field == "person.age_claimed"


@pytest.mark.parametrize("value", [1, 0, "true", "yes"])
def test_booleans_are_strict(value: Any) -> None:
    err = error_of(record(statements={"fear_of_return": value}))
    assert err.field == "statements.fear_of_return"


@pytest.mark.parametrize(
    "value", ["2026-2-01", "2026/11/20", "20261120", "2026-11-20T10:00", 20261120]
)
def test_the_screening_date_is_a_strict_iso_date(value: Any) -> None:
    assert error_of(record(date=value)).field == "date"


def test_an_impossible_date_is_refused() -> None:
    assert error_of(record(date="2026-02-30")).field == "date"
    assert error_of(record(person={"birth_date": "2010-02-30"})).field == "person.birth_date"
    assert error_of(record(person={"birth_date": "2010-13"})).field == "person.birth_date"
    assert error_of(record(person={"birth_date": "10-05-2010"})).field == "person.birth_date"


def test_a_partial_birth_date_after_the_screening_date_is_refused() -> None:
    assert error_of(record(person={"birth_date": "2026-12"})).field == "person.birth_date"
    assert error_of(record(person={"birth_date": "2027"})).field == "person.birth_date"


def test_a_birth_year_equal_to_the_screening_year_is_accepted() -> None:
    assert result(person={"birth_date": "2026"})["is_child"] is True


def test_null_inside_a_list_is_an_error() -> None:
    err = error_of(record(person={"nationalities": ["AF", None]}))
    assert err.field == "person.nationalities[1]"
    err = error_of(record(indicators={"forced_labour": [None]}))
    assert err.field == "indicators.forced_labour[0]"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (record(location={"kind": "checkpoint"}), "location.kind"),
        (record(person={"sex": "female"}), "person.sex"),
        (record(person={"stay": "illegal"}), "person.stay"),
        (record(person={"documents": [{"held_by": "boss"}]}), "person.documents[0].held_by"),
        (record(person={"documents": [{"type": "visa"}]}), "person.documents[0].type"),
        (record(travel={"accompanied_by": "aunt"}), "travel.accompanied_by"),
        (record(travel={"entry": "illegal"}), "travel.entry"),
        (record(travel={"facilitated_by": "friend"}), "travel.facilitated_by"),
        (record(statements={"fear_reasons": ["war"]}), "statements.fear_reasons[0]"),
        (record(statements={"purpose": "tourism"}), "statements.purpose"),
        (record(indicators={"forced_labour": ["long_hours"]}), "indicators.forced_labour[0]"),
        (record(indicators={"exploitation": ["labour"]}), "indicators.exploitation[0]"),
        (
            record(person={"age_assessment": {"result": "minor", "date": "2026-01-01"}}),
            "person.age_assessment.result",
        ),
        (record(person={"nationalities": ["Afghan"]}), "person.nationalities[0]"),
        (record(person={"languages": ["ru"]}), "person.languages[0]"),
        (record(person={"country_of_origin": "afg"}), "person.country_of_origin"),
    ],
)
def test_an_unknown_code_names_its_field(data: dict[str, Any], field: str) -> None:
    assert error_of(data).field == field


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (record(person={"nationalities": ["AF", "ZZ"]}), "person.nationalities[1]"),
        (record(person={"country_of_origin": "XX"}), "person.country_of_origin"),
        (
            record(person={"documents": [{"type": "passport", "issuing_state": "QQ"}]}),
            "person.documents[0].issuing_state",
        ),
        (record(person={"languages": ["prs", "qqq"]}), "person.languages[1]"),
    ],
)
def test_a_well_formed_code_that_the_iso_standard_does_not_assign_is_an_error(
    data: dict[str, Any], field: str
) -> None:
    # Section 1: "unknown key or code" is invalid input; nationalities are ISO 3166-1
    # alpha-2 codes and languages ISO 639-3 codes, so "ZZ" or "qqq" is an unknown code.
    assert error_of(data).field == field


def test_assigned_iso_codes_are_accepted() -> None:
    res = result(
        person={
            "nationalities": ["AF", "TJ", "unknown"],
            "country_of_origin": "UZ",
            "languages": ["prs", "uzn", "pbu", "kir", "rus", "tgk", "kaz", "tuk"],
            "documents": [{"type": "tazkira", "issuing_state": "AF"}],
        }
    )
    assert res["pack"]["country"] == "KG"


def test_an_age_assessment_needs_both_result_and_date() -> None:
    err = error_of(record(person={"age_assessment": {"result": "adult"}}))
    assert err.field == "person.age_assessment.date"
    err = error_of(record(person={"age_assessment": {"date": "2026-01-01"}}))
    assert err.field == "person.age_assessment.result"


def test_years_in_country_is_a_number_not_below_zero() -> None:
    assert error_of(record(person={"years_in_country": -1})).field == "person.years_in_country"
    assert error_of(record(person={"years_in_country": "3"})).field == "person.years_in_country"
    assert error_of(record(person={"years_in_country": True})).field == "person.years_in_country"
    assert result(person={"years_in_country": 2.5})["pack"]["country"] == "KG"


def test_the_schema_when_given_must_be_screening_1() -> None:
    assert error_of(record(schema="crossroads.screening/2")).field == "schema"
    no_schema = record()
    del no_schema["schema"]
    assert screen(no_schema)["schema"] == "crossroads.screening-result/1"


def test_a_country_without_a_pack_is_refused() -> None:
    err = error_of(record(country="UZ"))
    assert err.field == "country"
    assert "UZ" in err.message


def test_a_date_before_every_pack_is_refused() -> None:
    err = error_of(record(date="2025-12-31"))
    assert err.field == "country"
    assert "2025-12-31" in err.message


def test_a_lower_case_country_code_is_refused() -> None:
    assert error_of(record(country="kg")).field == "country"


def test_an_assessment_dated_after_the_screening_is_ignored() -> None:
    res = result(
        person={"age_claimed": 15, "age_assessment": {"result": "adult", "date": "2026-11-21"}}
    )
    assert res["is_child"] is True
    presumption = next(s for s in res["safeguards"] if s["code"] == "presumption_of_minority")
    assert any("ignored" in reason for reason in presumption["because"])


def test_documents_held_by_absent_means_self() -> None:
    res = result(person={"documents": [{"type": "passport"}]})
    assert "documentation" not in {n["code"] for n in res["needs"]}


def test_an_unknown_key_with_a_newline_still_gives_a_one_line_error() -> None:
    err = error_of(record(person={"bad\nkey": 1}))
    assert err.field == "person.bad\\nkey"
    assert "\n" not in str(err)


def test_dates_with_non_ascii_digits_are_refused() -> None:
    assert error_of(record(date="٢٠٢٦-١١-٢٠")).field == "date"
    assert error_of(record(person={"birth_date": "٢٠١٠"})).field == "person.birth_date"
