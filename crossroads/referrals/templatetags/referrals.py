"""Inclusion tags that other pages use: the referrals and consents on a person's page,
and the overdue referrals a supervisor sees on the home page."""

from __future__ import annotations

from typing import Any

from django import template

from crossroads.access.gate import can

from .. import queries
from ..disclosure import referral_display

register = template.Library()

HOME_LIMIT = 10


@register.inclusion_tag("referrals/_person_referrals.html", takes_context=True)
def person_referrals(context: template.Context, person: Any) -> dict[str, Any]:
    """The person's referrals sent or received by the user's agency, and the consents the
    user may see; read through the gate like every list, and audited as one."""
    user = context["request"].user
    referrals = list(queries.referrals_of_person(user, person.pk))
    queries.audit_referral_list(user, referrals)
    consents = list(queries.consent_list(user, person_id=person.pk))
    queries.audit_consent_list(user, consents)
    return {
        "person": person,
        "rows": [referral_display(r) for r in referrals],
        "consents": consents,
        "may_change": can(user, "change_person", person),
    }


@register.inclusion_tag("referrals/_overdue_home.html", takes_context=True)
def overdue_referrals(context: template.Context) -> dict[str, Any]:
    """For a supervisor: the overdue referrals sent by or to their agency (nothing for
    anyone else)."""
    user = context["request"].user
    referrals = queries.overdue_for_supervisor(user)
    shown = list(referrals[:HOME_LIMIT])
    if shown:
        queries.audit_referral_list(user, shown)
    return {
        "rows": [referral_display(r) for r in shown],
        "total": referrals.count() if shown else 0,
        "box": "",
    }
