"""Reads of the conflicts that offline changes left: one filter, the gate's, for the page,
the API and the resolving page."""

from __future__ import annotations

from django.db.models import QuerySet

from crossroads.access.gate import visible_persons_q
from crossroads.accounts.models import User

from .models import SyncConflict


def open_conflicts_visible_to(user: User) -> QuerySet[SyncConflict]:
    """Open conflicts on people the user may see: the gate's correlated filter on each
    conflict's person (no list of every person the agency sees)."""
    return SyncConflict.objects.filter(
        visible_persons_q(user, prefix="person"), status=SyncConflict.Status.OPEN
    )


def conflict_visible_to(user: User, conflict_id: object) -> SyncConflict | None:
    from crossroads.access.policy import id_or_none

    pk = id_or_none(conflict_id)
    if pk is None:
        return None
    return (
        SyncConflict.objects.filter(visible_persons_q(user, prefix="person"), pk=pk)
        .select_related("person", "made_by")
        .first()
    )
