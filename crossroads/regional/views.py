"""Pages of the regional picture: a supervisor's publications of their state, and the
regional analyst's side-by-side picture with the import of bundles. Thin: actions and
queries do the work; the gate decides who may."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crossroads.access.gate import require_role, role_allows
from crossroads.access.policy import user_of
from crossroads.core.exceptions import Conflict, InvalidInput
from crossroads.statistics.periods import containing
from crossroads.statistics.queries import period_label

from .actions import import_bundle, publish_statistics, withdraw_publication
from .display import picture_context
from .queries import bundle_of, publications_visible_to, regional_picture


def closed_periods(count: int = 12) -> list[tuple[str, str]]:
    """The last closed months and quarters, newest first: what a supervisor may publish."""
    today = timezone.localdate()
    found: list[tuple[str, str]] = []
    month = containing("month", today)
    for _i in range(count):
        month = containing("month", month.start.replace(day=1) - dt.timedelta(days=1))
        found.append((month.code, period_label(month)))
    quarter = containing("quarter", today)
    for _i in range(4):
        quarter = containing("quarter", quarter.start - dt.timedelta(days=1))
        found.append((quarter.code, period_label(quarter)))
    return found


@login_required
def publications(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require_role(user, "publish_statistics")
    if request.method == "POST":
        try:
            publish_statistics(acting_user=user, period=request.POST.get("period", ""))
        except InvalidInput as error:
            for problems in error.errors.values():
                for problem in problems:
                    messages.error(request, problem)
        except Conflict as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Published to the region."))
        return HttpResponseRedirect(reverse("regional:publications"))
    rows = [
        (p, period_label(containing("quarter" if "Q" in p.period else "month", p.starts)))
        for p in publications_visible_to(user)[:100]
    ]
    return render(
        request,
        "regional/publications.html",
        {"rows": rows, "periods": closed_periods()},
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, publication_id: str) -> HttpResponse:
    try:
        withdraw_publication(acting_user=user_of(request), publication_id=publication_id)
    except Conflict as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Withdrawn from the region."))
    return HttpResponseRedirect(reverse("regional:publications"))


@login_required
def bundle(request: HttpRequest, publication_id: str) -> HttpResponse:
    response = HttpResponse(
        bundle_of(user_of(request), publication_id), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="crossroads-bundle.json"'
    return response


@login_required
def picture(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require_role(user, "view_regional")
    if request.method == "POST":
        require_role(user, "import_bundle")
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Choose a bundle file."))
        else:
            try:
                import_bundle(acting_user=user, content=upload.read())
            except InvalidInput as error:
                for problems in error.errors.values():
                    for problem in problems:
                        messages.error(request, problem)
            except Conflict as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("The bundle was verified and imported."))
        return HttpResponseRedirect(reverse("regional:picture"))
    period = request.GET.get("period", "")
    nationality = request.GET.get("nationality", "AF")
    if not nationality.isalpha() or len(nationality) != 2:
        nationality = "AF"
    picture = regional_picture(user, period=period, nationality=nationality.upper())
    context = picture_context(picture)
    context["may_import"] = role_allows(user, "import_bundle")
    return render(request, "regional/picture.html", context)
