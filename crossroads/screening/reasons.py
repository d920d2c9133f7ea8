"""The engine's reasons as sentences in the reader's language.

The screening engine explains every need, referral and safeguard with short facts in a
fixed form (``is_child: age 16 from person.birth_date 2010-09-06``, ``need
unaccompanied_child``): the contract of its CLI and API, which never changes. Pages turn
each fact into a structured :class:`Reason` (a code and its values) and then into a
sentence through gettext ("Aged 16 (born 6 September 2010): treated as a child."). A
fact of an unknown form is never shown as it stands: it reads "A rule of the screening
applies." and the unit tests fail, so that a new fact of the engine gets its sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crossroads.engines.screening.vocab import Need, Safeguard

from .vocab import NEED_LABELS, SAFEGUARD_LABELS


@dataclass(frozen=True)
class Reason:
    """One fact of a ``because``: what kind of fact (code), and its values."""

    code: str
    values: dict[str, Any] = field(default_factory=dict)


# --- reading the engine's facts ---------------------------------------------------------

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (code, re.compile(pattern))
    for code, pattern in [
        ("child_by_assessment", r"person\.age_assessment\.result is child \((?P<date>[\d-]+)\)"),
        ("child_by_age", r"age (?P<age>\d+) from person\.birth_date (?P<born>[\d-]*)"),
        ("child_by_claim", r"person\.age_claimed is (?P<age>\d+)"),
        ("child_by_appearance", r"person\.appears_child is true"),
        ("no_birth_date", r"no person\.birth_date"),
        ("partial_birth_date", r"person\.birth_date (?P<born>[\d-]+) is not a full date"),
        ("estimated_birth_date", r"person\.birth_date_estimated is true"),
        (
            "claim_disagrees",
            r"person\.age_claimed (?P<age>\d+) disagrees with person\.birth_date",
        ),
        (
            "appearance_disagrees",
            r"person\.appears_child is true but person\.birth_date says adult",
        ),
        (
            "assessment_disagrees",
            r"person\.age_assessment\.result (?P<result>\w+) disagrees with person\.birth_date",
        ),
        (
            "assessment_ignored",
            r"person\.age_assessment dated (?P<date>[\d-]+) is after the screening date and "
            r"was ignored",
        ),
        ("accompanied_by", r"travel\.accompanied_by is (?P<who>\w+)"),
        ("torture_convention", r"need torture_survivor \(Convention against Torture art\. 3\)"),
        ("need", r"need (?P<need>\w+)"),
        ("fear_of_return", r"statements\.fear_of_return is true"),
        ("fear_confirmed_no", r"statements\.fear_of_return_confirmed is true"),
        ("fear_text_prevails", r"statements\.fear_of_return is false, but the free text prevails"),
        ("wants_asylum", r"statements\.wants_asylum is true"),
        ("fear_reasons", r"statements\.fear_reasons has (?P<reasons>[\w, ]+)"),
        ("came_for_protection", r"statements\.purpose is protection"),
        ("came_for_work", r"statements\.purpose is work"),
        (
            "fear_words",
            r"statements\.free_text matched '(?P<phrase>.*)' \((?P<language>[\w-]+): a return "
            r"word with a fear or harm word\)",
        ),
        (
            "fear_heard",
            r"statements\.free_text matched '(?P<phrase>.*)' \((?P<language>[\w-]+): "
            r"(?P<category>\w+)(?P<ambiguous>, ambiguous: ask the person)?\)",
        ),
        (
            "fear_phrase",
            r"statements\.free_text matched '(?P<phrase>.*)' \((?P<language>[\w-]+)\)",
        ),
        (
            "documents_taken",
            r"indicators\.forced_labour has retention_of_identity_documents "
            r"\(person\.documents\[\d+\]\.held_by is (?P<holder>\w+)\)",
        ),
        ("forced_labour", r"indicators\.forced_labour has (?P<indicator>\w+)"),
        ("no_documents", r"person\.documents is empty"),
        ("no_document_in_hand", r"no document in person\.documents is held_by self"),
        ("exploitation", r"indicators\.exploitation has (?P<kind>\w+)"),
        ("indicator", r"indicators\.(?P<flag>\w+) is true"),
        ("moved_by_another", r"travel\.moved_or_recruited_by_another is true"),
        (
            "smuggling_protocol",
            r"travel\.facilitated_by is smuggler \(Smuggling Protocol art\. 5\)",
        ),
        ("facilitated_by", r"travel\.facilitated_by is (?P<who>\w+)"),
        ("reflection_period", r"reflection_period_days is (?P<days>\d+) \(.*\)"),
        ("no_nationality", r"person\.nationalities is empty"),
        ("stateless", r"person\.nationalities has stateless"),
        ("nationality_unknown", r"person\.nationalities has unknown"),
        ("birth_not_registered", r"person\.birth_registered is false"),
        ("separated_from_family", r"travel\.separated_from_family is true"),
        ("stay", r"person\.stay is (?P<stay>\w+)"),
        (
            "irregular_entry",
            r"travel\.entry is irregular and person\.stay is not regular",
        ),
        ("wants_to_return", r"statements\.wants_to_return is true"),
        (
            "years_in_country",
            r"person\.years_in_country is (?P<years>[\d.]+) \(the pack's minimum is "
            r"(?P<minimum>[\d.]+)\)",
        ),
        ("pack_rule", r"pack rule (?P<rule>[\w.-]+): .*"),
        ("child", r"is_child"),
    ]
]


def parse(fact: str) -> list[Reason]:
    """The reasons one engine fact holds (``is_child: a; b`` holds two)."""
    fact = fact.strip()
    for prefix, code in (("is_child: ", "child_sign"), ("age not certain: ", "uncertain")):
        if fact.startswith(prefix):
            parts = [p for p in fact[len(prefix) :].split("; ") if p]
            reasons = [r for p in parts for r in parse(p)]
            if code == "uncertain":
                return [Reason("age_not_certain"), *reasons]
            return reasons
    for code, pattern in _PATTERNS:
        match = pattern.fullmatch(fact)
        if match:
            return [Reason(code, match.groupdict())]
    return [Reason("unknown", {"fact": fact})]


# --- words for the engine's values -----------------------------------------------------


def _labels(choices: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    return dict(choices)


def _choice_label(name: str, value: str) -> str:
    from . import forms

    label = _labels(getattr(forms, name)).get(value)
    return str(label) if label is not None else value.replace("_", " ")


def format_date_text(text: str) -> str:
    """A date of the record (``2010``, ``2010-09`` or ``2010-09-06``) in the reader's
    language: "6 September 2010", "September 2010", "2010"."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return formats.date_format(dt.date.fromisoformat(text), "DATE_FORMAT")
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = text.split("-")
            return formats.date_format(dt.date(int(year), int(month), 1), "YEAR_MONTH_FORMAT")
    except ValueError:
        pass
    return text


