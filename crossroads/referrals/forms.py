"""Page forms for referrals and consents: validation only; the actions do the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crossroads.access.policy import consent_recipients_q
from crossroads.accounts.models import Agency
from crossroads.core.widgets import DayInput
from crossroads.screening.vocab import NEED_CHOICES, PATHWAY_CHOICES, PRIORITY_CHOICES

from .models import Basis, GivenBy


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_reason(self) -> str:
        reason: str = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for declining."))
        return reason


class ConsentForm(forms.Form):
    to_agency = forms.ModelChoiceField(
        label=_("Shared with"), queryset=Agency.objects.none(), empty_label=None
    )
    purposes = forms.MultipleChoiceField(
        label=_("For what (pathways)"),
        choices=PATHWAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    basis = forms.ChoiceField(label=_("Basis"), choices=Basis.choices, initial=Basis.CONSENT)
    given_by = forms.ChoiceField(
        label=_("Given by"), choices=GivenBy.choices, initial=GivenBy.PERSON
    )
    given_by_name = forms.CharField(
        label=_("Name of who gave it"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    given_on = forms.DateField(label=_("Date"), widget=DayInput(), initial=timezone.localdate)
    shares_sensitive = forms.BooleanField(
        label=_("Includes health, violence and exploitation details"), required=False
    )

    def __init__(self, *args: Any, country: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only partners of the person's own state: records never leave it.
        self.fields["to_agency"].queryset = Agency.objects.filter(  # type: ignore[attr-defined]
            consent_recipients_q(), country_id=country, active=True
        ).order_by("name")


class OptionsWithRefusals(forms.Select):
    """A select whose refused options stay visible, greyed (disabled), with the reason."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.refused: dict[str, str] = {}

    def create_option(self, name: str, value: Any, label: Any, *args: Any, **kwargs: Any) -> Any:
        option = super().create_option(name, value, label, *args, **kwargs)
        reason = self.refused.get(str(value))
        if reason:
            option["attrs"]["disabled"] = True
            option["attrs"]["title"] = reason
            option["label"] = f"{label} — {reason}"
        return option


class AgencyChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Agencies named in the reader's language."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class SendReferralForm(forms.Form):
    pathway = forms.ChoiceField(
        label=_("Pathway"), choices=PATHWAY_CHOICES, widget=OptionsWithRefusals
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=PRIORITY_CHOICES, initial="normal")
    to_agency = AgencyChoiceField(
        label=_("To"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("The agency that receives this pathway"),
        widget=OptionsWithRefusals,
    )
    needs = forms.MultipleChoiceField(
        label=_("Needs"),
        choices=NEED_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )

    def __init__(self, *args: Any, country: str, person: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Agencies of the person's own state only: records never leave it.
        agencies = Agency.objects.filter(country_id=country, active=True).order_by("name")
        self.fields["to_agency"].queryset = agencies  # type: ignore[attr-defined]
        if person is not None:
            # Destinations the safeguards refuse are shown greyed with the reason, and the
            # needs the latest screening found are ticked in advance.
            from .destinations import needs_of_latest_screening, refused_agencies, refused_pathways

            self.fields["to_agency"].widget.refused = refused_agencies(person, agencies)
            self.fields["pathway"].widget.refused = refused_pathways(person)
            if not self.is_bound:
                self.initial.setdefault("needs", needs_of_latest_screening(person))
