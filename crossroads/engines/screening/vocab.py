"""The one place for the screening vocabularies (spec ``screening.md`` sections 1 and 3).

Every code here is the exact string of the contract: the Django product imports these
enums for its own models and forms, so a renamed member would break stored data.
"""

from __future__ import annotations

import enum


class Need(enum.StrEnum):
    """What a person needs (``needs[].code``)."""

    INTERNATIONAL_PROTECTION = "international_protection"
    UNACCOMPANIED_CHILD = "unaccompanied_child"
    SEPARATED_CHILD = "separated_child"
    CHILD_AT_RISK = "child_at_risk"
    FAMILY_TRACING = "family_tracing"
    TRAFFICKING_PRESUMED = "trafficking_presumed"
    TRAFFICKING_POSSIBLE = "trafficking_possible"
    LABOUR_EXPLOITATION = "labour_exploitation"
    STATELESSNESS_RISK = "statelessness_risk"
    DOCUMENTATION = "documentation"
    GBV_SURVIVOR = "gbv_survivor"
    TORTURE_SURVIVOR = "torture_survivor"
    MEDICAL_URGENT = "medical_urgent"
    MEDICAL_NEEDS = "medical_needs"
    PSYCHOSOCIAL = "psychosocial"
    OLDER_PERSON_AT_RISK = "older_person_at_risk"
    SINGLE_PARENT = "single_parent"
    REGULARISATION = "regularisation"
    VOLUNTARY_RETURN = "voluntary_return"
    IRREGULAR_STAY = "irregular_stay"
    LABOUR_MIGRANT_INFORMATION = "labour_migrant_information"


#: Needs of the status routes: they give way to protection, trafficking and child needs.
STATUS_ROUTE_NEEDS: frozenset[Need] = frozenset(
    {
        Need.VOLUNTARY_RETURN,
        Need.REGULARISATION,
        Need.IRREGULAR_STAY,
        Need.LABOUR_MIGRANT_INFORMATION,
    }
)


class Pathway(enum.StrEnum):
    """Where a referral goes (``referrals[].pathway``)."""

    ASYLUM_PROCEDURE = "asylum_procedure"
    UNHCR_MANDATE = "unhcr_mandate"
    CHILD_PROTECTION = "child_protection"
    TRAFFICKING_IDENTIFICATION = "trafficking_identification"
    VICTIM_ASSISTANCE = "victim_assistance"
    STATELESSNESS_DETERMINATION = "statelessness_determination"
    FAMILY_TRACING = "family_tracing"
    MEDICAL_CARE = "medical_care"
    PSYCHOSOCIAL_SUPPORT = "psychosocial_support"
    GBV_SERVICES = "gbv_services"
    LEGAL_AID = "legal_aid"
    LABOUR_INSPECTION = "labour_inspection"
    REGULARISATION = "regularisation"
    ASSISTED_VOLUNTARY_RETURN = "assisted_voluntary_return"
    RETURN_PROCEDURE = "return_procedure"
    MIGRANT_INFORMATION = "migrant_information"


#: Pathways that send a person back; never while a return-blocking safeguard stands.
RETURN_PATHWAYS: frozenset[Pathway] = frozenset(
    {Pathway.RETURN_PROCEDURE, Pathway.ASSISTED_VOLUNTARY_RETURN}
)


class Priority(enum.StrEnum):
    """How soon a referral must be acted on. Declared most urgent first."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"

    @property
    def rank(self) -> int:
        """0 for the most urgent; a smaller rank is more urgent."""
        return _PRIORITY_RANK[self]

    @property
    def max_deadline_hours(self) -> int:
        """The longest deadline any pack may set for this priority (spec section 3)."""
        return _MAX_DEADLINE_HOURS[self]

    def is_more_urgent_than(self, other: Priority) -> bool:
        return self.rank < other.rank

    @staticmethod
    def most_urgent(*priorities: Priority) -> Priority:
        return min(priorities, key=lambda p: p.rank)


#: 0 for the most urgent priority.
PRIORITY_RANK: dict[Priority, int] = {p: i for i, p in enumerate(Priority)}
_PRIORITY_RANK = PRIORITY_RANK
_MAX_DEADLINE_HOURS: dict[Priority, int] = {
    Priority.EMERGENCY: 4,
    Priority.URGENT: 24,
    Priority.HIGH: 72,
    Priority.NORMAL: 240,
}


class Safeguard(enum.StrEnum):
    """What the system must enforce while it is active (``safeguards[].code``)."""

    NON_REFOULEMENT = "non_refoulement"
    REFLECTION_PERIOD = "reflection_period"
    NON_PUNISHMENT = "non_punishment"
    NO_DETENTION_CHILD = "no_detention_child"
    PRESUMPTION_OF_MINORITY = "presumption_of_minority"
    BEST_INTERESTS_FIRST = "best_interests_first"
    GUARDIAN_REQUIRED = "guardian_required"
    CONFIDENTIALITY = "confidentiality"
    FAMILY_UNITY = "family_unity"


#: Safeguards that forbid any return step (spec section 4 status routes; cases rule 1).
RETURN_BLOCKING_SAFEGUARDS: frozenset[Safeguard] = frozenset(
    {Safeguard.NON_REFOULEMENT, Safeguard.REFLECTION_PERIOD, Safeguard.BEST_INTERESTS_FIRST}
)


class AgencyKind(enum.StrEnum):
    """The kinds of agency that receive referrals; the product's agencies use these codes."""

    BORDER_SERVICE = "border_service"
    MIGRATION_SERVICE = "migration_service"
    ASYLUM_AUTHORITY = "asylum_authority"
    CHILD_PROTECTION = "child_protection"
    LABOUR_INSPECTION = "labour_inspection"
    POLICE = "police"
    UNHCR = "unhcr"
    IOM = "iom"
    NGO = "ngo"
    HEALTH_SERVICE = "health_service"
    LEGAL_AID = "legal_aid"
    #: A product extension (screening.md allows adding): a foreign state's embassy or
    #: consulate. Never a receiving kind of a pathway; while non-refoulement stands nothing
    #: about a person goes to the mission of their country of origin (section 6).
    FOREIGN_MISSION = "foreign_mission"