_INDICATOR_SENTENCES = {
    "child_marriage": gettext_lazy("Was married as a child."),
    "gbv_survivor": gettext_lazy("Has survived gender-based violence."),
    "medical_urgent": gettext_lazy("Needs urgent medical care."),
    "serious_medical_condition": gettext_lazy("Has a serious medical condition."),
    "pregnant": gettext_lazy("Is pregnant."),
    "disability": gettext_lazy("Has a disability."),
    "torture_survivor": gettext_lazy("Has survived torture."),
    "mental_health_distress": gettext_lazy("Shows signs of mental distress."),
    "older_person_at_risk": gettext_lazy("Is an older person at risk."),
    "single_parent": gettext_lazy("Is a single parent at risk."),
}

_FORCED_LABOUR_SENTENCES = {
    "deception": gettext_lazy("Was lied to about the job, the pay or the conditions."),
    "retention_of_identity_documents": gettext_lazy(
        "Someone else keeps their passport or identity card."
    ),
    "withholding_of_wages": gettext_lazy("Wages are not paid or are held back."),
    "debt_bondage": gettext_lazy("Owes a debt they must work off."),
    "restriction_of_movement": gettext_lazy(
        "Could not leave the workplace or the place they lived."
    ),
    "isolation": gettext_lazy("Was kept away from other people."),
    "intimidation_threats": gettext_lazy("Was threatened."),
    "physical_sexual_violence": gettext_lazy("Was hit, hurt or sexually abused."),
    "excessive_overtime": gettext_lazy("Had to work far longer hours than agreed."),
    "abusive_working_living_conditions": gettext_lazy(
        "The work or living conditions were degrading or dangerous."
    ),
    "abuse_of_vulnerability": gettext_lazy("Someone took advantage of a hard situation."),
}

_ACCOMPANIED_SENTENCES = {
    "absent": gettext_lazy("No one is recorded as travelling with them."),
    "parent": gettext_lazy("Travels with a parent."),
    "legal_guardian": gettext_lazy("Travels with a legal guardian."),
    "relative": gettext_lazy("Travels with another relative, not a parent."),
    "unrelated_adult": gettext_lazy("Travels with an adult who is not a relative."),
    "none": gettext_lazy("Travels alone."),
    "unknown": gettext_lazy("It is not known who travels with them."),
}

_STAY_SENTENCES = {
    "regular": gettext_lazy("Has permission to stay."),
    "irregular": gettext_lazy("Has no permission to stay."),
    "expired": gettext_lazy("Their permission to stay has expired."),
    "unknown": gettext_lazy("It is not known whether they may stay."),
}


