"""Keys for the drafts a browser keeps of unsaved answers (see static crossroads/drafts.js).

A draft is stored under its account's owner tag and encrypted with a key that only that
account's pages carry. The key is derived from the account and its password hash, so the
same officer finds their answers again after an expired session, while no other account
on the same browser can obtain the key; a changed password makes old drafts unreadable.
"""

from __future__ import annotations

import base64

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils.crypto import salted_hmac


def draft_owner(user: AbstractBaseUser | AnonymousUser | None) -> str:
    """A tag naming the account in the browser's storage; not a secret, not the user id."""
    if user is None or not user.is_authenticated:
        return ""
    return salted_hmac("crossroads.drafts.owner", str(user.pk), algorithm="sha256").hexdigest()[:20]


def draft_secret(user: AbstractBaseUser | AnonymousUser | None) -> str:
    """The account's 256-bit draft key, base64: given only to that account's own pages."""
    if user is None or not user.is_authenticated:
        return ""
    value = f"{user.pk}:{user.get_session_auth_hash()}"
    digest = salted_hmac("crossroads.drafts.key", value, algorithm="sha256").digest()
    return base64.b64encode(digest).decode("ascii")
