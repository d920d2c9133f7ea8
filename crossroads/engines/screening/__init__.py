"""The screening rule engine: a screening record in, needs, referrals and safeguards out.

Plain Python, no Django. The contract is ``screening.md`` (version 1.1); the product calls
:func:`screen` for results and :func:`blocking` for every enforcement of a safeguard.
"""

from .engine import evaluate, may_be_child, screen, screen_with_guidance
from .fear import FearCategory, FearHeard, hear_fear
from .packs import Pack, PackError, PackRegistry, default_registry, load_pack
from .record import InvalidRecord, ScreeningRecord, parse_record
from .safeguards import GuardedAction, blocking
from .vocab import (
    AccompaniedBy,
    AgeAssessmentResult,
    AgencyKind,
    DocumentType,
    Entry,
    ExploitationKind,
    FacilitatedBy,
    FearReason,
    ForcedLabourIndicator,
    HeldBy,
    LocationKind,
    Need,
    Pathway,
    Priority,
    Purpose,
    Safeguard,
    Sex,
    Stay,
)

__all__ = [
    "AccompaniedBy",
    "AgeAssessmentResult",
    "AgencyKind",
    "DocumentType",
    "Entry",
    "ExploitationKind",
    "FacilitatedBy",
    "FearCategory",
    "FearHeard",
    "FearReason",
    "ForcedLabourIndicator",
    "GuardedAction",
    "HeldBy",
    "InvalidRecord",
    "LocationKind",
    "Need",
    "Pack",
    "PackError",
    "PackRegistry",
    "Pathway",
    "Priority",
    "Purpose",
    "Safeguard",
    "ScreeningRecord",
    "Sex",
    "Stay",
    "blocking",
    "default_registry",
    "evaluate",
    "hear_fear",
    "load_pack",
    "may_be_child",
    "parse_record",
    "screen",
    "screen_with_guidance",
]
