"""The admin site is for configuration, and only for administrators."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .policy import Verb, role_allows


class CrossroadsAdminSite(admin.AdminSite):
    site_header = _("Crossroads administration")
    site_title = _("Crossroads administration")

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_staff
            and (user.is_superuser or role_allows(user, Verb.CONFIGURE))
        )
