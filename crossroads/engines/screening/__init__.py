"""The screening rule engine: a screening record in, needs, referrals and safeguards out.

Plain Python, no Django. The contract is ``screening.md`` (version 1.1); the product calls
:func:`screen` for results and :func:`blocking` for every enforcement of a safeguard.
"""

from .engine import screen
from .packs import Pack, PackError, PackRegistry, default_registry
from .record import InvalidRecord
from .safeguards import GuardedAction, blocking
from .vocab import AgencyKind, Need, Pathway, Priority, Safeguard

__all__ = [
    "AgencyKind",
    "GuardedAction",
    "InvalidRecord",
    "Need",
    "Pack",
    "PackError",
    "PackRegistry",
    "Pathway",
    "Priority",
    "Safeguard",
    "blocking",
    "default_registry",
    "screen",
]
