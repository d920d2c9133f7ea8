"""Sign-ins and sign-outs go to the same trail as everything else."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import AuditAction
from .writer import record


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: AbstractBaseUser | None, **kwargs: Any) -> None:
    if user is not None:
        record(user, AuditAction.LOGIN, object_type="accounts.user", object_id=str(user.pk))


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: AbstractBaseUser | None, **kwargs: Any) -> None:
    if user is not None:
        record(user, AuditAction.LOGOUT, object_type="accounts.user", object_id=str(user.pk))


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username", ""))[:150]
    record(None, AuditAction.LOGIN_FAILED, detail={"username": username})
