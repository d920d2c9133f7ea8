"""The address of a record merged into another leads to the record it was merged into.

A merge keeps every name, document and history on the kept record; the merged one is no
longer shown. Its old address (bookmarked, printed, in an e-mail) must not answer "Not
found": it leads to the kept record, with a notice, when the user may see that record.
When they may not, it answers exactly as before (the gate's 404)."""

from __future__ import annotations

import uuid
from typing import Any

from crossroads.access.gate import persons_visible_to
from crossroads.accounts.models import User

from .models import Person


def kept_record_id(user: User, person_id: Any) -> uuid.UUID | None:
    """The id of the record `person_id` was merged into (following merges of merges), if
    the user may see it; None otherwise."""
    try:
        pk = uuid.UUID(str(person_id))
    except ValueError:
        return None
    seen: set[uuid.UUID] = set()
    current = pk
    for _ in range(10):
        target = Person.objects.filter(pk=current).values_list("merged_into_id", flat=True).first()
        if target is None or target in seen:
            break
        seen.add(target)
        current = target
    if current == pk:
        return None
    return current if persons_visible_to(user).filter(pk=current).exists() else None
