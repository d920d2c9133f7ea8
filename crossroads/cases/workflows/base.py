"""The vocabulary of a workflow: states, transitions and the fields a transition needs.

A workflow is plain data (one small module per case type): a newcomer reads the states
in order and the table of transitions, and the one action `transition_case` checks
everything the table says. Nothing in here touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crossroads.access.policy import WORKFLOW_CASEWORKER, WORKFLOW_SUPERVISOR
from crossroads.engines.screening import GuardedAction

#: the workflow roles of the transition tables (the policy decides who holds them)
CASEWORKER = WORKFLOW_CASEWORKER
SUPERVISOR = WORKFLOW_SUPERVISOR

#: a transition allowed from every state but `closed`
ANY_OPEN = "*"
#: a transition that leaves the case in the state it is in
STAY = ""
#: `reopen` goes back to the state the case closed from
CLOSED_FROM = "<closed_from>"

OPEN = "open"
CLOSED = "closed"

DURABLE_SOLUTIONS = (
    ("voluntary_repatriation", gettext_lazy("voluntary repatriation")),
    ("local_integration", gettext_lazy("local integration")),
    ("resettlement", gettext_lazy("resettlement")),
    ("complementary_pathway", gettext_lazy("complementary pathway")),
)
SOLUTION_STATUSES = (
    ("planned", gettext_lazy("planned")),
    ("in_progress", gettext_lazy("in progress")),
    ("achieved", gettext_lazy("achieved")),
)


#: what each field kind is in JSON, for the API's description of a transition
KIND_HELP = {
    "text": "string",
    "date": "string, ISO 8601 date (YYYY-MM-DD)",
    "choice": "string, one of `choices`",
    "boolean": "boolean; when required it must be true (a confirmation)",
    "number": "number, zero or more",
    "agency": "string, the id (UUID) of an agency of the state, one of `choices`",
    "user": "string, the username of a caseworker, one of `choices` for your own agency",
}


@dataclass(frozen=True)
class Field:
    """One thing a transition requires. `kind`: text, date, choice, boolean (must be
    true when required: a confirmation), number, agency (its id), user (a username)."""

    name: str
    kind: str
    label: str | Promise
    required: bool = True
    choices: tuple[tuple[str, str | Promise], ...] = ()
    # A text the page suggests names for ("languages": typed by name, read as a code when
    # it names one); the API takes the text as it is.
    suggest: str = ""

    def describe(
        self, choices: list[tuple[str, str]] | tuple[tuple[str, str | Promise], ...] | None = None
    ) -> dict[str, Any]:
        """Machine-readable: name, type, label, whether required, and for a choice (or
        an agency or user, given by the caller) the codes allowed and their labels."""
        item: dict[str, Any] = {
            "name": self.name,
            "type": self.kind,
            "label": str(self.label),
            "required": self.required,
        }
        options = self.choices if choices is None else choices
        if options or self.kind in ("choice", "agency", "user"):
            item["choices"] = [code for code, _label in options]
            item["choice_labels"] = {code: str(label) for code, label in options}
        return item


def reasons(label: str | Promise | None = None) -> Field:
    return Field("reasons", "text", label or gettext_lazy("reasons"))


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    description: str | Promise
    roles: frozenset[str] = frozenset({CASEWORKER})
    fields: tuple[Field, ...] = ()
    guard: GuardedAction | None = None
    #: a decision: waits in the supervisor's queue when a caseworker makes it
    approval: bool = False
    #: target by outcome, where the outcome decides where the case goes
    outcome_targets: Mapping[str, str] = field(default_factory=dict)

    def allowed_from(self, state: str) -> bool:
        if ANY_OPEN in self.sources:
            return state != CLOSED
        return state in self.sources

    def target_for(self, state: str, data: Mapping[str, Any], closed_from: str) -> str:
        if self.target == CLOSED_FROM:
            return closed_from or OPEN
        outcome = data.get("outcome")
        if isinstance(outcome, str) and outcome in self.outcome_targets:
            return self.outcome_targets[outcome]
        return self.target or state

    def describe(
        self, field_choices: Mapping[str, list[tuple[str, str]]] | None = None
    ) -> dict[str, Any]:
        choices = field_choices or {}
        return {
            "name": self.name,
            "description": str(self.description),
            "from": list(self.sources),
            "to": self.target or STAY,
            "outcome_targets": dict(self.outcome_targets),
            "roles": sorted(self.roles),
            "approval": self.approval,
            "safeguard_check": self.guard.value if self.guard else None,
            "fields": [f.describe(choices.get(f.name)) for f in self.fields],
        }


@dataclass(frozen=True)
class Workflow:
    type: str
    label: str | Promise
    states: tuple[tuple[str, str | Promise], ...]
    transitions: tuple[Transition, ...]
    protection: bool = False
    description: str | Promise = ""

    @property
    def state_codes(self) -> list[str]:
        return [code for code, _label in self.states]

    def state_label(self, code: str) -> str:
        return str(dict(self.states).get(code, code))

    def transition(self, name: str) -> Transition | None:
        return next((t for t in self.transitions if t.name == name), None)

    def edges(self) -> list[tuple[str, str, str]]:
        """(from, to, transition name) for the diagram; a transition that stays in its
        state or may start anywhere is drawn once per state it leaves."""
        out: list[tuple[str, str, str]] = []
        for t in self.transitions:
            sources = (
                [s for s in self.state_codes if s != CLOSED] if ANY_OPEN in t.sources else t.sources
            )
            for source in sources:
                if t.target == CLOSED_FROM:
                    continue
                targets = {t.target or source, *t.outcome_targets.values()}
                for target in sorted(targets):
                    if target != source or t.target == STAY:
                        out.append((source, target, t.name))
        return out


def common_transitions(
    *, close_from: tuple[str, ...], withdraw: bool = True
) -> tuple[Transition, ...]:
    """`close`, `reopen`, `transfer` and `withdraw`, the same for every type (cases.md)."""
    items = [
        Transition(
            "close",
            close_from,
            CLOSED,
            gettext_lazy("Ends the case."),
            roles=frozenset({CASEWORKER, SUPERVISOR}),
            fields=(Field("reasons", "text", gettext_lazy("reasons"), required=False),),
        ),
        Transition(
            "reopen",
            (CLOSED,),
            CLOSED_FROM,
            gettext_lazy("Brings a closed case back to the state it closed from."),
            roles=frozenset({SUPERVISOR}),
            fields=(reasons(),),
        ),
        Transition(
            "transfer",
            (ANY_OPEN,),
            STAY,
            gettext_lazy(
                "Hands the case to another caseworker or agency; a non-state agency "
                "needs the person's consent or a lawful basis."
            ),
            roles=frozenset({CASEWORKER, SUPERVISOR}),
            fields=(
                Field("to_agency", "agency", gettext_lazy("to agency"), required=False),
                Field("to_assignee", "user", gettext_lazy("to caseworker"), required=False),
                reasons(),
            ),
        ),
    ]
    if withdraw:
        items.append(
            Transition(
                "withdraw",
                (ANY_OPEN,),
                CLOSED,
                gettext_lazy("Records the person's withdrawal and closes the case."),
                roles=frozenset({CASEWORKER, SUPERVISOR}),
                fields=(
                    Field("date", "date", gettext_lazy("date of withdrawal")),
                    reasons(gettext_lazy("what the person said")),
                ),
            )
        )
    return tuple(items)


def clean_data(
    fields: tuple[Field, ...], data: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Checks the data a transition requires; answers the cleaned values (JSON-ready)
    and field errors in the user's language."""
    cleaned: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for f in fields:
        value = data.get(f.name)
        if isinstance(value, str):
            value = value.strip()
        if value in (None, "", []):
            if f.required:
                errors[f.name] = [_("This field is required.")]
            continue
        try:
            cleaned[f.name] = _clean_value(f, value)
        except ValueError as exc:
            errors[f.name] = [str(exc)]
    return cleaned, errors


