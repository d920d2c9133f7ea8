"""The policy at the API's door: a view names the verb it needs, and the policy answers
before the view runs (403 for a role that may never do it)."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from .policy import require


class PolicyPermission(BasePermission):
    """Asks the policy for the view's `required_verb` (none: any signed-in user)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False  # 401
        verb = getattr(view, "required_verb", None)
        if verb:
            require(request.user, verb)
        return True
