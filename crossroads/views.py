"""The pages every user starts from: the home page, which gathers what each role works on
from the apps, and the choice of language."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from crossroads.access.gate import role_allows
from crossroads.access.policy import user_of
from crossroads.accounts.actions import set_language
from crossroads.accounts.forms import LanguageForm
from crossroads.accounts.vocab import Role


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """One home page, with what each of the user's roles works on."""
    user = user_of(request)
    context: dict[str, Any] = {
        "roles": [Role(r).label for r in user.roles if r in Role.values],
        "recent": None,
    }
    if role_allows(user, "view_statistics") and user.country_id is not None:
        from crossroads.statistics.display import figures_context
        from crossroads.statistics.queries import state_statistics

        context.update(figures_context(state_statistics(user)))
    if role_allows(user, "view_person"):
        from crossroads.registry.queries import person_list

        recent = list(person_list(user)[:10])
        from crossroads.audit.writer import record_list

        record_list(user, "registry.person", [p.pk for p in recent], searched=False)
        context["recent"] = recent
    return render(request, "accounts/home.html", context)


@login_required
@require_POST
def language(request: HttpRequest) -> HttpResponse:
    form = LanguageForm(request.POST)
    target = request.POST.get("next") or reverse("home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("home")
    if form.is_valid():
        code = form.cleaned_data["language"]
        set_language(acting_user=user_of(request), language=code)
        translation.activate(code)
    response = HttpResponseRedirect(target)
    if form.is_valid():
        response.set_cookie("django_language", form.cleaned_data["language"], samesite="Lax")
    return response
