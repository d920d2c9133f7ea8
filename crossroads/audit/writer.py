"""The one audit writer. Every action and every read of a person calls `record`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .context import current_origin
from .models import AuditAction, AuditEvent


def record(
    actor: Any,
    action: AuditAction | str,
    obj: Any = None,
    *,
    object_type: str = "",
    object_id: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Writes one row. `obj` is any model instance; only its type and id are kept.
    `detail` must hold no personal data: field names, counts, ids, codes."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    origin = current_origin.get()
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_username=getattr(actor, "username", "") if is_user else "",
        agency_id=getattr(actor, "agency_id", None) if is_user else None,
        action=str(action),
        object_type=object_type,
        object_id=object_id,
        ip=origin.ip,
        channel=origin.channel,
        detail=detail or {},
    )


def record_list(actor: Any, object_type: str, ids: Iterable[Any], *, searched: bool) -> AuditEvent:
    """A list or search shows several people at once: one row naming every id shown."""
    shown = [str(i) for i in ids]
    return record(
        actor,
        AuditAction.SEARCH if searched else AuditAction.LIST,
        object_type=object_type,
        detail={"ids": shown, "count": len(shown)},
    )
