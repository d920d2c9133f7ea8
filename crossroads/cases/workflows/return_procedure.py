"""The return procedure: only while no protection safeguard stands (checked by the one
safeguard check), alternatives to detention considered and recorded first, no child
ever detained, every step with its legal basis and the person's right to appeal.

1951 Convention art. 33; CAT art. 3; EU Return Directive art. 15 as good practice; UNHCR
Detention Guidelines (2012) 4.1-4.3; UNHCR position on child detention (2017)."""

from django.utils.translation import gettext_lazy as _

from crossroads.cases.vocab import CaseType
from crossroads.engines.screening import GuardedAction

from .base import ANY_OPEN, Field, Transition, Workflow, common_transitions, reasons

APPEAL_OUTCOMES = (
    ("rejected", _("appeal rejected: the decision stands")),
    ("allowed", _("appeal allowed: the decision is quashed")),
)

WORKFLOW = Workflow(
    type=CaseType.RETURN,
    label=CaseType.RETURN.label,
    description=_(
        "A return decision for a person with no protection need, with the right to appeal."
    ),
    states=(
        ("open", _("open")),
        ("alternatives_considered", _("alternatives to detention considered")),
        ("decided", _("return decided")),
        ("appealed", _("appealed")),
        ("detained", _("detained")),
        ("removed", _("removed")),
        ("closed", _("closed")),
    ),
    transitions=(
        Transition(
            "consider_alternatives",
            ("open",),
            "alternatives_considered",
            _("Records the alternatives to detention and why each does or does not serve."),
            fields=(
                Field(
                    "alternatives",
                    "text",
                    _("alternatives to detention, and why each does or does not serve"),
                ),
            ),
        ),
        Transition(
            "issue_return_decision",
            ("alternatives_considered",),
            "decided",
            _(
                "Issues the return decision with its legal basis; the person is told of "
                "the right to appeal and its deadline."
            ),
            fields=(
                Field("legal_basis", "text", _("legal basis")),
                Field(
                    "appeal_informed", "boolean", _("the person was told of the right to appeal")
                ),
                Field("appeal_deadline", "date", _("appeal deadline")),
            ),
            guard=GuardedAction.ISSUE_RETURN_DECISION,
        ),
        Transition(
            "lodge_appeal",
            ("decided",),
            "appealed",
            _("Records the person's appeal."),
            fields=(Field("grounds", "text", _("grounds of appeal"), required=False),),
        ),
        Transition(
            "decide_appeal",
            ("appealed",),
            "decided",
            _("Records the decision on appeal, with reasons; an appeal allowed closes the case."),
            fields=(Field("outcome", "choice", _("outcome"), choices=APPEAL_OUTCOMES), reasons()),
            outcome_targets={"allowed": "closed"},
        ),
        Transition(
            "order_detention",
            ("decided",),
            "detained",
            _("Orders detention: only where no alternative serves; never a child."),
            fields=(
                reasons(_("why no alternative serves")),
                Field("legal_basis", "text", _("legal basis")),
                Field("review_date", "date", _("review date")),
            ),
            guard=GuardedAction.ORDER_DETENTION,
        ),
        Transition(
            "remove",
            ("decided", "detained"),
            "removed",
            _(
                "Records the removal: only after the appeal deadline passed or the "
                "appeal was rejected."
            ),
            fields=(
                Field("date", "date", _("date of removal")),
                Field("legal_basis", "text", _("legal basis")),
            ),
            guard=GuardedAction.REMOVE,
        ),
        # A return case may be closed from any step (for instance when a protection need
        # appears); the reasons are recorded.
        *common_transitions(close_from=(ANY_OPEN,)),
    ),
)
