"""The information sheet and referral slip handed to the person (issue 3, "Information for
the person").

The words live in data files, one per language (`content/<iso 639-3>.yaml`), so that a
translator or reviewer edits text, never code. This module loads and checks those files,
decides which rights paragraphs apply to one person, and builds the template context for
one printable page: the rights, "what happens next" for each referral actually sent, and a
slip the person keeps as proof of registration.

Why the rights are chosen and not all printed: a sheet that tells an adult labour migrant
about guardians, or tells someone without a protection need that they cannot be punished
for irregular entry, misinforms. Each conditional paragraph is tied to the safeguard or
need of the screening result that gives the right (screening.md sections 3 and 4).
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jdatetime
import yaml

from crossroads.access.policy import is_state_body
from crossroads.accounts.models import STATE_TIME_ZONES
from crossroads.engines.screening import Pathway, Priority

# Which rights apply: a module of its own, plain Python, that the offline app also runs.
from .choice import ALWAYS as ALWAYS
from .choice import CHILD_ALONE_NEEDS as CHILD_ALONE_NEEDS
from .choice import RIGHTS as RIGHTS
from .choice import TRAFFICKING_NEEDS as TRAFFICKING_NEEDS
from .choice import reflection_days as reflection_days
from .choice import rights_for as rights_for

CONTENT_DIR = Path(__file__).resolve().parent / "content"

#: Keys every language file must hold under `labels`.
LABELS: tuple[str, ...] = (
    "intro",
    "name",
    "person_reference",
    "screening_reference",
    "date",
    "issued_by",
    "your_rights",
    "what_happens_next",
    "no_referrals",
    "if_no_contact",
    "where_to_go",
    "referral_reference",
    "slip_title",
    "cut_here",
    "keep_paper",
    "address",
    "phone",
    "hours",
    "contact_unknown",
    "officer",
    "print",
    "language",
)

PATHWAYS: tuple[str, ...] = tuple(p.value for p in Pathway)
PRIORITIES: tuple[str, ...] = tuple(p.value for p in Priority)

#: Placeholders a text may use, by where it stands. Every text that is a template must
#: use exactly the placeholders English uses (checked by `content_problems`).
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "priorities": frozenset({"hours", "deadline"}),
    "rights.trafficking": frozenset({"days"}),
}

#: Codes a person's language may be recorded under that are read in one of our files.
#: Hazaragi and Iranian Persian speakers read Dari; Pashto's varieties share one script.
LANGUAGE_ALIASES: dict[str, str] = {
    "en": "eng",
    "ru": "rus",
    "uzb": "uzn",
    "uz": "uzn",
    "fas": "prs",
    "pes": "prs",
    "haz": "prs",
    "pbt": "pus",
    "pst": "pus",
    "pbu": "pus",
    "tg": "tgk",
    "ky": "kir",
    "kk": "kaz",
    "ps": "pus",
    "fa": "prs",
}

#: Local time of each Almaty Process state, for deadlines printed to the person.
COUNTRY_TIMEZONES: dict[str, str] = STATE_TIME_ZONES

PRIORITY_RANK = {p.value: p.rank for p in Priority}


class ContentError(ValueError):
    """A language file is missing, malformed or incomplete."""


def _content_path(lang: str) -> Path:
    return CONTENT_DIR / f"{lang}.yaml"


def available_languages() -> list[str]:
    """ISO 639-3 codes of every language with a content file, English and Russian first."""
    codes = sorted(p.stem for p in CONTENT_DIR.glob("*.yaml"))
    first = [c for c in ("eng", "rus") if c in codes]
    return first + [c for c in codes if c not in first]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _texts(content: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    """(where, text) for every template text, for the placeholder check."""
    for key, value in (content.get("priorities") or {}).items():
        yield f"priorities.{key}", str(value)
    for key, value in (content.get("rights") or {}).items():
        if isinstance(value, Mapping):
            yield f"rights.{key}", str(value.get("text", ""))
    for key, value in (content.get("next") or {}).items():
        if isinstance(value, Mapping):
            yield f"next.{key}", str(value.get("text", ""))


def content_problems(content: Any, lang: str) -> list[str]:
    """Everything missing or wrong in one language file, as readable lines (empty if the
    file is complete). Used when loading and by the tests."""
    problems: list[str] = []
    if not isinstance(content, Mapping):
        return [f"{lang}: the file is not a mapping"]

    review = content.get("review")
    if not isinstance(review, Mapping):
        problems.append(f"{lang}: review: missing")
    else:
        for key in ("status", "native_speaker_reviewed", "note", "sources"):
            if key not in review:
                problems.append(f"{lang}: review.{key}: missing")
        if not review.get("sources"):
            problems.append(f"{lang}: review.sources: empty")
        status = review.get("status")
        if lang != "eng":
            if status not in ("machine_drafted", "reviewed"):
                problems.append(f"{lang}: review.status must be machine_drafted or reviewed")
            if status == "reviewed" and not (
                review.get("reviewed_by") and review.get("reviewed_on")
            ):
                problems.append(
                    f"{lang}: review: a reviewed file names reviewed_by and reviewed_on"
                )
            if status != "reviewed" and review.get("native_speaker_reviewed") is not False:
                problems.append(
                    f"{lang}: review.native_speaker_reviewed must be false until reviewed"
                )

    language = content.get("language")
    if not isinstance(language, Mapping):
        problems.append(f"{lang}: language: missing")
    else:
        if language.get("code") != lang:
            problems.append(f"{lang}: language.code must be {lang}")
        for key in ("html_lang", "name", "name_en"):
            if not language.get(key):
                problems.append(f"{lang}: language.{key}: missing")
        if language.get("dir") not in ("ltr", "rtl"):
            problems.append(f"{lang}: language.dir must be ltr or rtl")

    if not str(content.get("title") or "").strip():
        problems.append(f"{lang}: title: missing")
    labels = content.get("labels") or {}
    for key in LABELS:
        if not str(labels.get(key) or "").strip():
            problems.append(f"{lang}: labels.{key}: missing")
    rights = content.get("rights") or {}
    for key in RIGHTS:
        item = rights.get(key)
        if not isinstance(item, Mapping) or not item.get("heading") or not item.get("text"):
            problems.append(f"{lang}: rights.{key}: needs a heading and a text")
    steps = content.get("next") or {}
    for key in PATHWAYS:
        item = steps.get(key)
        if not isinstance(item, Mapping) or not item.get("title") or not item.get("text"):
            problems.append(f"{lang}: next.{key}: needs a title and a text")
    priorities = content.get("priorities") or {}
    for key in PRIORITIES:
        if not str(priorities.get(key) or "").strip():
            problems.append(f"{lang}: priorities.{key}: missing")

    for where, text in _texts(content):
        allowed = PLACEHOLDERS.get(where.rsplit(".", 1)[0], frozenset()) | PLACEHOLDERS.get(
            where, frozenset()
        )
        try:
            used = _fields(text)
        except ValueError as exc:
            problems.append(f"{lang}: {where}: {exc}")
            continue
        if used - allowed:
            problems.append(f"{lang}: {where}: unknown placeholder {sorted(used - allowed)}")
        if where.startswith("priorities.") and "deadline" not in used:
            problems.append(f"{lang}: {where}: must say {{deadline}}")
        if where == "rights.trafficking" and "days" not in used:
            problems.append(f"{lang}: {where}: must say {{days}}")
    return problems


@functools.cache
def load_content(lang: str) -> dict[str, Any]:
    """The content of one language, checked complete. Raises ContentError otherwise, so
    that a half-translated sheet is never handed to a person. Read once per process: an
    edited file is served after the server restarts."""
    path = _content_path(lang)
    if not lang.isalpha() or not path.is_file():
        raise ContentError(f"{lang}: no information sheet in this language")
    with path.open(encoding="utf-8") as handle:
        content = yaml.safe_load(handle)
    problems = content_problems(content, lang)
    if problems:
        raise ContentError("; ".join(problems))
    return dict(content)


def normalise_language(code: str | None) -> str | None:
    """A language code as one of our files names it, or None."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-")
    code = LANGUAGE_ALIASES.get(code, LANGUAGE_ALIASES.get(code.split("-")[0], code))
    return code if code in available_languages() else None


