"""Parse and validate a screening record (spec ``screening.md`` section 1).

The record is checked strictly, because a silently dropped fact can hide a protection
need: an unknown key at any level is an error, ``null`` is the same as absent, integers
and booleans are JSON integers and booleans only, dates are strict ISO dates. The result
is a tree of frozen dataclasses that the engine reads without further checks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from .iso import country_codes, language_codes
from .vocab import (
    AccompaniedBy,
    AgeAssessmentResult,
    DocumentType,
    Entry,
    ExploitationKind,
    FacilitatedBy,
    FearReason,
    ForcedLabourIndicator,
    HeldBy,
    LocationKind,
    Purpose,
    Sex,
    Stay,
)

SCHEMA = "crossroads.screening/1"

_E = TypeVar("_E", bound=StrEnum)

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_ISO_YEAR = re.compile(r"[0-9]{4}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_LANGUAGE = re.compile(r"[a-z]{3}")
_NATIONALITY_WORDS = frozenset({"stateless", "unknown"})
_SURROGATE = re.compile("[\ud800-\udfff]")


class InvalidRecord(ValueError):
    """A screening record that breaks section 1; ``field`` is the dotted path."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@dataclass(frozen=True, slots=True)
class BirthDate:
    """A full or partial birth date, as given (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)."""

    text: str
    earliest: dt.date
    latest: dt.date

    @property
    def is_full(self) -> bool:
        return self.earliest == self.latest


@dataclass(frozen=True, slots=True)
class Location:
    kind: LocationKind | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class AgeAssessment:
    result: AgeAssessmentResult
    date: dt.date


@dataclass(frozen=True, slots=True)
class Document:
    type: DocumentType | None = None
    issuing_state: str | None = None
    held_by: HeldBy = HeldBy.SELF
    #: whether ``held_by`` was given (absent means ``self``)
    held_by_given: bool = False


@dataclass(frozen=True, slots=True)
class Person:
    birth_date: BirthDate | None = None
    birth_date_estimated: bool | None = None
    age_claimed: int | None = None
    appears_child: bool | None = None
    age_assessment: AgeAssessment | None = None
    sex: Sex | None = None
    nationalities: tuple[str, ...] | None = None
    country_of_origin: str | None = None
    languages: tuple[str, ...] | None = None
    birth_registered: bool | None = None
    years_in_country: int | float | None = None
    stay: Stay | None = None
    documents: tuple[Document, ...] | None = None


@dataclass(frozen=True, slots=True)
class Travel:
    accompanied_by: AccompaniedBy | None = None
    separated_from_family: bool | None = None
    entry: Entry | None = None
    facilitated_by: FacilitatedBy | None = None
    moved_or_recruited_by_another: bool | None = None


@dataclass(frozen=True, slots=True)
class Statements:
    fear_of_return: bool | None = None
    fear_reasons: tuple[FearReason, ...] = ()
    wants_asylum: bool | None = None
    wants_to_return: bool | None = None
    purpose: Purpose | None = None
    free_text: str | None = None
    # Added to the contract (an optional input field, screening.md: "extend only by
    # adding"): the person declined to answer the fear-of-return question; and the officer,
    # shown the words of free_text heard as fear, confirmed the answer to fear_of_return.
    fear_of_return_declined: bool | None = None
    fear_of_return_confirmed: bool | None = None


@dataclass(frozen=True, slots=True)
class Indicators:
    forced_labour: tuple[ForcedLabourIndicator, ...] = ()
    exploitation: tuple[ExploitationKind, ...] = ()
    child_marriage: bool | None = None
    gbv_survivor: bool | None = None
    torture_survivor: bool | None = None
    medical_urgent: bool | None = None
    serious_medical_condition: bool | None = None
    pregnant: bool | None = None
    disability: bool | None = None
    mental_health_distress: bool | None = None
    older_person_at_risk: bool | None = None
    single_parent: bool | None = None