def _clean_value(f: Field, value: Any) -> Any:
    if f.kind in ("text", "agency", "user"):
        if not isinstance(value, str):
            raise ValueError(_("Enter text."))
        if len(value) > 20000:
            raise ValueError(_("This text is too long."))
        if f.suggest == "languages":
            from crossroads.core.names import find_language

            return find_language(value) or value  # "дари" kept as its code, prs
        return value
    if f.kind == "date":
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValueError(_("Enter a date as YYYY-MM-DD.")) from None
    if f.kind == "choice":
        if value not in [code for code, _label in f.choices]:
            raise ValueError(
                _("Choose one of: %(choices)s.")
                % {"choices": ", ".join(code for code, _label in f.choices)}
            )
        return value
    if f.kind == "boolean":
        if value in (True, "true", "on", "1", 1):
            return True
        if value in (False, "false", "off", "0", 0):
            if f.required:
                raise ValueError(_("This must be confirmed."))
            return False
        raise ValueError(_("Enter true or false."))
    if f.kind == "number":
        if isinstance(value, bool):
            raise ValueError(_("Enter a number."))
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(_("Enter a number.")) from None
        if not number.is_finite() or number < 0:
            raise ValueError(_("Enter a number of zero or more."))
        return float(number)
    raise ValueError(f.kind)  # pragma: no cover - a typo in a workflow module