#: Non-state agencies: a referral to them needs recorded consent or a lawful basis (section 6).
CONSENT_AGENCY_KINDS: frozenset[AgencyKind] = frozenset(
    {AgencyKind.UNHCR, AgencyKind.IOM, AgencyKind.NGO}
)

#: State bodies that may run a procedure a pack names ("the pack's body", section 3).
STATE_BODY_KINDS: frozenset[AgencyKind] = frozenset(
    {
        AgencyKind.BORDER_SERVICE,
        AgencyKind.MIGRATION_SERVICE,
        AgencyKind.ASYLUM_AUTHORITY,
        AgencyKind.CHILD_PROTECTION,
        AgencyKind.LABOUR_INSPECTION,
        AgencyKind.POLICE,
    }
)


# --- input vocabularies (section 1) ---------------------------------------------------


class LocationKind(enum.StrEnum):
    BORDER = "border"
    AIRPORT = "airport"
    INLAND = "inland"
    DETENTION = "detention"
    RECEPTION = "reception"


class Sex(enum.StrEnum):
    F = "F"
    M = "M"
    X = "X"
    U = "U"


class Stay(enum.StrEnum):
    """The person's present permission to stay."""

    REGULAR = "regular"
    IRREGULAR = "irregular"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


class AgeAssessmentResult(enum.StrEnum):
    ADULT = "adult"
    CHILD = "child"


class DocumentType(enum.StrEnum):
    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    TAZKIRA = "tazkira"
    BIRTH_CERTIFICATE = "birth_certificate"
    REFUGEE_ID = "refugee_id"
    RESIDENCE_PERMIT = "residence_permit"
    WORK_PERMIT = "work_permit"
    OTHER = "other"


class HeldBy(enum.StrEnum):
    SELF = "self"
    EMPLOYER = "employer"
    RECRUITER = "recruiter"
    SMUGGLER = "smuggler"
    RELATIVE = "relative"
    AUTHORITIES = "authorities"
    LOST = "lost"


class AccompaniedBy(enum.StrEnum):
    PARENT = "parent"
    LEGAL_GUARDIAN = "legal_guardian"
    RELATIVE = "relative"
    UNRELATED_ADULT = "unrelated_adult"
    NONE = "none"
    UNKNOWN = "unknown"


class Entry(enum.StrEnum):
    REGULAR = "regular"
    IRREGULAR = "irregular"
    UNKNOWN = "unknown"


class FacilitatedBy(enum.StrEnum):
    NONE = "none"
    SMUGGLER = "smuggler"
    RECRUITER = "recruiter"
    EMPLOYER = "employer"
    RELATIVE = "relative"
    OTHER = "other"


class FearReason(enum.StrEnum):
    RACE = "race"
    RELIGION = "religion"
    NATIONALITY = "nationality"
    POLITICAL_OPINION = "political_opinion"
    SOCIAL_GROUP = "social_group"
    ARMED_CONFLICT = "armed_conflict"
    GENERALISED_VIOLENCE = "generalised_violence"
    GENDER = "gender"
    OTHER = "other"


class Purpose(enum.StrEnum):
    WORK = "work"
    FAMILY = "family"
    STUDY = "study"
    TRANSIT = "transit"
    PROTECTION = "protection"
    OTHER = "other"