@dataclass(frozen=True, slots=True)
class ScreeningRecord:
    country: str
    date: dt.date
    location: Location
    person: Person
    travel: Travel
    statements: Statements
    indicators: Indicators
    #: an age assessment dated after ``date``, which the engine ignores (kept for a warning)
    ignored_age_assessment: AgeAssessment | None = None


# --- primitive checks -------------------------------------------------------------------


def _show(value: Any) -> str:
    """A short one-line rendering of a JSON value for an error message."""
    text = json.dumps(value, ensure_ascii=False)
    if _SURROGATE.search(text):
        # A lone surrogate cannot be written as UTF-8: show it as its JSON escape.
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 60 else text[:57] + "..."


def _text(value: Any, path: str) -> str | None:
    """Free text: a lone surrogate (valid as a JSON escape, not as a character) becomes
    U+FFFD, as a UTF-8 decoder does with a broken byte, so that no output can fail."""
    text = _str(value, path)
    if text is not None and _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _object(value: Any, path: str, allowed: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidRecord(path, f"must be an object, not {_type_name(value)}")
    for key in value:
        if key not in allowed:
            # A key is user input: keep the field path on one printable line.
            name = key if isinstance(key, str) and key.isprintable() else _show(key)[1:-1]
            where = f"{path}.{name}" if path != "record" else name
            raise InvalidRecord(where, "is not a known field")
    return value


def _bool(value: Any, path: str) -> bool | None:
    if value is None:
        return None
    if not isinstance(value, bool):
        raise InvalidRecord(path, f"must be true or false, not {_show(value)}")
    return value


def _str(value: Any, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRecord(path, f"must be a string, not {_type_name(value)}")
    return value


def _code(value: Any, path: str, enum: type[_E]) -> _E | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRecord(path, f"must be a string, not {_type_name(value)}")
    # The value-to-member map avoids the cost of Enum.__call__ on the hot path.
    member = enum._value2member_map_.get(value)
    if member is None:
        allowed = ", ".join(m.value for m in enum)
        raise InvalidRecord(path, f"{_show(value)} is not one of: {allowed}")
    return member  # type: ignore[return-value]


def _list(value: Any, path: str) -> list[Any] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise InvalidRecord(path, f"must be a list, not {_type_name(value)}")
    for i, item in enumerate(value):
        if item is None:
            raise InvalidRecord(f"{path}[{i}]", "null is not allowed inside a list")
    return value


def _codes(value: Any, path: str, enum: type[_E]) -> tuple[_E, ...]:
    items = _list(value, path)
    if items is None:
        return ()
    out: list[_E] = []
    for i, item in enumerate(items):
        code = _code(item, f"{path}[{i}]", enum)
        if code is not None and code not in out:
            out.append(code)
    return tuple(out)


def _strict_date(value: Any, path: str) -> dt.date:
    if not isinstance(value, str):
        raise InvalidRecord(path, f"must be an ISO date string YYYY-MM-DD, not {_show(value)}")
    if not _ISO_DATE.fullmatch(value):
        raise InvalidRecord(path, f"{_show(value)} is not an ISO date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidRecord(path, f"{value} is not a real date") from None


def _birth_date(value: Any, path: str) -> BirthDate | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRecord(
            path, f"must be a string YYYY-MM-DD, YYYY-MM or YYYY, not {_show(value)}"
        )
    if _ISO_DATE.fullmatch(value):
        day = _strict_date(value, path)
        return BirthDate(value, day, day)
    month = _ISO_MONTH.fullmatch(value)
    if month:
        year, mon = int(month.group(1)), int(month.group(2))
        if not 1 <= mon <= 12 or year < 1:
            raise InvalidRecord(path, f"{value} is not a real month")
        last = calendar.monthrange(year, mon)[1]
        return BirthDate(value, dt.date(year, mon, 1), dt.date(year, mon, last))
    if _ISO_YEAR.fullmatch(value) and int(value) >= 1:
        year = int(value)
        return BirthDate(value, dt.date(year, 1, 1), dt.date(year, 12, 31))
    raise InvalidRecord(path, f"{_show(value)} is not YYYY-MM-DD, YYYY-MM or YYYY")


def birth_date_range(value: Any, path: str = "birth_date") -> BirthDate | None:
    """A birth date as the record reads it (None for None); ``InvalidRecord`` naming
    ``path`` when it is no date."""
    return _birth_date(value, path)


def _int(value: Any, path: str, low: int, high: int) -> int | None:
    if value is None:
        return None
    # bool is a subclass of int in Python; JSON true is not a number.
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        raise InvalidRecord(path, f"is out of range; it must be between {low} and {high}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidRecord(path, f"must be a whole number (a JSON integer), not {_show(value)}")
    if not low <= value <= high:
        raise InvalidRecord(path, f"{value} is not between {low} and {high}")
    return value


def _number(value: Any, path: str) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidRecord(path, f"must be a number, not {_show(value)}")
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidRecord(path, "must be a finite number")
    if value < 0:
        raise InvalidRecord(path, f"{value} is negative; it must be 0 or more")
    return value


def _country(value: Any, path: str) -> str | None:
    text = _str(value, path)
    if text is not None and not _is_country(text):
        raise InvalidRecord(path, f"{_show(text)} is not an ISO 3166-1 alpha-2 code")
    return text


def _is_country(text: str) -> bool:
    # Two upper-case letters that the standard assigns: "ZZ" is an unknown code (section 1).
    return _COUNTRY.fullmatch(text) is not None and text in country_codes()


# --- sections ---------------------------------------------------------------------------

_TOP = frozenset(
    {"schema", "country", "date", "location", "person", "travel", "statements", "indicators"}
)
_LOCATION = frozenset({"kind", "name"})
_PERSON = frozenset(
    {
        "birth_date",
        "birth_date_estimated",
        "age_claimed",
        "appears_child",
        "age_assessment",
        "sex",
        "nationalities",
        "country_of_origin",
        "languages",
        "birth_registered",
        "years_in_country",
        "stay",
        "documents",
    }
)
_ASSESSMENT = frozenset({"result", "date"})
_DOCUMENT = frozenset({"type", "issuing_state", "held_by"})
_TRAVEL = frozenset(
    {
        "accompanied_by",
        "separated_from_family",
        "entry",
        "facilitated_by",
        "moved_or_recruited_by_another",
    }
)
_STATEMENTS = frozenset(
    {
        "fear_of_return",
        "fear_reasons",
        "wants_asylum",
        "wants_to_return",
        "purpose",
        "free_text",
        "fear_of_return_declined",
        "fear_of_return_confirmed",
    }
)
#: The yes/no indicators of a record (screening.md section 1, `indicators`), in the
#: order the interview asks them: the one list of their names.
INDICATOR_FLAGS = (
    "child_marriage",
    "gbv_survivor",
    "torture_survivor",
    "medical_urgent",
    "serious_medical_condition",
    "pregnant",
    "disability",
    "mental_health_distress",
    "older_person_at_risk",
    "single_parent",
)
_INDICATORS = frozenset({"forced_labour", "exploitation", *INDICATOR_FLAGS})


def _location(value: Any) -> Location:
    if value is None:
        return Location()
    obj = _object(value, "location", _LOCATION)
    return Location(
        kind=_code(obj.get("kind"), "location.kind", LocationKind),
        name=_text(obj.get("name"), "location.name"),
    )


def _assessment(value: Any, path: str) -> AgeAssessment | None:
    if value is None:
        return None
    obj = _object(value, path, _ASSESSMENT)
    result = _code(obj.get("result"), f"{path}.result", AgeAssessmentResult)
    if result is None:
        raise InvalidRecord(f"{path}.result", "is required (adult or child)")
    if obj.get("date") is None:
        raise InvalidRecord(f"{path}.date", "is required")
    return AgeAssessment(result, _strict_date(obj["date"], f"{path}.date"))


def _documents(value: Any) -> tuple[Document, ...] | None:
    items = _list(value, "person.documents")
    if items is None:
        return None
    docs = []
    for i, item in enumerate(items):
        path = f"person.documents[{i}]"
        obj = _object(item, path, _DOCUMENT)
        held_by = _code(obj.get("held_by"), f"{path}.held_by", HeldBy)
        docs.append(
            Document(
                type=_code(obj.get("type"), f"{path}.type", DocumentType),
                issuing_state=_country(obj.get("issuing_state"), f"{path}.issuing_state"),
                held_by=held_by if held_by is not None else HeldBy.SELF,
                held_by_given=held_by is not None,
            )
        )
    return tuple(docs)


def _nationalities(value: Any) -> tuple[str, ...] | None:
    items = _list(value, "person.nationalities")
    if items is None:
        return None
    out: list[str] = []
    for i, item in enumerate(items):
        path = f"person.nationalities[{i}]"
        if not isinstance(item, str):
            raise InvalidRecord(path, f"must be a string, not {_type_name(item)}")
        if item not in _NATIONALITY_WORDS and not _is_country(item):
            raise InvalidRecord(
                path, f"{_show(item)} is not an ISO 3166-1 alpha-2 code, stateless or unknown"
            )
        if item not in out:
            out.append(item)
    return tuple(out)


def _languages(value: Any) -> tuple[str, ...] | None:
    items = _list(value, "person.languages")
    if items is None:
        return None
    out: list[str] = []
    for i, item in enumerate(items):
        path = f"person.languages[{i}]"
        if (
            not isinstance(item, str)
            or not _LANGUAGE.fullmatch(item)
            or (item not in language_codes())
        ):
            raise InvalidRecord(path, f"{_show(item)} is not an ISO 639-3 code")
        if item not in out:
            out.append(item)
    return tuple(out)


def _person(value: Any, on: dt.date) -> tuple[Person, AgeAssessment | None]:
    if value is None:
        return Person(), None
    obj = _object(value, "person", _PERSON)
    birth = _birth_date(obj.get("birth_date"), "person.birth_date")
    if birth is not None and birth.earliest > on:
        shown = birth.text if birth.is_full else f"{birth.text} (from {birth.earliest})"
        raise InvalidRecord(
            "person.birth_date", f"{shown} is after the screening date {on.isoformat()}"
        )
    assessment = _assessment(obj.get("age_assessment"), "person.age_assessment")
    ignored = None
    if assessment is not None and assessment.date > on:
        # An assessment dated after the screening cannot have informed it (spec section 1).
        ignored, assessment = assessment, None
    person = Person(
        birth_date=birth,
        birth_date_estimated=_bool(obj.get("birth_date_estimated"), "person.birth_date_estimated"),
        age_claimed=_int(obj.get("age_claimed"), "person.age_claimed", 0, 130),
        appears_child=_bool(obj.get("appears_child"), "person.appears_child"),
        age_assessment=assessment,
        sex=_code(obj.get("sex"), "person.sex", Sex),
        nationalities=_nationalities(obj.get("nationalities")),
        country_of_origin=_country(obj.get("country_of_origin"), "person.country_of_origin"),
        languages=_languages(obj.get("languages")),
        birth_registered=_bool(obj.get("birth_registered"), "person.birth_registered"),
        years_in_country=_number(obj.get("years_in_country"), "person.years_in_country"),
        stay=_code(obj.get("stay"), "person.stay", Stay),
        documents=_documents(obj.get("documents")),
    )
    return person, ignored


def _travel(value: Any) -> Travel:
    if value is None:
        return Travel()
    obj = _object(value, "travel", _TRAVEL)
    return Travel(
        accompanied_by=_code(obj.get("accompanied_by"), "travel.accompanied_by", AccompaniedBy),
        separated_from_family=_bool(
            obj.get("separated_from_family"), "travel.separated_from_family"
        ),
        entry=_code(obj.get("entry"), "travel.entry", Entry),
        facilitated_by=_code(obj.get("facilitated_by"), "travel.facilitated_by", FacilitatedBy),
        moved_or_recruited_by_another=_bool(
            obj.get("moved_or_recruited_by_another"), "travel.moved_or_recruited_by_another"
        ),
    )


def _statements(value: Any) -> Statements:
    if value is None:
        return Statements()
    obj = _object(value, "statements", _STATEMENTS)
    fear_of_return = _bool(obj.get("fear_of_return"), "statements.fear_of_return")
    declined = _bool(obj.get("fear_of_return_declined"), "statements.fear_of_return_declined")
    if declined is True and fear_of_return is not None:
        raise InvalidRecord(
            "statements.fear_of_return_declined",
            "is true, so statements.fear_of_return must be absent (the person did not answer)",
        )
    confirmed = _bool(obj.get("fear_of_return_confirmed"), "statements.fear_of_return_confirmed")
    if confirmed is True and fear_of_return is None:
        raise InvalidRecord(
            "statements.fear_of_return_confirmed",
            "is true, so statements.fear_of_return must be given (the answer confirmed)",
        )
    return Statements(
        fear_of_return=fear_of_return,
        fear_reasons=_codes(obj.get("fear_reasons"), "statements.fear_reasons", FearReason),
        wants_asylum=_bool(obj.get("wants_asylum"), "statements.wants_asylum"),
        wants_to_return=_bool(obj.get("wants_to_return"), "statements.wants_to_return"),
        purpose=_code(obj.get("purpose"), "statements.purpose", Purpose),
        free_text=_text(obj.get("free_text"), "statements.free_text"),
        fear_of_return_declined=declined,
        fear_of_return_confirmed=confirmed,
    )


def _indicators(value: Any) -> Indicators:
    if value is None:
        return Indicators()
    obj = _object(value, "indicators", _INDICATORS)
    flags: dict[str, bool | None] = {
        name: _bool(obj.get(name), f"indicators.{name}") for name in INDICATOR_FLAGS
    }
    return Indicators(
        forced_labour=_codes(
            obj.get("forced_labour"), "indicators.forced_labour", ForcedLabourIndicator
        ),
        exploitation=_codes(obj.get("exploitation"), "indicators.exploitation", ExploitationKind),
        **flags,
    )


def parse_record(
    data: Any, has_pack: Callable[[str, dt.date], bool] | None = None
) -> ScreeningRecord:
    """Validate ``data`` (decoded JSON) into a :class:`ScreeningRecord`.

    ``has_pack(country, date)`` says whether a pack is in force; when given, a record
    without one is invalid (field ``country``). Raises :class:`InvalidRecord`.
    """
    obj = _object(data, "record", _TOP)
    schema = obj.get("schema")
    if schema is not None and schema != SCHEMA:
        raise InvalidRecord("schema", f"{_show(schema)} is not {SCHEMA}")
    if obj.get("country") is None:
        raise InvalidRecord("country", "is required")
    country = _country(obj["country"], "country")
    assert country is not None
    if obj.get("date") is None:
        raise InvalidRecord("date", "is required")
    on = _strict_date(obj["date"], "date")
    location = _location(obj.get("location"))
    person, ignored = _person(obj.get("person"), on)
    travel = _travel(obj.get("travel"))
    statements = _statements(obj.get("statements"))
    indicators = _indicators(obj.get("indicators"))
    if has_pack is not None and not has_pack(country, on):
        raise InvalidRecord("country", f"no pack for {country} is in force on {on.isoformat()}")
    return ScreeningRecord(
        country=country,
        date=on,
        location=location,
        person=person,
        travel=travel,
        statements=statements,
        indicators=indicators,
        ignored_age_assessment=ignored,
    )


__all__ = [
    "SCHEMA",
    "AgeAssessment",
    "BirthDate",
    "Document",
    "Indicators",
    "InvalidRecord",
    "Location",
    "Person",
    "ScreeningRecord",
    "Statements",
    "Travel",
    "parse_record",
]
