"""Roles, and the labels of agency kinds shown to people (the codes themselves are the
screening engine's `AgencyKind`, the one vocabulary of agency kinds)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from crossroads.engines.screening.vocab import CONSENT_AGENCY_KINDS, AgencyKind, Pathway


class Role(models.TextChoices):
    OFFICER = "officer", _("Officer (first contact)")
    CASEWORKER = "caseworker", _("Caseworker")
    SUPERVISOR = "supervisor", _("Supervisor")
    ANALYST = "analyst", _("Analyst")
    ADMIN = "admin", _("Administrator")
    PARTNER = "partner", _("Partner")
    # The Almaty Process secretariat, UNHCR and IOM regional offices: published tables of
    # the participating states only, never a person (docs/statistics.md).
    REGIONAL_ANALYST = "regional_analyst", _("Regional analyst")


# Roles whose work is with individual people; analysts and administrators see none.
PERSON_ROLES = frozenset({Role.OFFICER, Role.CASEWORKER, Role.SUPERVISOR, Role.PARTNER})

AGENCY_KIND_LABELS = {
    AgencyKind.BORDER_SERVICE: _("Border service"),
    AgencyKind.MIGRATION_SERVICE: _("Migration service"),
    AgencyKind.ASYLUM_AUTHORITY: _("Asylum authority"),
    AgencyKind.CHILD_PROTECTION: _("Child-protection authority"),
    AgencyKind.LABOUR_INSPECTION: _("Labour inspection"),
    AgencyKind.POLICE: _("Police"),
    AgencyKind.UNHCR: _("UNHCR"),
    AgencyKind.IOM: _("IOM"),
    AgencyKind.NGO: _("Non-governmental organisation"),
    AgencyKind.HEALTH_SERVICE: _("Health service"),
    AgencyKind.LEGAL_AID: _("Legal aid"),
    AgencyKind.FOREIGN_MISSION: _("Foreign embassy or consulate"),
}
AGENCY_KIND_CHOICES = [(kind.value, AGENCY_KIND_LABELS[kind]) for kind in AgencyKind]

# Agencies that are not bodies of the state: sharing with them needs consent or a lawful
# basis (screening spec section 6). The engine's set, not a copy.
NON_STATE_KINDS = CONSENT_AGENCY_KINDS


# What an agency receives: the pathways of the screening engine, as people read them (here,
# with the agencies, so that every app above may show them).
PATHWAY_LABELS = {
    Pathway.ASYLUM_PROCEDURE: _("Asylum procedure"),
    Pathway.UNHCR_MANDATE: _("UNHCR mandate procedure"),
    Pathway.CHILD_PROTECTION: _("Child protection"),
    Pathway.TRAFFICKING_IDENTIFICATION: _("Identification as a victim of trafficking"),
    Pathway.VICTIM_ASSISTANCE: _("Assistance to victims"),
    Pathway.STATELESSNESS_DETERMINATION: _("Statelessness determination"),
    Pathway.FAMILY_TRACING: _("Family tracing"),
    Pathway.MEDICAL_CARE: _("Medical care"),
    Pathway.PSYCHOSOCIAL_SUPPORT: _("Psychosocial support"),
    Pathway.GBV_SERVICES: _("Services for survivors of gender-based violence"),
    Pathway.LEGAL_AID: _("Legal aid"),
    Pathway.LABOUR_INSPECTION: _("Labour inspection"),
    Pathway.REGULARISATION: _("Regularisation"),
    Pathway.ASSISTED_VOLUNTARY_RETURN: _("Assisted voluntary return"),
    Pathway.RETURN_PROCEDURE: _("Return procedure"),
    Pathway.MIGRANT_INFORMATION: _("Information for migrants"),
}

PATHWAY_CHOICES = [(c.value, PATHWAY_LABELS[c]) for c in Pathway]