class ForcedLabourIndicator(enum.StrEnum):
    """The eleven ILO indicators of forced labour (ILO, *Indicators of Forced Labour*, 2012)."""

    ABUSE_OF_VULNERABILITY = "abuse_of_vulnerability"
    DECEPTION = "deception"
    RESTRICTION_OF_MOVEMENT = "restriction_of_movement"
    ISOLATION = "isolation"
    PHYSICAL_SEXUAL_VIOLENCE = "physical_sexual_violence"
    INTIMIDATION_THREATS = "intimidation_threats"
    RETENTION_OF_IDENTITY_DOCUMENTS = "retention_of_identity_documents"
    WITHHOLDING_OF_WAGES = "withholding_of_wages"
    DEBT_BONDAGE = "debt_bondage"
    ABUSIVE_WORKING_LIVING_CONDITIONS = "abusive_working_living_conditions"
    EXCESSIVE_OVERTIME = "excessive_overtime"


class ExploitationKind(enum.StrEnum):
    SEXUAL = "sexual"
    FORCED_BEGGING = "forced_begging"
    FORCED_CRIMINALITY = "forced_criminality"
    FORCED_MARRIAGE = "forced_marriage"
    DOMESTIC_SERVITUDE = "domestic_servitude"
    ORGAN_REMOVAL = "organ_removal"


#: Palermo Protocol art. 3(a) *means*, as ILO indicators (spec section 4).
MEANS_INDICATORS: frozenset[ForcedLabourIndicator] = frozenset(
    {
        ForcedLabourIndicator.ABUSE_OF_VULNERABILITY,
        ForcedLabourIndicator.DECEPTION,
        ForcedLabourIndicator.RESTRICTION_OF_MOVEMENT,
        ForcedLabourIndicator.ISOLATION,
        ForcedLabourIndicator.PHYSICAL_SEXUAL_VIOLENCE,
        ForcedLabourIndicator.INTIMIDATION_THREATS,
        ForcedLabourIndicator.RETENTION_OF_IDENTITY_DOCUMENTS,
        ForcedLabourIndicator.DEBT_BONDAGE,
    }
)

#: Palermo Protocol art. 3(a) *purpose* (exploitation), as ILO indicators.
PURPOSE_INDICATORS: frozenset[ForcedLabourIndicator] = frozenset(
    {
        ForcedLabourIndicator.WITHHOLDING_OF_WAGES,
        ForcedLabourIndicator.DEBT_BONDAGE,
        ForcedLabourIndicator.ABUSIVE_WORKING_LIVING_CONDITIONS,
        ForcedLabourIndicator.EXCESSIVE_OVERTIME,
    }
)


#: The agency kinds that may receive each pathway (spec section 3, "Pathways ... and the
#: agency kind that receives each"). Two depend on the pack's procedures and are checked
#: where the pack is loaded: ``asylum_procedure`` goes to the asylum authority (UNHCR is
#: allowed only where the state has no national procedure, and is then never referred),
#: and ``statelessness_determination`` goes to the pack's body, or to UNHCR where there is
#: no procedure.
PATHWAY_AGENCY_KINDS: dict[Pathway, frozenset[AgencyKind]] = {
    Pathway.ASYLUM_PROCEDURE: frozenset({AgencyKind.ASYLUM_AUTHORITY}),
    Pathway.UNHCR_MANDATE: frozenset({AgencyKind.UNHCR}),
    Pathway.CHILD_PROTECTION: frozenset({AgencyKind.CHILD_PROTECTION}),
    # "the national referral mechanism (police or pack's body)"
    Pathway.TRAFFICKING_IDENTIFICATION: STATE_BODY_KINDS,
    Pathway.VICTIM_ASSISTANCE: frozenset({AgencyKind.IOM, AgencyKind.NGO}),
    Pathway.STATELESSNESS_DETERMINATION: STATE_BODY_KINDS,
    Pathway.FAMILY_TRACING: frozenset({AgencyKind.NGO}),
    Pathway.MEDICAL_CARE: frozenset({AgencyKind.HEALTH_SERVICE}),
    Pathway.PSYCHOSOCIAL_SUPPORT: frozenset({AgencyKind.NGO, AgencyKind.HEALTH_SERVICE}),
    Pathway.GBV_SERVICES: frozenset({AgencyKind.NGO}),
    Pathway.LEGAL_AID: frozenset({AgencyKind.LEGAL_AID}),
    Pathway.LABOUR_INSPECTION: frozenset({AgencyKind.LABOUR_INSPECTION}),
    Pathway.REGULARISATION: frozenset({AgencyKind.MIGRATION_SERVICE}),
    Pathway.ASSISTED_VOLUNTARY_RETURN: frozenset({AgencyKind.IOM}),
    Pathway.RETURN_PROCEDURE: frozenset({AgencyKind.MIGRATION_SERVICE, AgencyKind.BORDER_SERVICE}),
    Pathway.MIGRANT_INFORMATION: frozenset({AgencyKind.MIGRATION_SERVICE}),
}
