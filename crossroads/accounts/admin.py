from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record

from .models import Agency, Country, User
from .vocab import Role


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Configuration changes go to the same audit trail as everything else."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        record(
            request.user,
            AuditAction.UPDATE if change else AuditAction.CREATE,
            obj,
            detail={"fields": sorted(form.changed_data), "via": "admin"},
        )


@admin.register(Country)
class CountryAdmin(AuditedAdmin):
    list_display = ["code", "name", "hosted"]


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["name", "kind", "country", "active"]
    list_filter = ["country", "kind"]
    search_fields = ["name"]


class UserRolesForm(forms.ModelForm):  # type: ignore[type-arg]
    roles = forms.MultipleChoiceField(
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("roles"),
    )

    class Meta:
        model = User
        fields = ["username", "agency", "roles", "language", "is_active", "is_staff"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, AuditedAdmin):  # type: ignore[type-arg]
    form = UserRolesForm
    list_display = ["username", "agency", "roles", "is_active"]
    list_filter = ["agency__country", "is_active"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Crossroads"), {"fields": ("agency", "roles", "language")}),
    )
