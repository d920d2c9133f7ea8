"""Statelessness determination: application, evidence, a decision with reasons
(supervisor approval), and the status that follows if the person is stateless.

1954 Convention art. 1; UNHCR Handbook on Protection of Stateless Persons (2014)."""

from django.utils.translation import gettext_lazy as _

from crossroads.cases.vocab import CaseType

from .base import Field, Transition, Workflow, common_transitions, reasons

OUTCOMES = (("stateless", _("stateless")), ("not_stateless", _("not stateless")))

WORKFLOW = Workflow(
    type=CaseType.STATELESSNESS,
    label=CaseType.STATELESSNESS.label,
    protection=True,
    description=_("Determines whether the person is stateless, and grants the status."),
    states=(
        ("open", _("open")),
        ("evidence", _("gathering evidence")),
        ("decided", _("decided")),
        ("status_granted", _("status granted")),
        ("closed", _("closed")),
    ),
    transitions=(
        Transition("register_application", ("open",), "evidence", _("Registers the application.")),
        Transition(
            "decide",
            ("evidence",),
            "decided",
            _(
                "Decides whether the person is stateless, with reasons; waits for a "
                "supervisor's approval."
            ),
            fields=(Field("outcome", "choice", _("outcome"), choices=OUTCOMES), reasons()),
            approval=True,
        ),
        Transition(
            "grant_status",
            ("decided",),
            "status_granted",
            _("Grants the status of a stateless person (only if found stateless)."),
            fields=(Field("document", "text", _("document issued")),),
        ),
        *common_transitions(close_from=("decided", "status_granted")),
    ),
)