_LANGUAGE_NAMES = {
    "en": gettext_lazy("English"),
    "ru": gettext_lazy("Russian"),
    "fa": gettext_lazy("Persian (Dari, Farsi)"),
    "ps": gettext_lazy("Pashto"),
    "tg": gettext_lazy("Tajik"),
    "uz-Latn": gettext_lazy("Uzbek"),
    "uz-Cyrl": gettext_lazy("Uzbek"),
    "uz": gettext_lazy("Uzbek"),
    "ru-Latn": gettext_lazy("Russian"),
    "ur-Latn": gettext_lazy("Urdu"),
    "ky": gettext_lazy("Kyrgyz"),
    "kk": gettext_lazy("Kazakh"),
    "tr": gettext_lazy("Turkish"),
    "az": gettext_lazy("Azerbaijani"),
    "ur": gettext_lazy("Urdu"),
}


def _fear_heard_sentence(v: dict[str, Any]) -> str:
    """What the engine heard in the person's words (engines/screening/fear.py)."""
    from .fear_question import FEAR_CATEGORY_LABELS

    values = {
        "phrase": v["phrase"],
        "language": _language_name(v["language"]),
        "category": str(FEAR_CATEGORY_LABELS.get(v["category"], v["category"])),
    }
    if v.get("ambiguous"):
        return (
            _(
                "Their own words “%(phrase)s” (%(language)s) may say: %(category)s. Ask the "
                "person whether they fear return."
            )
            % values
        )
    return _("Their own words “%(phrase)s” (%(language)s): %(category)s.") % values


def _language_name(code: str) -> str:
    """The language of a phrase list of the engine, named in the reader's language."""
    return str(_LANGUAGE_NAMES.get(code, _("another language")))


def _pack_rule_sentence(rule_id: str) -> str:
    from crossroads.engines.screening.packs import default_registry

    from .pack_texts import translated

    for pack in default_registry().packs():
        for rule in pack.added_rules:
            if rule.id == rule_id:
                return translated(rule.description)
    return _("A rule of this state applies.")


_SENTENCES: dict[str, Callable[[dict[str, Any]], str]] = {
    "child": lambda v: _("Treated as a child."),
    "child_by_assessment": lambda v: (
        _("An age assessment on %(date)s found a child.") % {"date": format_date_text(v["date"])}
    ),
    "child_by_age": lambda v: (
        _("Aged %(age)s (born %(born)s): treated as a child.")
        % {"age": v["age"], "born": format_date_text(v["born"])}
    ),
    "child_by_claim": lambda v: _("Says they are %(age)s: treated as a child.") % {"age": v["age"]},
    "child_by_appearance": lambda v: _("Appears to be a child."),
    "age_not_certain": lambda v: _("The age is not certain:"),
    "no_birth_date": lambda v: _("no birth date is known."),
    "partial_birth_date": lambda v: (
        _("only part of the birth date is known (%(born)s).")
        % {"born": format_date_text(v["born"])}
    ),
    "estimated_birth_date": lambda v: _("the birth date is an estimate."),
    "claim_disagrees": lambda v: (
        _("they say they are %(age)s, which the birth date contradicts.") % {"age": v["age"]}
    ),
    "appearance_disagrees": lambda v: _(
        "they appear to be a child, while the birth date says adult."
    ),
    "assessment_disagrees": lambda v: _("an age assessment contradicts the birth date."),
    "assessment_ignored": lambda v: (
        _("An age assessment dated %(date)s is later than the screening and was not used.")
        % {"date": format_date_text(v["date"])}
    ),
    "accompanied_by": lambda v: str(
        _ACCOMPANIED_SENTENCES.get(v["who"], _ACCOMPANIED_SENTENCES["unknown"])
    ),
    "need": lambda v: (
        _("Because of the need: %(need)s.")
        % {"need": NEED_LABELS.get(v["need"], _("another need"))}
    ),
    "torture_convention": lambda v: _(
        "Has survived torture: the Convention against Torture (art. 3) forbids sending "
        "anyone where they risk torture."
    ),
    "fear_of_return": lambda v: _("Says they fear returning."),
    "fear_confirmed_no": lambda v: _("The officer was shown these words and kept the answer “no”."),
    "fear_text_prevails": lambda v: _(
        "The answer to the fear question was “no”, but their own words prevail."
    ),
    "wants_asylum": lambda v: _("Asks for asylum."),
    "fear_reasons": lambda v: (
        _("Fears return because of: %(reasons)s.")
        % {
            "reasons": ", ".join(
                _choice_label("FEAR_REASON_CHOICES", r.strip()) for r in v["reasons"].split(",")
            )
        }
    ),
    "came_for_protection": lambda v: _("Came for safety and protection."),
    "came_for_work": lambda v: _("Came to work."),
    "fear_words": lambda v: (
        _(
            "Their own words “%(phrase)s” (%(language)s) join a return word with a fear or "
            "harm word."
        )
        % {"phrase": v["phrase"], "language": _language_name(v["language"])}
    ),
    "fear_heard": lambda v: _fear_heard_sentence(v),
    "fear_phrase": lambda v: (
        _("Their own words “%(phrase)s” (%(language)s) express fear.")
        % {"phrase": v["phrase"], "language": _language_name(v["language"])}
    ),
    "documents_taken": lambda v: (
        _("Their identity document is held by: %(holder)s.")
        % {"holder": _choice_label("HELD_BY_CHOICES", v["holder"])}
    ),
    "forced_labour": lambda v: str(
        _FORCED_LABOUR_SENTENCES.get(v["indicator"], _("A sign of forced labour was found."))
    ),
    "no_documents": lambda v: _("Has no identity document."),
    "no_document_in_hand": lambda v: _("None of their identity documents is in their own hands."),
    "exploitation": lambda v: (
        _("Was made to do: %(kind)s.") % {"kind": _choice_label("EXPLOITATION_CHOICES", v["kind"])}
    ),
    "indicator": lambda v: str(
        _INDICATOR_SENTENCES.get(v["flag"], _("A sign of vulnerability was found."))
    ),
    "moved_by_another": lambda v: _("Was moved or recruited by someone else."),
    "smuggling_protocol": lambda v: _(
        "Came with a smuggler: the Smuggling of Migrants Protocol (art. 5) forbids "
        "punishing them for it."
    ),
    "facilitated_by": lambda v: (
        _("The journey was arranged by: %(who)s.")
        % {"who": _choice_label("FACILITATED_CHOICES", v["who"])}
    ),
    "reflection_period": lambda v: (
        _("The reflection period here is %(days)s days.") % {"days": v["days"]}
    ),
    "no_nationality": lambda v: _("Has no nationality."),
    "stateless": lambda v: _("Says they are stateless."),
    "nationality_unknown": lambda v: _("Their nationality is not known."),
    "birth_not_registered": lambda v: _("Their birth was never registered."),
    "separated_from_family": lambda v: _("Was separated from their family."),
    "stay": lambda v: str(_STAY_SENTENCES.get(v["stay"], _STAY_SENTENCES["unknown"])),
    "irregular_entry": lambda v: _(
        "Entered outside a border post or without papers, and has no permission to stay."
    ),
    "wants_to_return": lambda v: _("Wants to go home."),
    "years_in_country": lambda v: (
        _("Has lived here %(years)s years; the law asks for at least %(minimum)s.")
        % {"years": v["years"], "minimum": v["minimum"]}
    ),
    "pack_rule": lambda v: _pack_rule_sentence(v["rule"]),
    "unknown": lambda v: _("A rule of the screening applies."),
}

