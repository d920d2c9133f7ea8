"""The short screening of an influx: only the questions that decide emergency and urgent
priorities. Fear of return is the interview's own question (`FearOfReturnQuestion`:
yes, no or declined, never left unanswered), so the rule cannot differ between them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crossroads.core.widgets import DayInput
from crossroads.screening.fear_question import FearOfReturnQuestion
from crossroads.screening.forms import EXPLOITATION_CHOICES, FORCED_LABOUR_CHOICES

from .models import Influx


class ShortScreeningForm(FearOfReturnQuestion):
    """Always saving: the fear question must be answered."""

    use_required_attribute = False
    saving = True

    child_alone = forms.BooleanField(
        label=_("A child with neither parent nor legal guardian"), required=False
    )
    medical_urgent = forms.BooleanField(label=_("Needs medical care now"), required=False)
    moved_or_recruited_by_another = forms.BooleanField(
        label=_("Someone recruited, moved or is holding them"), required=False
    )
    forced_labour = forms.MultipleChoiceField(
        label=_("Signs of trafficking or forced labour"),
        choices=FORCED_LABOUR_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    exploitation = forms.MultipleChoiceField(
        label=_("Exploitation"),
        choices=EXPLOITATION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def trafficking_signs(self) -> bool:
        data = self.cleaned_data
        return bool(
            data.get("forced_labour")
            or data.get("exploitation")
            or data.get("moved_or_recruited_by_another")
        )

    def to_record(self, influx: Influx, on: dt.date | None = None) -> dict[str, Any]:
        """The screening record (screening.md section 1) of the answers: nothing asked is
        left absent ("not known"), as the contract treats it."""
        data = self.cleaned_data
        record: dict[str, Any] = {
            "schema": "crossroads.screening/1",
            "country": influx.country_id,
            "date": (on or timezone.localdate()).isoformat(),
            "location": {"kind": influx.location_kind, "name": influx.location},
        }
        statements = self.fear_statements()
        if statements:
            record["statements"] = statements
        if data.get("child_alone"):
            record["person"] = {"appears_child": True}
            record["travel"] = {"accompanied_by": "none"}
        if data.get("moved_or_recruited_by_another"):
            record.setdefault("travel", {})["moved_or_recruited_by_another"] = True
        indicators: dict[str, Any] = {}
        if data.get("medical_urgent"):
            indicators["medical_urgent"] = True
        if data.get("forced_labour"):
            indicators["forced_labour"] = sorted(data["forced_labour"])
        if data.get("exploitation"):
            indicators["exploitation"] = sorted(data["exploitation"])
        if indicators:
            record["indicators"] = indicators
        return record


class InfluxForm(forms.Form):
    location = forms.CharField(label=_("Location"), max_length=200)
    location_kind = forms.ChoiceField(
        label=_("Kind of place"),
        choices=Influx._meta.get_field("location_kind").choices,  # type: ignore[arg-type]
        initial="border",
    )
    starts = forms.DateField(label=_("Starts"), widget=DayInput())
    ends = forms.DateField(label=_("Ends"), widget=DayInput())
