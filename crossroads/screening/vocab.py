"""Labels shown to people for the screening engine's codes (the codes themselves live in
`crossroads.engines.screening.vocab`, the one vocabulary)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from crossroads.accounts.vocab import PATHWAY_CHOICES as PATHWAY_CHOICES
from crossroads.accounts.vocab import PATHWAY_LABELS as PATHWAY_LABELS
from crossroads.engines.screening.vocab import Need, Priority, Safeguard

NEED_LABELS = {
    Need.INTERNATIONAL_PROTECTION: _("International protection (fears return)"),
    Need.UNACCOMPANIED_CHILD: _("Unaccompanied child"),
    Need.SEPARATED_CHILD: _("Separated child"),
    Need.CHILD_AT_RISK: _("Child at risk"),
    Need.FAMILY_TRACING: _("Family tracing"),
    Need.TRAFFICKING_PRESUMED: _("Presumed victim of trafficking"),
    Need.TRAFFICKING_POSSIBLE: _("Possible victim of trafficking"),
    Need.LABOUR_EXPLOITATION: _("Labour exploitation"),
    Need.STATELESSNESS_RISK: _("Risk of statelessness"),
    Need.DOCUMENTATION: _("No identity document in own hands"),
    Need.GBV_SURVIVOR: _("Survivor of gender-based violence"),
    Need.TORTURE_SURVIVOR: _("Survivor of torture"),
    Need.MEDICAL_URGENT: _("Urgent medical care"),
    Need.MEDICAL_NEEDS: _("Medical needs"),
    Need.PSYCHOSOCIAL: _("Psychosocial support"),
    Need.OLDER_PERSON_AT_RISK: _("Older person at risk"),
    Need.SINGLE_PARENT: _("Single parent at risk"),
    Need.REGULARISATION: _("Regularisation of stay"),
    Need.VOLUNTARY_RETURN: _("Voluntary return"),
    Need.IRREGULAR_STAY: _("Irregular stay"),
    Need.LABOUR_MIGRANT_INFORMATION: _("Information for labour migrants"),
}


PRIORITY_LABELS = {
    Priority.EMERGENCY: _("emergency"),
    Priority.URGENT: _("urgent"),
    Priority.HIGH: _("high"),
    Priority.NORMAL: _("normal"),
}

SAFEGUARD_LABELS = {
    Safeguard.NON_REFOULEMENT: _("Non-refoulement: no return, nothing to the country of origin"),
    Safeguard.REFLECTION_PERIOD: _("Reflection period: no return, no duty to cooperate"),
    Safeguard.NON_PUNISHMENT: _("Non-punishment: no penalty for irregular entry or stay"),
    Safeguard.NO_DETENTION_CHILD: _("No detention of this child"),
    Safeguard.PRESUMPTION_OF_MINORITY: _("Treated as a child until assessed"),
    Safeguard.BEST_INTERESTS_FIRST: _("No return or transfer without a best-interests decision"),
    Safeguard.GUARDIAN_REQUIRED: _("A guardian must be appointed first"),
    Safeguard.CONFIDENTIALITY: _("Confidentiality of violence and exploitation details"),
    Safeguard.FAMILY_UNITY: _("Do not separate from the accompanying parent or guardian"),
}

#: What a referral's summary calls each indicator of the record (`indicators`).
INDICATOR_LABELS = {
    "medical_urgent": _("Needs medical care now"),
    "serious_medical_condition": _("Serious medical condition"),
    "pregnant": _("Pregnant"),
    "disability": _("Disability"),
    "mental_health_distress": _("Mental-health distress"),
    "gbv_survivor": _("Survivor of gender-based violence"),
    "torture_survivor": _("Survivor of torture"),
    "forced_labour": _("Forced-labour indicators"),
    "exploitation": _("Exploitation"),
    "child_marriage": _("Child marriage"),
    "older_person_at_risk": _("Older person at risk"),
    "single_parent": _("Single parent"),
}

NEED_CHOICES = [(c.value, NEED_LABELS[c]) for c in Need]
PRIORITY_CHOICES = [(c.value, PRIORITY_LABELS[c]) for c in Priority]
SAFEGUARD_CHOICES = [(c.value, SAFEGUARD_LABELS[c]) for c in Safeguard]
