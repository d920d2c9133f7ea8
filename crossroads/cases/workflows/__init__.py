"""Case types as plain data: one module per type, read in one sitting."""

from __future__ import annotations

from . import (
    asylum,
    child_protection,
    regularisation,
    return_procedure,
    statelessness,
    trafficking_assistance,
    voluntary_return,
)
from .base import Workflow

WORKFLOWS: dict[str, Workflow] = {
    w.type: w
    for w in (
        asylum.WORKFLOW,
        child_protection.WORKFLOW,
        trafficking_assistance.WORKFLOW,
        statelessness.WORKFLOW,
        regularisation.WORKFLOW,
        voluntary_return.WORKFLOW,
        return_procedure.WORKFLOW,
    )
}
CASE_TYPE_CHOICES = [(w.type, w.label) for w in WORKFLOWS.values()]
PROTECTION_TYPES = frozenset(t for t, w in WORKFLOWS.items() if w.protection)


def workflow_for(case_type: str) -> Workflow:
    return WORKFLOWS[case_type]


__all__ = ["CASE_TYPE_CHOICES", "PROTECTION_TYPES", "WORKFLOWS", "Workflow", "workflow_for"]