REASON_CODES = frozenset(_SENTENCES)


def sentence(reason: Reason) -> str:
    return _SENTENCES.get(reason.code, _SENTENCES["unknown"])(reason.values)


def sentences(because: Iterable[str]) -> list[str]:
    """Every fact of a ``because`` as sentences; a fact of "the age is not certain" reads
    as one sentence with its details."""
    out: list[str] = []
    for fact in because:
        reasons = parse(fact)
        if reasons and reasons[0].code == "age_not_certain":
            details = " ".join(sentence(r) for r in reasons[1:])
            out.append(f"{sentence(reasons[0])} {details}".strip())
            continue
        for reason in reasons:
            text = sentence(reason)
            if text not in out:
                out.append(text)
    return out


# --- warnings -------------------------------------------------------------------------

_CONFLICT = (
    "conflicting statements: fear_of_return and wants_to_return; the protection request prevails"
)
_RETURN_WHILE = re.compile(
    r"statements\.wants_to_return is true while (?P<items>[\w, ]+) stands: voluntariness and "
    r"safety must be assessed first"
)


def _item_label(code: str) -> str:
    if code in {n.value for n in Need}:
        return str(NEED_LABELS[Need(code)])
    if code in {s.value for s in Safeguard}:
        return str(SAFEGUARD_LABELS[Safeguard(code)])
    return code.replace("_", " ")


def warning_sentence(text: str) -> str:
    """An engine warning as a sentence in the reader's language."""
    from .pack_texts import is_pack_text, translated

    if text == _CONFLICT:
        return _(
            "They fear returning and also say they want to go home: the protection request "
            "prevails."
        )
    match = _RETURN_WHILE.fullmatch(text)
    if match:
        items = [_item_label(c.strip()) for c in match["items"].split(",")]
        return _(
            "They want to go home while this stands: %(items)s. First make sure the return "
            "is voluntary and safe."
        ) % {"items": "; ".join(items)}
    if is_pack_text(text):
        return translated(text)
    return _("The screening gave a warning; ask a supervisor.")
