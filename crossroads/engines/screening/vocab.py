"""Placeholder vocabularies until the screening engine branch lands."""

from enum import StrEnum


class AgencyKind(StrEnum):
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


class DocumentType(StrEnum):
    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    TAZKIRA = "tazkira"
    BIRTH_CERTIFICATE = "birth_certificate"
    REFUGEE_ID = "refugee_id"
    RESIDENCE_PERMIT = "residence_permit"
    WORK_PERMIT = "work_permit"
    OTHER = "other"
