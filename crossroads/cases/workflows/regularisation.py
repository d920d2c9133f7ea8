"""Regularisation of a long-staying person: eligibility under the pack's rule in force
(`regularisation_min_years`), documents, a decision with reasons, a permit with expiry."""

from django.utils.translation import gettext_lazy as _

from crossroads.cases.vocab import CaseType

from .base import Field, Transition, Workflow, common_transitions, reasons

OUTCOMES = (("granted", _("granted")), ("refused", _("refused")))

WORKFLOW = Workflow(
    type=CaseType.REGULARISATION,
    label=CaseType.REGULARISATION.label,
    description=_("A permit to stay for a person who has lived here for years without status."),
    states=(
        ("open", _("open")),
        ("eligibility_checked", _("eligibility checked")),
        ("documents_complete", _("documents complete")),
        ("decided", _("decided")),
        ("permit_issued", _("permit issued")),
        ("closed", _("closed")),
    ),
    transitions=(
        Transition(
            "check_eligibility",
            ("open",),
            "eligibility_checked",
            _("Checks eligibility under the pack's rule; the rule and its result are recorded."),
            fields=(Field("years_in_country", "number", _("years in the country")),),
        ),
        Transition(
            "complete_documents",
            ("eligibility_checked",),
            "documents_complete",
            _("Records that the documents are complete (only if eligible)."),
            fields=(Field("documents", "text", _("documents received"), required=False),),
        ),
        Transition(
            "decide",
            ("documents_complete",),
            "decided",
            _("Decides the application, with reasons."),
            fields=(Field("outcome", "choice", _("outcome"), choices=OUTCOMES), reasons()),
        ),
        Transition(
            "issue_permit",
            ("decided",),
            "permit_issued",
            _("Issues the permit (only if granted)."),
            fields=(
                Field("permit_number", "text", _("permit number")),
                Field("expiry", "date", _("expiry")),
            ),
        ),
        *common_transitions(close_from=("eligibility_checked", "decided", "permit_issued")),
    ),
)
