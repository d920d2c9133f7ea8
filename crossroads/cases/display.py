"""Words for the workflows' identifiers: transitions, deadlines and the data a step
records, as a caseworker reads them. The API keeps the names (cases.md); pages show these.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crossroads.core.clock import format_day, format_when

from .workflows import WORKFLOWS

TRANSITION_LABELS = {
    "agree_assistance_plan": gettext_lazy("Agree the assistance plan"),
    "appoint_guardian": gettext_lazy("Appoint a guardian"),
    "arrange_care": gettext_lazy("Arrange care"),
    "assess_best_interests": gettext_lazy("Assess the best interests"),
    "check_eligibility": gettext_lazy("Check eligibility"),
    "close": gettext_lazy("Close the case"),
    "complete_documents": gettext_lazy("Complete the documents"),
    "consider_alternatives": gettext_lazy("Consider alternatives to detention"),
    "counsel": gettext_lazy("Counsel the person"),
    "decide": gettext_lazy("Decide"),
    "decide_appeal": gettext_lazy("Decide the appeal"),
    "decide_solution": gettext_lazy("Decide the durable solution"),
    "depart": gettext_lazy("Record the departure"),
    "determine_best_interests": gettext_lazy("Determine the best interests"),
    "finalise": gettext_lazy("Finalise"),
    "follow_up": gettext_lazy("Follow up"),
    "grant_status": gettext_lazy("Grant the status"),
    "issue_permit": gettext_lazy("Issue the permit"),
    "issue_return_decision": gettext_lazy("Issue the return decision"),
    "lodge_appeal": gettext_lazy("Lodge an appeal"),
    "notify": gettext_lazy("Notify the decision"),
    "obtain_travel_documents": gettext_lazy("Obtain travel documents"),
    "order_detention": gettext_lazy("Order detention"),
    "record_cooperation_choice": gettext_lazy("Record the choice to cooperate"),
    "record_informed_consent": gettext_lazy("Record informed consent"),
    "record_interview": gettext_lazy("Record the interview"),
    "register_application": gettext_lazy("Register the application"),
    "register_claim": gettext_lazy("Register the claim"),
    "remove": gettext_lazy("Record the removal"),
    "reopen": gettext_lazy("Reopen the case"),
    "start_reflection_period": gettext_lazy("Start the reflection period"),
    "start_tracing": gettext_lazy("Start family tracing"),
    "transfer": gettext_lazy("Transfer the case"),
    "withdraw": gettext_lazy("Record the withdrawal"),
}

DEADLINE_LABELS = {
    "best_interests_assessment": gettext_lazy("Best-interests assessment"),
    "appeal": gettext_lazy("Appeal"),
    "reflection_period_ends": gettext_lazy("End of the reflection period"),
    "detention_review": gettext_lazy("Detention review"),
}


def transition_label(name: str) -> str:
    label = TRANSITION_LABELS.get(name)
    return str(label) if label is not None else name.replace("_", " ").capitalize()


def deadline_label(name: str) -> str:
    label = DEADLINE_LABELS.get(name)
    return str(label) if label is not None else name.replace("_", " ").capitalize()


def state_label(case_type: str, code: str) -> str:
    workflow = WORKFLOWS.get(case_type)
    return workflow.state_label(code) if workflow is not None else code


def deadlines(case: Any) -> list[tuple[str, str]]:
    """A case's deadlines, soonest first, as (label, local date or time)."""
    items = sorted((case.deadlines or {}).items(), key=lambda kv: str(kv[1]))
    return [(deadline_label(name), format_when(due)) for name, due in items]


def missed_deadlines(case: Any) -> list[dict[str, str]]:
    return [
        {
            "deadline": deadline_label(str(item.get("deadline", ""))),
            "due": format_when(item.get("due")),
            "step": transition_label(str(item.get("step", ""))),
        }
        for item in case.missed_deadlines or []
    ]


def _value(field: Any, value: Any) -> str:
    if field is not None and getattr(field, "suggest", "") == "languages" and value:
        from crossroads.core.names import language_name

        return language_name(str(value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field is not None and field.choices:
        return str(dict(field.choices).get(value, value))
    if (field is not None and field.kind == "date") or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        return format_day(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", value):
        return format_when(value)
    if isinstance(value, dt.datetime | dt.date):
        return format_when(value)
    if isinstance(value, list):
        return ", ".join(_value(None, v) for v in value)
    return str(value)


def step_details(case_type: str, name: str, data: dict[str, Any]) -> list[tuple[str, str]]:
    """What a step recorded, as (label, value) in the reader's words. Identifiers that
    only the machine needs (agency and user ids, relatives' links) are left to the
    caller; unknown keys are named in words, never as field names."""
    workflow = WORKFLOWS.get(case_type)
    transition = workflow.transition(name) if workflow is not None else None
    fields = {f.name: f for f in transition.fields} if transition is not None else {}
    out: list[tuple[str, str]] = []
    for key, value in (data or {}).items():
        if key in {"relatives", "to_agency", "to_assignee"} or value in (None, "", []):
            continue
        field = fields.get(key)
        label = str(field.label) if field is not None else key.replace("_", " ")
        out.append((label[:1].upper() + label[1:], _value(field, value)))
    return out


def outcome_label(case_type: str, code: str) -> str:
    """A case's outcome ("recognised") in words, from the choices of its workflow."""
    workflow = WORKFLOWS.get(case_type)
    for transition in workflow.transitions if workflow is not None else ():
        for field in transition.fields:
            if field.name == "outcome" and field.choices:
                label = dict(field.choices).get(code)
                if label is not None:
                    return str(label)
    return code.replace("_", " ")