def choose_language(
    requested: str | None, person_languages: Sequence[str], officer_language: str | None
) -> str:
    """The language asked for; else the first of the person's languages with content;
    else the officer's own; else English."""
    for candidate in (requested, *person_languages, officer_language):
        code = normalise_language(candidate)
        if code:
            return code
    return "eng"


def format_date(value: dt.date, content: Mapping[str, Any]) -> str:
    """`25.11.2026`, the day-first numeric date read across the region; with the Solar
    Hijri date beside it where the file asks for it (Afghan documents use it)."""
    text = value.strftime("%d.%m.%Y")
    if (content.get("language") or {}).get("solar_hijri"):
        hijri = jdatetime.date.fromgregorian(date=value)
        text += f" ({hijri.year}/{hijri.month:02d}/{hijri.day:02d})"
    return text


def format_moment(value: dt.datetime, content: Mapping[str, Any], tz: ZoneInfo) -> str:
    """A deadline in the local time of the state. Inside a right-to-left sentence it is
    isolated as left-to-right (U+2066 ... U+2069), or the bidi algorithm would reorder
    its digits and dots."""
    local = value.astimezone(tz)
    text = f"{format_date(local.date(), content)} {local:%H:%M} ({utc_offset(local)})"
    if (content.get("language") or {}).get("dir") == "rtl":
        return f"\u2066{text}\u2069"
    return text


