"""Case types: the one vocabulary (api.md `type`; cases.md), used by the workflows, the
models, the rules and the API alike."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseType(models.TextChoices):
    ASYLUM = "asylum", _("Asylum")
    CHILD_PROTECTION = "child_protection", _("Child protection")
    TRAFFICKING_ASSISTANCE = "trafficking_assistance", _("Assistance to a victim of trafficking")
    STATELESSNESS = "statelessness", _("Statelessness determination")
    REGULARISATION = "regularisation", _("Regularisation")
    VOLUNTARY_RETURN = "voluntary_return", _("Assisted voluntary return")
    RETURN = "return", _("Return procedure")
