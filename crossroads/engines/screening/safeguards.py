"""Safeguard semantics: which active safeguard forbids which action.

The product calls :func:`blocking` before every step that a safeguard can forbid (opening
a return case, a case transition, a referral, an export, a detention record) and refuses
the step, naming the safeguards, when the answer is not empty. The table is written once
here, from the safeguard table of ``screening.md`` section 3 and the rules that hold
always in ``cases.md`` (rules 1 and 2).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from .vocab import RETURN_BLOCKING_SAFEGUARDS, Safeguard


class GuardedAction(enum.StrEnum):
    """A step that some safeguard can forbid."""

    #: open a ``return`` case
    OPEN_RETURN_CASE = "open_return_case"
    #: the ``issue_return_decision`` transition of a return case
    ISSUE_RETURN_DECISION = "issue_return_decision"
    #: the ``order_detention`` transition of a return case
    ORDER_DETENTION = "order_detention"
    #: the ``remove`` transition of a return case
    REMOVE = "remove"
    #: ``obtain_travel_documents`` and ``depart`` of a voluntary-return case
    VOLUNTARY_RETURN_TRAVEL = "voluntary_return_travel"
    #: send a referral, record or any data about the person to the country of origin
    SHARE_WITH_ORIGIN_STATE = "share_with_origin_state"
    #: create any detention record for the person
    DETAIN = "detain"
    #: a fine, prosecution or other penalty for irregular entry or stay, or compelled acts
    PENALISE_IRREGULAR_ENTRY = "penalise_irregular_entry"
    #: make assistance or stay depend on cooperating with proceedings
    REQUIRE_COOPERATION = "require_cooperation"
    #: transfer a child (to another state, carer or agency) without a best-interests decision
    TRANSFER_WITHOUT_BID = "transfer_without_bid"
    #: go on with a procedure before a guardian is appointed
    PROCEED_WITHOUT_GUARDIAN = "proceed_without_guardian"
    #: separate a child from the accompanying parent or guardian
    SEPARATE_FROM_FAMILY = "separate_from_family"
    #: send violence, exploitation or health details to a pathway that does not need them
    SHARE_SENSITIVE_DETAILS = "share_sensitive_details"
    #: treat the person as an adult (adult procedure, adult accommodation)
    TREAT_AS_ADULT = "treat_as_adult"


_RETURN = RETURN_BLOCKING_SAFEGUARDS

#: For each action, the safeguards that forbid it while active.
BLOCKED_BY: Mapping[GuardedAction, frozenset[Safeguard]] = MappingProxyType(
    {
        # cases.md rule 1; 1951 Convention art. 33, CAT art. 3; reflection period
        # (OHCHR Principles 2002, guideline 6); best interests first (CRC art. 3).
        GuardedAction.OPEN_RETURN_CASE: _RETURN,
        GuardedAction.ISSUE_RETURN_DECISION: _RETURN,
        GuardedAction.REMOVE: _RETURN,
        # cases.md rules 1 and 2; UNHCR position on child detention (2017).
        GuardedAction.ORDER_DETENTION: _RETURN | {Safeguard.NO_DETENTION_CHILD},
        # cases.md rule 1: a voluntary return waits while non_refoulement stands; a
        # child's return needs a best-interests determination first.
        GuardedAction.VOLUNTARY_RETURN_TRAVEL: frozenset(
            {Safeguard.NON_REFOULEMENT, Safeguard.BEST_INTERESTS_FIRST}
        ),
        # screening.md section 6: nothing goes to the country of origin, consent or not.
        GuardedAction.SHARE_WITH_ORIGIN_STATE: frozenset({Safeguard.NON_REFOULEMENT}),
        GuardedAction.DETAIN: frozenset({Safeguard.NO_DETENTION_CHILD}),
        # 1951 Convention art. 31; Smuggling Protocol art. 5; OHCHR Principle 7.
        GuardedAction.PENALISE_IRREGULAR_ENTRY: frozenset({Safeguard.NON_PUNISHMENT}),
        GuardedAction.REQUIRE_COOPERATION: frozenset({Safeguard.REFLECTION_PERIOD}),
        GuardedAction.TRANSFER_WITHOUT_BID: frozenset({Safeguard.BEST_INTERESTS_FIRST}),
        GuardedAction.PROCEED_WITHOUT_GUARDIAN: frozenset({Safeguard.GUARDIAN_REQUIRED}),
        GuardedAction.SEPARATE_FROM_FAMILY: frozenset({Safeguard.FAMILY_UNITY}),
        GuardedAction.SHARE_SENSITIVE_DETAILS: frozenset({Safeguard.CONFIDENTIALITY}),
        GuardedAction.TREAT_AS_ADULT: frozenset({Safeguard.PRESUMPTION_OF_MINORITY}),
    }
)


def blocking(action: GuardedAction | str, active_safeguards: Iterable[str]) -> list[str]:
    """The codes among ``active_safeguards`` that forbid ``action``, sorted.

    An empty list means no safeguard stands in the way. An unknown action or safeguard
    code raises ``ValueError``: a typo must never let a forbidden step through.
    """
    guarded = GuardedAction(action)
    active = {Safeguard(code) for code in active_safeguards}
    return sorted(code.value for code in active & BLOCKED_BY[guarded])


__all__ = ["BLOCKED_BY", "GuardedAction", "blocking"]
