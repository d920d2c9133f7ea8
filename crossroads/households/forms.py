"""The household page: one row per person, the person in charge first. What a family
shares is typed once: a member's empty family name or nationality is the person in
charge's."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from crossroads.core.name_fields import CountriesField
from crossroads.registry import validation
from crossroads.registry.actions import PersonData
from crossroads.registry.vocab import Sex

from .actions import MAX_MEMBERS, MemberData
from .models import Relationship
from .serializers import birth_year_from_age

TEXT = {"dir": "auto", "autocomplete": "off"}
AGE_RE = re.compile(r"^\d{1,3}$")


class MemberForm(forms.Form):
    given_name = forms.CharField(
        label=_("Given name"), max_length=200, required=False, widget=forms.TextInput(attrs=TEXT)
    )
    family_name = forms.CharField(
        label=_("Family name"), max_length=200, required=False, widget=forms.TextInput(attrs=TEXT)
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.UNKNOWN)
    birth = forms.CharField(
        label=_("Birth date or age"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    relationship = forms.ChoiceField(
        label=_("Relationship to the person in charge"),
        # No default: a relationship is said, never assumed (and a first letter picks it).
        choices=[("", "—"), *[c for c in Relationship.choices if c[0] != Relationship.HEAD]],
        required=False,
    )
    nationality = CountriesField(label=_("Nationality"), multiple=False)

    def __init__(self, *args: Any, head: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.head = head
        if head:
            del self.fields["relationship"]
        # The table's headers label the columns for the eye; each field also names its
        # column and its row for a screen reader ("Given name, member 2").
        number = (self.prefix or "").lstrip("m")
        row = str(_("person in charge")) if head else str(_("member %(n)s")) % {"n": number}
        for field in self.fields.values():
            field.widget.attrs["aria-label"] = f"{field.label}, {row}"

    def is_blank(self) -> bool:
        if not self.is_bound:
            return True
        names = ("given_name", "family_name", "birth", "nationality")
        return not any((self.data.get(self.add_prefix(n)) or "").strip() for n in names)

    def clean_nationality(self) -> list[str]:
        value = self.cleaned_data["nationality"]
        return validation.validate_nationalities([value]) if value else []

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("given_name", "family_name"):
            if name in data:
                data[name] = validation.nfc(data[name])
        birth = (data.get("birth") or "").strip()
        data["birth_date_estimated"] = False
        if AGE_RE.match(birth):
            age = int(birth)
            if age > 130:
                self.add_error("birth", _("An age is at most 130 years."))
                return data
            birth = birth_year_from_age(age)
            data["birth_date_estimated"] = True
        try:
            text, precision, _approx = validation.parse_birth_date(birth)
        except ValidationError as exc:
            self.add_error("birth", exc)
        else:
            data["birth_date"] = text
            data["birth_date_precision"] = precision
        return data


def member_forms(data: Any = None) -> list[MemberForm]:
    return [MemberForm(data, prefix=f"m{i}", head=i == 0) for i in range(MAX_MEMBERS)]


def household_members(forms_: list[MemberForm]) -> list[MemberData] | None:
    """The members typed, or None when a row has errors (each shown on its row). Blank
    rows are ignored; a member's empty family name or nationality is the head's."""
    head, *others = forms_
    if head.is_blank():
        head.add_error("given_name", _("Give at least a given name or a family name."))
    rows = [head, *[f for f in others if not f.is_blank()]]
    if not all(f.is_valid() for f in rows):
        return None
    head_data = head.cleaned_data
    members: list[MemberData] = []
    for form in rows:
        data = dict(form.cleaned_data)
        if form is not head:
            data["family_name"] = data["family_name"] or head_data["family_name"]
            data["nationality"] = data["nationality"] or head_data["nationality"]
        if form is not head and not data["relationship"]:
            form.add_error("relationship", _("Choose the relationship to the person in charge."))
            return None
        if not (data["given_name"] or data["family_name"]):
            form.add_error("given_name", _("Give at least a given name or a family name."))
            return None
        values = {
            "given_name": data["given_name"],
            "family_name": data["family_name"],
            "sex": data["sex"],
            "birth_date": data.get("birth_date", ""),
            "birth_date_precision": data.get("birth_date_precision"),
            "birth_date_estimated": data["birth_date_estimated"],
            "nationalities": data["nationality"],
        }
        relationship = Relationship.HEAD if form is head else data["relationship"]
        members.append(MemberData(relationship=relationship, person=PersonData(values=values)))
    return members
