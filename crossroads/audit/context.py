"""Where a request came from, so that actions deep below a view can audit it without
passing the request around. Set by `AuditContextMiddleware` for pages and API alike."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    ip: str = ""
    channel: str = "system"  # "web", "api", "cli", "system"


NO_ORIGIN = Origin()
current_origin: ContextVar[Origin] = ContextVar("current_origin", default=NO_ORIGIN)
