"""The form that sends a screening's referrals: the receiving agency of each, and for a
non-state partner the consent (or lawful basis) that screening.md section 6 requires.
Validation only; `record_consent` and `send_screening_referrals` do the work and check
the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crossroads.accounts.routing import agencies_for_pathway
from crossroads.core.widgets import DayInput
from crossroads.screening.vocab import PATHWAY_LABELS, PRIORITY_LABELS

from .models import Basis, GivenBy


class SendReferralsForm(forms.Form):
    use_required_attribute = False

    def __init__(
        self, *args: Any, referrals: list[dict[str, Any]], country: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[dict[str, Any]] = []
        for item in referrals:
            pathway = item["pathway"]
            agencies = agencies_for_pathway(country, pathway)
            self.fields[f"agency_{pathway}"] = forms.ChoiceField(
                label=_("Receiving agency"),
                choices=[(str(a.pk), a.name) for a in agencies],
                required=True,
                error_messages={"required": _("No agency in this state receives this pathway.")},
            )
            row: dict[str, Any] = {
                "item": item,
                "label": PATHWAY_LABELS.get(pathway, pathway),
                "priority_label": PRIORITY_LABELS.get(item["priority"], item["priority"]),
                "agency": self[f"agency_{pathway}"],
                "consent": [],
            }
            if item["consent_required"]:
                prefix = f"consent_{pathway}_"
                self.fields[prefix + "basis"] = forms.ChoiceField(
                    label=_("Basis for sharing"), choices=Basis.choices, initial=Basis.CONSENT
                )
                self.fields[prefix + "given_by"] = forms.ChoiceField(
                    label=_("Given by"), choices=GivenBy.choices, initial=GivenBy.PERSON
                )
                self.fields[prefix + "given_by_name"] = forms.CharField(
                    label=_("Name of who gave it"), max_length=200, required=False
                )
                self.fields[prefix + "given_on"] = forms.DateField(
                    label=_("Date"),
                    initial=timezone.localdate,
                    widget=DayInput(),
                )
                self.fields[prefix + "shares_sensitive"] = forms.BooleanField(
                    label=_("Health, violence and exploitation details may be shared"),
                    required=False,
                )
                row["consent"] = [
                    self[prefix + name]
                    for name in ("basis", "given_by", "given_by_name", "given_on")
                ]
                row["sensitive"] = self[prefix + "shares_sensitive"]
            self.rows.append(row)

    def agencies(self) -> dict[str, Any]:
        return {
            row["item"]["pathway"]: self.cleaned_data[f"agency_{row['item']['pathway']}"]
            for row in self.rows
        }

    def consents(self) -> list[dict[str, Any]]:
        """The `record_consent` arguments, one per partner referral."""
        made = []
        for row in self.rows:
            pathway = row["item"]["pathway"]
            if not row["item"]["consent_required"]:
                continue
            prefix = f"consent_{pathway}_"
            data = self.cleaned_data
            made.append(
                {
                    "to_agency_id": data[f"agency_{pathway}"],
                    "purposes": [pathway],
                    "basis": data[prefix + "basis"],
                    "given_by": data[prefix + "given_by"],
                    "given_by_name": data[prefix + "given_by_name"],
                    "given_on": data[prefix + "given_on"],
                    "shares_sensitive": data[prefix + "shares_sensitive"],
                }
            )
        return made

    def add_action_errors(self, errors: dict[str, list[str]]) -> None:
        for messages in errors.values():
            for message in messages:
                self.add_error(None, message)
