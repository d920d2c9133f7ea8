"""Assistance to a victim of trafficking: a reflection and recovery period of the pack's
days, shelter and an assistance plan, cooperation with proceedings only by the person's
own choice (never required), and a durable solution.

Palermo Protocol art. 6-7; Council of Europe Convention art. 12-13; OHCHR Recommended
Principles (2002), guideline 6."""

from django.utils.translation import gettext_lazy as _

from crossroads.cases.vocab import CaseType

from .base import ANY_OPEN, DURABLE_SOLUTIONS, STAY, Field, Transition, Workflow, common_transitions

COOPERATION = (
    ("cooperates", _("chooses to cooperate with proceedings")),
    ("declines", _("chooses not to cooperate")),
    ("undecided", _("has not decided")),
)

WORKFLOW = Workflow(
    type=CaseType.TRAFFICKING_ASSISTANCE,
    label=CaseType.TRAFFICKING_ASSISTANCE.label,
    protection=True,
    description=_("Reflection and recovery, shelter and assistance, and a solution."),
    states=(
        ("open", _("open")),
        ("reflection", _("reflection period")),
        ("assisted", _("assisted")),
        ("solution_decided", _("solution decided")),
        ("closed", _("closed")),
    ),
    transitions=(
        Transition(
            "start_reflection_period",
            ("open",),
            "reflection",
            _("Starts the reflection and recovery period, for the pack's days."),
            fields=(Field("start_date", "date", _("start date")),),
        ),
        Transition(
            "agree_assistance_plan",
            ("reflection",),
            "assisted",
            _("Agrees shelter and services with the person."),
            fields=(
                Field("shelter", "text", _("shelter")),
                Field("services", "text", _("services")),
            ),
        ),
        Transition(
            "record_cooperation_choice",
            (ANY_OPEN,),
            STAY,
            _(
                "Records the person's own choice about cooperating with proceedings; "
                "never required."
            ),
            fields=(Field("choice", "choice", _("the person's choice"), choices=COOPERATION),),
        ),
        Transition(
            "decide_solution",
            ("assisted",),
            "solution_decided",
            _("Decides the durable solution with the person."),
            fields=(
                Field(
                    "durable_solution", "choice", _("durable solution"), choices=DURABLE_SOLUTIONS
                ),
            ),
        ),
        *common_transitions(close_from=("solution_decided",)),
    ),
)