def utc_offset(local: dt.datetime) -> str:
    """The zone as every language writes it: "UTC+6", "UTC+4:30"."""
    offset = local.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _zone(country: str | None) -> ZoneInfo:
    """The state's clock, the same as the staff pages' (accounts.models.Country.zone)."""
    return ZoneInfo(COUNTRY_TIMEZONES.get(country or "", "UTC"))


def agency_contact(agency: Any, lang: str) -> dict[str, str]:
    """An agency's name and contact details for a sheet in `lang` (ISO 639-3): in that
    language where the agency gave them, else in its state's working languages, else in
    English; the phone as it is dialled."""
    own = agency.in_language(lang)
    names = (agency.translations or {}) if isinstance(agency.translations, dict) else {}
    # The agency's own fields are in English; another language without its own names
    # falls back to the state's working language (as written on the door), English beside.
    if lang != "eng" and lang not in names:
        working = [
            code
            for code in getattr(getattr(agency, "country", None), "working_languages", [])
            if code in names
        ]
        if working:
            local = agency.in_language(working[0])
            if local["name"] != agency.name:
                own = {**local, "name": f"{local['name']} ({agency.name})"}
    return {**own, "phone": agency.phone or ""}


def sheet_context(screening_or_person: Any, referrals: Iterable[Any], lang: str) -> dict[str, Any]:
    """Everything the template prints, in `lang`.

    `screening_or_person` is a `Screening` (its result decides which rights apply) or a
    `Person` (then only the rights that apply to everyone). `referrals` are the referrals
    actually sent; nothing else is printed as a next step or on the slip."""
    content = load_content(lang)
    if hasattr(screening_or_person, "result"):
        screening = screening_or_person
        person = screening.person
        result: Mapping[str, Any] | None = screening.result
        issued_at = screening.screened_at
        issued_by = (
            agency_contact(screening.agency, lang)["name"] if screening.agency is not None else ""
        )
    else:
        screening, person, result = None, screening_or_person, None
        issued_at = None
        issued_by = ""
    tz = _zone(getattr(person, "country_id", None))
    issued_on = (issued_at or dt.datetime.now(dt.UTC)).astimezone(tz).date()

    referrals = sorted(
        referrals, key=lambda r: (PRIORITY_RANK.get(r.priority, 99), r.sent_at, r.reference)
    )
    to_state = any(is_state_body(r.to_agency) for r in referrals)
    days = reflection_days(result)
    rights = []
    for key in rights_for(result, to_state):
        item = content["rights"][key]
        rights.append(
            {"key": key, "heading": item["heading"], "text": item["text"].format(days=days)}
        )

    steps = []
    for referral in referrals:
        step = content["next"][referral.pathway]
        contact = agency_contact(referral.to_agency, lang)
        hours = max(1, round((referral.deadline_at - referral.sent_at).total_seconds() / 3600))
        steps.append(
            {
                "reference": referral.reference,
                "pathway": referral.pathway,
                "title": step["title"],
                "text": step["text"],
                "agency": contact["name"],
                "contact": contact,
                "priority": referral.priority,
                "when": content["priorities"][referral.priority].format(
                    hours=hours, deadline=format_moment(referral.deadline_at, content, tz)
                ),
            }
        )

    language = content["language"]
    return {
        "density": density(len(rights), len(steps)),
        "lang": lang,
        "html_lang": language["html_lang"],
        "dir": language["dir"],
        "language": language,
        "review": content["review"],
        "title": content["title"],
        "labels": content["labels"],
        "person_reference": person.reference,
        "person_name": person.full_name if hasattr(person, "full_name") else "",
        "screening": screening,
        "screening_reference": screening.reference if screening is not None else "",
        "issued_by": issued_by,
        "date": format_date(issued_on, content),
        "rights": rights,
        "steps": steps,
        "languages": [
            {
                "code": code,
                "name": load_content(code)["language"]["name"],
                "html_lang": load_content(code)["language"]["html_lang"],
            }
            for code in available_languages()
        ],
    }


def density(rights: int, steps: int) -> int:
    """0 to 3: how much smaller the type must be for the sheet and the slip to fit one
    A4 page (measured in headless Chromium with the longest language, Tajik)."""
    load = rights + 3 * steps
    if load <= 14:
        return 0
    if load <= 24:
        return 1
    if load <= 30:
        return 2
    return 3


def sent_referrals(screening: Any) -> list[Any]:
    """The referrals sent for this screening that still stand: a declined referral is not
    a door the person can go to, so it is left off the sheet and the slip."""
    from crossroads.referrals.models import Referral

    return list(
        Referral.objects.filter(screening=screening)
        .exclude(status=Referral.Status.DECLINED)
        .select_related("to_agency", "to_agency__country")
    )
