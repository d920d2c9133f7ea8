"""The audit trail as sentences: "Read by kg-caseworker, Refugee department, 7 Dec 2026,
09:42 (Bishkek time)". The trail keeps its machine fields (the API shows them); the page
shows what happened, to what, by whom and when, in the reader's words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crossroads.core.clock import format_when

RECORD_LABELS = {
    "registry.person": gettext_lazy("the person's record"),
    "screening.screening": gettext_lazy("a screening"),
    "referrals.referral": gettext_lazy("a referral"),
    "referrals.consent": gettext_lazy("a consent"),
    "cases.case": gettext_lazy("a case"),
    "cases.approval": gettext_lazy("a decision waiting for approval"),
    "cases.casedocument": gettext_lazy("a case document"),
    "cases.note": gettext_lazy("a case note"),
    "cases.servicedelivered": gettext_lazy("a service delivered"),
    "cases.task": gettext_lazy("a case task"),
    "accounts.user": gettext_lazy("a user account"),
    "statistics": gettext_lazy("statistics"),
}

ACTION_SENTENCES = {
    "read": gettext_lazy("%(what)s was read by %(who)s"),
    "list": gettext_lazy("%(what)s was shown in a list to %(who)s"),
    "search": gettext_lazy("%(what)s was found in a search by %(who)s"),
    "create": gettext_lazy("%(what)s was created by %(who)s"),
    "update": gettext_lazy("%(what)s was changed by %(who)s"),
    "export": gettext_lazy("%(what)s was exported by %(who)s"),
    "login": gettext_lazy("%(who)s logged in"),
    "login_failed": gettext_lazy("A log-in as %(who)s failed"),
    "logout": gettext_lazy("%(who)s logged out"),
    "token": gettext_lazy("An access token of %(who)s was issued or revoked"),
    "denied": gettext_lazy("%(who)s was refused access to %(what)s"),
}

DETAIL_LABELS = {
    "audit_trail": gettext_lazy("on the page of the audit trail"),
    "screening_interview": gettext_lazy("in the screening interview"),
    "household": gettext_lazy("among the household's cases"),
    "admin": gettext_lazy("in the administration"),
}


def _detail(detail: dict[str, Any]) -> str:
    parts: list[str] = []
    for key in ("view", "via"):
        value = detail.get(key)
        if value in DETAIL_LABELS:
            parts.append(str(DETAIL_LABELS[value]))
    if detail.get("fields"):
        fields = ", ".join(str(f).replace("_", " ") for f in detail["fields"])
        parts.append(_("fields changed: %(fields)s") % {"fields": fields})
    if detail.get("status"):
        parts.append(_("answer: %(status)s") % {"status": str(detail["status"]).replace("_", " ")})
    if detail.get("count"):
        parts.append(_("%(count)s records on the page") % {"count": detail["count"]})
    return "; ".join(parts)


def trail_sentences(events: Iterable[Any]) -> list[dict[str, str]]:
    """One sentence per audit row, with its time in the reader's zone; agencies are named
    with one query for the page."""
    from crossroads.accounts.models import Agency

    rows = list(events)
    names = {
        str(a.pk): a.display_name
        for a in Agency.objects.filter(pk__in={e.agency_id for e in rows if e.agency_id})
    }
    out = []
    for e in rows:
        who = e.actor_username or _("someone not logged in")
        agency = names.get(str(e.agency_id), "") if e.agency_id else ""
        if agency:
            who = _("%(user)s, %(agency)s") % {"user": who, "agency": agency}
        what = RECORD_LABELS.get(e.object_type)
        sentence_of = ACTION_SENTENCES.get(e.action)
        text = (
            str(sentence_of) % {"what": str(what or _("a record")), "who": who}
            if sentence_of is not None
            else _("%(who)s acted") % {"who": who}
        )
        out.append(
            {
                "sentence": text[:1].upper() + text[1:],
                "when": format_when(e.at),
                "detail": _detail(e.detail or {}),
                "channel": str(e.channel or ""),
            }
        )
    return out
