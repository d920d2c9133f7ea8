"""Sign-in actions: every login, failure, token and language change is audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.db import transaction
from rest_framework.authtoken.models import Token

from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record

from .models import User


def issue_token(*, request: Any, username: str, password: str) -> str | None:
    user = authenticate(request, username=username, password=password)
    if user is None or not user.is_active:
        return None  # the failure is audited by the user_login_failed signal
    with transaction.atomic():
        token, _created = Token.objects.get_or_create(user=user)
        record(
            user,
            AuditAction.TOKEN,
            object_type="accounts.user",
            object_id=str(user.pk),
            detail={"issued": True},
        )
    return str(token.key)


def revoke_token(*, acting_user: User) -> None:
    with transaction.atomic():
        Token.objects.filter(user=acting_user).delete()
        record(
            acting_user,
            AuditAction.TOKEN,
            object_type="accounts.user",
            object_id=str(acting_user.pk),
            detail={"revoked": True},
        )


def set_language(*, acting_user: User, language: str) -> None:
    with transaction.atomic():
        acting_user.language = language
        acting_user.save(update_fields=["language"])
        record(
            acting_user,
            AuditAction.UPDATE,
            object_type="accounts.user",
            object_id=str(acting_user.pk),
            detail={"fields": ["language"]},
        )
