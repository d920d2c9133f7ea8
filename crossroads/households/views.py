"""The household page: a family registered in one go, keyboard first."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of
from crossroads.identity.matching import draft_records
from crossroads.identity.queries import possibly_registered_before

from . import actions, queries
from .forms import household_members, member_forms

# The same threshold as the one-person page: a candidate this likely is looked at first.
CONFIRM_FROM = 0.3
VISIBLE_ROWS = 6  # the person in charge and five members; the rest fold away


@login_required
def household_register(request: HttpRequest) -> HttpResponse:
    require_role(request.user, "register_person")
    forms_ = member_forms(request.POST if request.method == "POST" else None)
    context = {"head": forms_[0], "rows": forms_[1:VISIBLE_ROWS], "more": forms_[VISIBLE_ROWS:]}
    if request.method != "POST":
        return render(request, "households/household_form.html", context)
    members = household_members(forms_)
    if members is None:
        return render(request, "households/household_form.html", context)
    if not request.POST.get("confirmed"):
        # "Possibly registered before", for every member at once, before anyone is saved.
        checks = []
        for member in members:
            values = member.person.values
            found = possibly_registered_before(user_of(request), draft_records(values, None), top=5)
            found = [c for c in found if c["probability"] >= CONFIRM_FROM]
            if found:
                name = " ".join(p for p in (values["given_name"], values["family_name"]) if p)
                checks.append({"name": name, "candidates": found})
        if checks:
            return render(request, "households/household_form.html", {**context, "checks": checks})
    household = actions.register_household(acting_user=user_of(request), members=members)
    messages.success(
        request,
        ngettext(
            "Household registered: %(n)d person.",
            "Household registered: %(n)d people.",
            len(members),
        )
        % {"n": len(members)},
    )
    return redirect("households:household_detail", household_id=household.pk)


@login_required
def household_detail(request: HttpRequest, household_id: str) -> HttpResponse:
    household, members = queries.household_detail(user_of(request), household_id)
    return render(
        request, "households/household_detail.html", {"household": household, "members": members}
    )
