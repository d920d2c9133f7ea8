"""The screening interview form: plain questions an officer asks in minutes, turned into
the screening record of screening.md section 1. Validation only: the engine (through
`actions.evaluate`) is the one source of rules; this form only builds the record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crossroads.core.name_fields import CountriesField, LanguagesField
from crossroads.core.widgets import DayInput
from crossroads.engines.screening.record import INDICATOR_FLAGS
from crossroads.engines.screening.vocab import (
    AccompaniedBy,
    Entry,
    ExploitationKind,
    FacilitatedBy,
    FearReason,
    ForcedLabourIndicator,
    HeldBy,
    LocationKind,
    Purpose,
    Stay,
)
from crossroads.registry.vocab import DOCUMENT_TYPE_CHOICES, SEX_CODES, Sex

from .fear_question import YES, FearOfReturnQuestion

NOT_ASKED = [("", _("— not asked —"))]

LOCATION_CHOICES = [
    (LocationKind.BORDER.value, _("border crossing")),
    (LocationKind.AIRPORT.value, _("airport")),
    (LocationKind.INLAND.value, _("inland (city, workplace)")),
    (LocationKind.DETENTION.value, _("detention")),
    (LocationKind.RECEPTION.value, _("reception centre")),
]
SEX_CHOICES = [(SEX_CODES[sex], sex.label) for sex in Sex]
STAY_CHOICES = [
    (Stay.REGULAR.value, _("has permission to stay")),
    (Stay.IRREGULAR.value, _("no permission to stay")),
    (Stay.EXPIRED.value, _("permission expired")),
    (Stay.UNKNOWN.value, _("not known")),
]
ENTRY_CHOICES = [
    (Entry.REGULAR.value, _("through a border post, with papers")),
    (Entry.IRREGULAR.value, _("outside a border post or without papers")),
    (Entry.UNKNOWN.value, _("not known")),
]
FACILITATED_CHOICES = [
    (FacilitatedBy.NONE.value, _("came on their own")),
    (FacilitatedBy.SMUGGLER.value, _("a smuggler")),
    (FacilitatedBy.RECRUITER.value, _("a recruiter or agency")),
    (FacilitatedBy.EMPLOYER.value, _("an employer")),
    (FacilitatedBy.RELATIVE.value, _("a relative")),
    (FacilitatedBy.OTHER.value, _("someone else")),
]
ACCOMPANIED_CHOICES = [
    (AccompaniedBy.PARENT.value, _("a parent")),
    (AccompaniedBy.LEGAL_GUARDIAN.value, _("a legal guardian")),
    (AccompaniedBy.RELATIVE.value, _("another relative")),
    (AccompaniedBy.UNRELATED_ADULT.value, _("an unrelated adult")),
    (AccompaniedBy.NONE.value, _("alone")),
    (AccompaniedBy.UNKNOWN.value, _("not known")),
]
PURPOSE_CHOICES = [
    (Purpose.WORK.value, _("work")),
    (Purpose.FAMILY.value, _("family")),
    (Purpose.STUDY.value, _("study")),
    (Purpose.TRANSIT.value, _("passing through")),
    (Purpose.PROTECTION.value, _("safety, protection")),
    (Purpose.OTHER.value, _("other")),
]
FEAR_REASON_CHOICES = [
    (FearReason.RACE.value, _("race or ethnicity")),
    (FearReason.RELIGION.value, _("religion")),
    (FearReason.NATIONALITY.value, _("nationality")),
    (FearReason.POLITICAL_OPINION.value, _("political opinion or activity")),
    (FearReason.SOCIAL_GROUP.value, _("belonging to a group (family, sexuality, profession)")),
    (FearReason.ARMED_CONFLICT.value, _("war, armed conflict")),
    (FearReason.GENERALISED_VIOLENCE.value, _("general violence")),
    (FearReason.GENDER.value, _("being a woman or girl; gender")),
    (FearReason.OTHER.value, _("another reason")),
]
HELD_BY_CHOICES = [
    (HeldBy.SELF.value, _("the person")),
    (HeldBy.EMPLOYER.value, _("the employer")),
    (HeldBy.RECRUITER.value, _("a recruiter")),
    (HeldBy.SMUGGLER.value, _("a smuggler")),
    (HeldBy.RELATIVE.value, _("a relative")),
    (HeldBy.AUTHORITIES.value, _("the authorities")),
    (HeldBy.LOST.value, _("lost")),
]
DOCUMENTS_STATE_CHOICES = [
    ("", _("— not asked —")),
    ("listed", _("has documents (listed below)")),
    ("none", _("has no identity document at all")),
]
# The ILO indicators of forced labour (2012), each as a plain question to the officer.
FORCED_LABOUR_CHOICES = [
    (
        ForcedLabourIndicator.DECEPTION.value,
        _("Were they lied to about the job, the pay or the conditions?"),
    ),
    (
        ForcedLabourIndicator.RETENTION_OF_IDENTITY_DOCUMENTS.value,
        _("Does the employer or someone else keep their passport or ID?"),
    ),
    (ForcedLabourIndicator.WITHHOLDING_OF_WAGES.value, _("Are wages not paid or held back?")),
    (ForcedLabourIndicator.DEBT_BONDAGE.value, _("Do they owe a debt they must work off?")),
    (
        ForcedLabourIndicator.RESTRICTION_OF_MOVEMENT.value,
        _("Could they not leave the workplace or the place they lived?"),
    ),
    (
        ForcedLabourIndicator.ISOLATION.value,
        _("Were they kept away from other people, or without a phone?"),
    ),
    (
        ForcedLabourIndicator.INTIMIDATION_THREATS.value,
        _("Were they threatened (with police, deportation, harm to family)?"),
    ),
    (
        ForcedLabourIndicator.PHYSICAL_SEXUAL_VIOLENCE.value,
        _("Were they hit, hurt or sexually abused?"),
    ),
    (
        ForcedLabourIndicator.EXCESSIVE_OVERTIME.value,
        _("Did they have to work far longer hours than agreed?"),
    ),
    (
        ForcedLabourIndicator.ABUSIVE_WORKING_LIVING_CONDITIONS.value,
        _("Were the work or living conditions degrading or dangerous?"),
    ),
    (
        ForcedLabourIndicator.ABUSE_OF_VULNERABILITY.value,
        _("Did someone take advantage of a hard situation (debt, no papers, no language)?"),
    ),
]
EXPLOITATION_CHOICES = [
    (ExploitationKind.SEXUAL.value, _("sexual exploitation")),
    (ExploitationKind.FORCED_BEGGING.value, _("forced begging")),
    (ExploitationKind.FORCED_CRIMINALITY.value, _("forced to commit crimes")),
    (ExploitationKind.FORCED_MARRIAGE.value, _("forced marriage")),
    (ExploitationKind.DOMESTIC_SERVITUDE.value, _("domestic servitude")),
    (ExploitationKind.ORGAN_REMOVAL.value, _("organ removal")),
]
DOCUMENT_ROWS = 3

# Booleans of the record, by the part of the record they belong to. Unticked means "not
# known" (absent), as the contract treats an absent boolean.
PERSON_FLAGS = ("birth_date_estimated", "appears_child")
TRAVEL_FLAGS = ("separated_from_family", "moved_or_recruited_by_another")
# fear_of_return is not a flag: it must be answered (fear_question.py).
STATEMENT_FLAGS = ("wants_asylum", "wants_to_return")

# Shortcuts for the common cases: the usual answers, filled in for the officer to check.
# They set answers only; what the answers mean is decided by the engine.
SHORTCUTS: dict[str, tuple[Any, dict[str, Any]]] = {
    "adult_labour_migrant": (
        _("Adult labour migrant"),
        {
            "purpose": "work",
            "entry": "regular",
            "facilitated_by": "none",
            "documents_state": "listed",
            "doc1_type": "passport",
            "doc1_held_by": "self",
        },
    ),
    "child_alone": (
        _("Child alone"),
        {"appears_child": "on", "accompanied_by": "none", "separated_from_family": "on"},
    ),
    "fear_return": (
        _("Says they fear return"),
        {"fear_of_return": YES, "purpose": "protection"},
    ),
    "family_with_children": (
        _("Family with children"),
        {"accompanied_by": "parent", "purpose": "family"},
    ),
}

MULTI_FIELDS = ("fear_reasons", "forced_labour", "exploitation")


def _flag(label: Any) -> forms.BooleanField:
    return forms.BooleanField(label=label, required=False)


def _choice(label: Any, choices: list[tuple[str, Any]], **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=NOT_ASKED + choices, required=False, **kwargs)


class InterviewForm(FearOfReturnQuestion):
    use_required_attribute = False

    # Who you are and how you came
    date = forms.DateField(label=_("Date of the screening"), widget=DayInput())
    location_kind = forms.ChoiceField(label=_("Where"), choices=LOCATION_CHOICES)
    location_name = forms.CharField(label=_("Place name"), max_length=100, required=False)
    birth_date = forms.CharField(
        label=_("Birth date"),
        max_length=10,
        required=False,
        help_text=_("YYYY-MM-DD, YYYY-MM or YYYY"),
    )
    birth_date_estimated = _flag(_("Birth date is estimated"))
    age_claimed = forms.IntegerField(
        label=_("Age they say they are"), min_value=0, max_value=130, required=False
    )
    appears_child = _flag(_("Looks like a child"))
    sex = _choice(_("Sex"), SEX_CHOICES)
    nationalities = CountriesField(
        label=_("Nationalities"),
        help_text=_("Countries by name, separated by commas; or “stateless” or “not known”."),
    )
    country_of_origin = CountriesField(
        label=_("Country of origin"), multiple=False, allow_status=False
    )
    languages = LanguagesField(
        label=_("Languages they speak"), help_text=_("Languages by name, separated by commas.")
    )
    entry = _choice(_("How they entered"), ENTRY_CHOICES)
    facilitated_by = _choice(_("Who arranged the journey"), FACILITATED_CHOICES)
    moved_or_recruited_by_another = _flag(
        _("Someone recruited, transported or received them (not on their own)")
    )
    stay = _choice(_("Permission to stay now"), STAY_CHOICES)
    years_in_country = forms.DecimalField(
        label=_("Years in this country"),
        min_value=Decimal(0),
        max_value=Decimal(130),
        max_digits=5,
        decimal_places=1,
        required=False,
    )
    birth_not_registered = _flag(_("Their birth was never registered"))

    # Are you alone
    accompanied_by = _choice(_("Who they travel with"), ACCOMPANIED_CHOICES)
    separated_from_family = _flag(_("Separated from family and wants to find them"))
    single_parent = _flag(_("Single parent or caregiver at risk"))

    # Documents
    documents_state = forms.ChoiceField(
        label=_("Identity documents"), choices=DOCUMENTS_STATE_CHOICES, required=False
    )

    # Why you came, what you fear
    purpose = _choice(_("Why they came"), PURPOSE_CHOICES)
    fear_reasons = forms.MultipleChoiceField(
        label=_("Because of"),
        choices=FEAR_REASON_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    wants_asylum = _flag(_("Asks for asylum or protection"))
    wants_to_return = _flag(_("Wants to go home"))

    # Work conditions
    forced_labour = forms.MultipleChoiceField(
        label=_("Work conditions"),
        choices=FORCED_LABOUR_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    exploitation = forms.MultipleChoiceField(
        label=_("Made to do"),
        choices=EXPLOITATION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    child_marriage = _flag(_("Married as a child, or about to be"))

    # Health and safety
    medical_urgent = _flag(_("Needs medical care now"))
    serious_medical_condition = _flag(_("Serious illness or injury"))
    pregnant = _flag(_("Pregnant"))
    disability = _flag(_("Disability"))
    mental_health_distress = _flag(_("In severe distress"))
    gbv_survivor = _flag(_("Survived sexual or gender-based violence"))
    torture_survivor = _flag(_("Survived torture"))
    older_person_at_risk = _flag(_("Older person at risk"))

    def __init__(self, *args: Any, country: str, saving: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.country = country
        self.saving = saving
        self.fields["date"].initial = timezone.localdate()
        for n in range(1, DOCUMENT_ROWS + 1):
            self.fields[f"doc{n}_type"] = _choice(_("Document"), list(DOCUMENT_TYPE_CHOICES))
            self.fields[f"doc{n}_held_by"] = _choice(_("Who holds it"), HELD_BY_CHOICES)

    def document_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"doc{n}_type"], self[f"doc{n}_held_by"]) for n in range(1, DOCUMENT_ROWS + 1)
        ]

    def to_record(self) -> dict[str, Any]:
        """The screening record of screening.md section 1; only what was answered."""
        data = self.cleaned_data
        date: dt.date = data["date"]
        location: dict[str, Any] = {"kind": data["location_kind"]}
        if data.get("location_name"):
            location["name"] = data["location_name"]
        person: dict[str, Any] = {}
        if data.get("birth_date"):
            person["birth_date"] = data["birth_date"].strip()
        if data.get("age_claimed") is not None:
            person["age_claimed"] = data["age_claimed"]
        for name in ("sex", "stay"):
            if data.get(name):
                person[name] = data[name]
        if data.get("nationalities"):
            person["nationalities"] = list(data["nationalities"])
        if data.get("country_of_origin"):
            person["country_of_origin"] = data["country_of_origin"]
        if data.get("languages"):
            person["languages"] = list(data["languages"])
        if data.get("years_in_country") is not None:
            years = data["years_in_country"]
            person["years_in_country"] = int(years) if years == int(years) else float(years)
        if data.get("birth_not_registered"):
            person["birth_registered"] = False
        for name in PERSON_FLAGS:
            if data.get(name):
                person[name] = True
        documents = [
            {"type": data[f"doc{n}_type"], "held_by": data.get(f"doc{n}_held_by") or "self"}
            for n in range(1, DOCUMENT_ROWS + 1)
            if data.get(f"doc{n}_type")
        ]
        if documents or data.get("documents_state") == "none":
            person["documents"] = documents
        travel: dict[str, Any] = {}
        for name in ("accompanied_by", "entry", "facilitated_by"):
            if data.get(name):
                travel[name] = data[name]
        for name in TRAVEL_FLAGS:
            if data.get(name):
                travel[name] = True
        statements: dict[str, Any] = self.fear_statements()
        if data.get("fear_reasons"):
            statements["fear_reasons"] = sorted(data["fear_reasons"])
        if data.get("purpose"):
            statements["purpose"] = data["purpose"]
        for name in STATEMENT_FLAGS:
            if data.get(name):
                statements[name] = True
        indicators: dict[str, Any] = {}
        for name in ("forced_labour", "exploitation"):
            if data.get(name):
                indicators[name] = sorted(data[name])
        for name in INDICATOR_FLAGS:
            if data.get(name):
                indicators[name] = True
        record: dict[str, Any] = {
            "schema": "crossroads.screening/1",
            "country": self.country,
            "date": date.isoformat(),
            "location": location,
        }
        for key, part in (
            ("person", person),
            ("travel", travel),
            ("statements", statements),
            ("indicators", indicators),
        ):
            if part:
                record[key] = part
        return record

    def add_record_errors(self, errors: dict[str, list[str]]) -> None:
        """Puts the engine's errors (keyed `record.person.birth_date`) next to the field
        that holds the answer, or at the top of the form."""
        for key, messages in errors.items():
            field = _field_for(key)
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


RECORD_TO_FIELD = {
    "location.kind": "location_kind",
    "location.name": "location_name",
    "person.birth_registered": "birth_not_registered",
    "person.documents": "documents_state",
}


def _field_for(key: str) -> str | None:
    path = key.removeprefix("record.")
    plain = ".".join(part.split("[")[0] for part in path.split("."))
    for prefix, field in RECORD_TO_FIELD.items():
        if plain == prefix or plain.startswith(prefix + "."):
            return field
    parts = plain.split(".")
    if plain in ("date", "country"):
        return "date" if plain == "date" else None
    return parts[1] if len(parts) > 1 else None


def initial_from_person(person: Any) -> dict[str, Any]:
    """Birth date, sex, nationalities and languages as registered."""
    sex = SEX_CODES.get(person.sex, "")
    return {
        "birth_date": person.birth_date,
        "birth_date_estimated": person.birth_date_estimated,
        "sex": sex,
        "nationalities": list(person.nationalities),
        "languages": list(person.languages),
        "location_kind": LocationKind.BORDER.value,
    }


def with_shortcut(data: Any, shortcut: str) -> dict[str, Any]:
    """The answers given so far, with a shortcut's usual answers laid over them, as the
    initial values of a fresh (unvalidated) form."""
    answers: dict[str, Any] = {}
    for key in data:
        if key in ("csrfmiddlewaretoken", "shortcut", "action"):
            continue
        answers[key] = data.getlist(key) if key in MULTI_FIELDS else data.get(key)
    _label, preset = SHORTCUTS.get(shortcut, ("", {}))
    answers.update(preset)
    return answers
