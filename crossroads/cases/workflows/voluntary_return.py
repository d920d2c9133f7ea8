"""Assisted voluntary return: counselling, the person's informed consent, travel
documents, departure and reintegration follow-up. No travel step while non-refoulement
stands (cases.md rule 1), until a recorded decision lifts it."""

from django.utils.translation import gettext_lazy as _

from crossroads.cases.vocab import CaseType
from crossroads.engines.screening import GuardedAction

from .base import Field, Transition, Workflow, common_transitions

WORKFLOW = Workflow(
    type=CaseType.VOLUNTARY_RETURN,
    label=CaseType.VOLUNTARY_RETURN.label,
    description=_("A return the person chose, with counselling, consent and reintegration."),
    states=(
        ("open", _("open")),
        ("counselled", _("counselled")),
        ("consented", _("consented")),
        ("documents_ready", _("travel documents ready")),
        ("departed", _("departed")),
        ("follow_up", _("reintegration follow-up")),
        ("closed", _("closed")),
    ),
    transitions=(
        Transition(
            "counsel",
            ("open",),
            "counselled",
            _("Counsels the person on return and the alternatives."),
            fields=(Field("counselling_notes", "text", _("counselling notes"), required=False),),
        ),
        Transition(
            "record_informed_consent",
            ("counselled",),
            "consented",
            _("Records the person's signed, informed consent to return."),
            fields=(
                Field("consent_signed", "boolean", _("the person signed the consent")),
                Field("consent_date", "date", _("date signed")),
            ),
        ),
        Transition(
            "obtain_travel_documents",
            ("consented",),
            "documents_ready",
            _("Obtains the travel documents."),
            fields=(Field("travel_document", "text", _("travel document"), required=False),),
            guard=GuardedAction.VOLUNTARY_RETURN_TRAVEL,
        ),
        Transition(
            "depart",
            ("documents_ready",),
            "departed",
            _("Records the departure."),
            fields=(Field("date", "date", _("date of departure")),),
            guard=GuardedAction.VOLUNTARY_RETURN_TRAVEL,
        ),
        Transition(
            "follow_up",
            ("departed",),
            "follow_up",
            _("Records reintegration support and follow-up."),
            fields=(Field("reintegration", "text", _("reintegration")),),
        ),
        *common_transitions(close_from=("follow_up",)),
    ),
)
