"""Child protection: a best-interests assessment within the pack's deadline, a guardian,
a care arrangement, family tracing, and a best-interests determination (supervisor
approval) that decides the durable solution. Only the determination closes the case.

CRC art. 3 and 20; UNHCR Best Interests Procedure Guidelines (2021)."""

from django.utils.translation import gettext_lazy as _

from crossroads.cases.vocab import CaseType

from .base import DURABLE_SOLUTIONS, Field, Transition, Workflow, common_transitions, reasons

WORKFLOW = Workflow(
    type=CaseType.CHILD_PROTECTION,
    label=CaseType.CHILD_PROTECTION.label,
    protection=True,
    description=_(
        "An unaccompanied, separated or at-risk child, to a best-interests determination."
    ),
    states=(
        ("open", _("open")),
        ("assessed", _("assessed")),
        ("guardian_appointed", _("guardian appointed")),
        ("care_arranged", _("care arranged")),
        ("tracing", _("family tracing")),
        ("determined", _("best interests determined")),
        ("closed", _("closed")),
    ),
    transitions=(
        Transition(
            "assess_best_interests",
            ("open",),
            "assessed",
            _("Assesses the child's best interests, within the pack's deadline."),
            fields=(
                Field("assessment", "text", _("assessment")),
                Field("delay_reasons", "text", _("why the deadline was missed"), required=False),
            ),
        ),
        Transition(
            "appoint_guardian",
            ("assessed",),
            "guardian_appointed",
            _("Records the guardian appointed for the child."),
            fields=(Field("guardian", "text", _("guardian")),),
        ),
        Transition(
            "arrange_care",
            ("guardian_appointed",),
            "care_arranged",
            _("Records the care arrangement."),
            fields=(Field("arrangement", "text", _("care arrangement")),),
        ),
        Transition(
            "start_tracing",
            ("care_arranged",),
            "tracing",
            _("Starts tracing the child's family."),
            fields=(
                Field(
                    "relatives_found",
                    "text",
                    _("reference numbers of relatives found"),
                    required=False,
                ),
            ),
        ),
        Transition(
            "determine_best_interests",
            ("tracing", "care_arranged"),
            "determined",
            _(
                "A panel determines the child's best interests and decides the durable "
                "solution; waits for a supervisor's approval."
            ),
            fields=(
                Field("panel", "text", _("panel")),
                Field(
                    "durable_solution", "choice", _("durable solution"), choices=DURABLE_SOLUTIONS
                ),
                reasons(),
            ),
            approval=True,
        ),
        # withdraw: not for a child; only the determination closes (cases.md).
        *common_transitions(close_from=("determined",), withdraw=False),
    ),
)
