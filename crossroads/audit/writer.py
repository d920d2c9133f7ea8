"""The one audit writer. Every action and every read of a person calls `record`."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from .context import current_origin
from .models import AuditAction, AuditEvent

# Who did it: an account, or no one (a failed log-in, a command run by the system).
Actor = AbstractBaseUser | AnonymousUser | None


def record(
    actor: Actor,
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
        actor_id=actor.pk if is_user and actor is not None else None,
        actor_username=getattr(actor, "username", "") if is_user else "",
        agency_id=getattr(actor, "agency_id", None) if is_user else None,
        action=str(action),
        object_type=object_type,
        object_id=object_id,
        ip=origin.ip,
        channel=origin.channel,
        detail=detail or {},
    )


def record_list(
    actor: Actor, object_type: str, ids: Iterable[Any], *, searched: bool
) -> AuditEvent:
    """A list or search shows several people at once: one row naming every id shown."""
    shown = [str(i) for i in ids]
    return record(
        actor,
        AuditAction.SEARCH if searched else AuditAction.LIST,
        object_type=object_type,
        detail={"ids": shown, "count": len(shown)},
    )


# Refusals written inside a transaction that the caller then rolls back (an action that
# raises NotFound rolls back its own atomic block) would vanish with it. Each refusal is
# written at once and remembered here; when the request (or command) ends, any that the
# rollback removed is written again, outside the rolled-back transaction.
_pending_refusals: ContextVar[list[dict[str, Any]] | None] = ContextVar(
    "pending_refusals", default=None
)


def record_refusal(
    actor: Actor,
    *,
    object_type: str,
    object_id: str,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """The one way to record a refused read or write: a `denied` row that the caller's
    rollback does not erase (see `refusals_survive_rollback`)."""
    marked = {**(detail or {}), "refusal": uuid.uuid4().hex}
    event = record(
        actor, AuditAction.DENIED, object_type=object_type, object_id=object_id, detail=marked
    )
    pending = _pending_refusals.get()
    if pending is not None and connection.in_atomic_block:
        pending.append(
            {"actor": actor, "object_type": object_type, "object_id": object_id, "detail": marked}
        )
    return event


@contextmanager
def refusals_survive_rollback() -> Iterator[None]:
    """Wraps a request or a command: refusals recorded inside it that a rollback removed
    are written again when it ends, so a refused write still leaves its trace."""
    token = _pending_refusals.set([])
    try:
        yield
    finally:
        pending = _pending_refusals.get() or []
        _pending_refusals.reset(token)
        if pending:
            marks = [p["detail"]["refusal"] for p in pending]
            kept = set(
                AuditEvent.objects.filter(
                    action=AuditAction.DENIED, detail__refusal__in=marks
                ).values_list("detail__refusal", flat=True)
            )
            for item in pending:
                if item["detail"]["refusal"] not in kept:
                    record(
                        item["actor"],
                        AuditAction.DENIED,
                        object_type=item["object_type"],
                        object_id=item["object_id"],
                        detail=item["detail"],
                    )
