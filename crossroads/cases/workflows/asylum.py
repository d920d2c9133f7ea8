"""Asylum: registration, interview(s) with an interpreter, a decision with reasons
(supervisor approval), notification, appeal within the deadline, final.

1951 Convention and 1967 Protocol; UNHCR Procedural Standards for RSD (2020). Where the
state's pack has no national asylum procedure, the same steps are UNHCR's mandate
procedure (the case says so)."""

from django.utils.translation import gettext_lazy as _

from crossroads.cases.vocab import CaseType

from .base import Field, Transition, Workflow, common_transitions, reasons

OUTCOMES = (
    ("recognised", _("recognised as a refugee")),
    ("complementary_protection", _("complementary protection")),
    ("rejected", _("rejected")),
)

WORKFLOW = Workflow(
    type=CaseType.ASYLUM,
    label=CaseType.ASYLUM.label,
    protection=True,
    description=_("A claim for international protection, from registration to a final decision."),
    states=(
        ("open", _("open")),
        ("registered", _("registered")),
        ("interviewed", _("interviewed")),
        ("decided", _("decided")),
        ("notified", _("notified")),
        ("appealed", _("appealed")),
        ("final", _("final")),
        ("closed", _("closed")),
    ),
    transitions=(
        Transition("register_claim", ("open",), "registered", _("Registers the claim.")),
        Transition(
            "record_interview",
            ("registered", "interviewed"),
            "interviewed",
            _("Records an interview, held with an interpreter in the person's language."),
            fields=(
                Field("interviewer", "text", _("interviewer")),
                Field(
                    "interpreter_language",
                    "text",
                    _("interpreter language"),
                    suggest="languages",
                ),
                Field("interview_record", "text", _("record of the interview")),
            ),
        ),
        Transition(
            "decide",
            ("interviewed",),
            "decided",
            _("Decides the claim, with reasons; waits for a supervisor's approval."),
            fields=(Field("outcome", "choice", _("outcome"), choices=OUTCOMES), reasons()),
            approval=True,
        ),
        Transition(
            "notify",
            ("decided",),
            "notified",
            _("Notifies the person of the decision; the appeal deadline starts."),
            fields=(
                Field("date", "date", _("date of notification")),
                Field("appeal_days", "number", _("days to appeal"), required=False),
            ),
        ),
        Transition(
            "lodge_appeal",
            ("notified",),
            "appealed",
            _("Records an appeal lodged within the deadline."),
            fields=(Field("grounds", "text", _("grounds of appeal"), required=False),),
        ),
        Transition(
            "decide_appeal",
            ("appealed",),
            "final",
            _("Records the decision on appeal, with reasons."),
            fields=(Field("outcome", "choice", _("outcome"), choices=OUTCOMES), reasons()),
        ),
        Transition(
            "finalise",
            ("notified",),
            "final",
            _("The decision becomes final: the appeal deadline passed with no appeal."),
        ),
        *common_transitions(close_from=("final",)),
    ),
)
