"""Pages of emergency mode: influxes (declare, figures, queue) and the short screening."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.access.gate import require_role, role_allows
from crossroads.access.policy import user_of
from crossroads.core.clock import format_when
from crossroads.core.exceptions import InvalidInput
from crossroads.registry import queries as registry_queries

from . import actions, queries
from .forms import InfluxForm, ShortScreeningForm


@login_required
def influx_list(request: HttpRequest) -> HttpResponse:
    require_role(request.user, "register_person")
    may_declare = role_allows(request.user, "declare_influx")
    form = InfluxForm(request.POST or None) if may_declare else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            influx = actions.declare_influx(acting_user=user_of(request), **form.cleaned_data)
        except InvalidInput as exc:
            for name, errors in exc.errors.items():
                for error in errors:
                    form.add_error(name if name in form.fields else None, error)
        else:
            messages.success(request, _("Influx declared."))
            return redirect("emergency:influx_detail", influx_id=influx.pk)
    today = timezone.localdate()
    influxes = queries.influxes_of(user_of(request))[:100]
    return render(
        request,
        "emergency/influx_list.html",
        {"influxes": influxes, "form": form, "today": today},
    )


@login_required
def influx_detail(request: HttpRequest, influx_id: str) -> HttpResponse:
    influx = actions.access_influx_by_id(user_of(request), influx_id)
    context: dict[str, object] = {"influx": influx, "now": timezone.now()}
    if role_allows(request.user, "oversee_screenings"):
        context["figures"] = queries.influx_figures(user_of(request), influx)
        context["queue"] = Paginator(
            queries.full_screening_queue(user_of(request), influx), 100
        ).get_page(request.GET.get("page"))
    return render(request, "emergency/influx_detail.html", context)


@login_required
def full_screening_queue(request: HttpRequest) -> HttpResponse:
    queue = Paginator(queries.full_screening_queue(user_of(request)), 100).get_page(
        request.GET.get("page")
    )
    return render(request, "emergency/queue.html", {"queue": queue, "now": timezone.now()})


@login_required
def short_screening(request: HttpRequest, person_id: str) -> HttpResponse:
    require_role(request.user, "change_person")
    person = registry_queries.person_detail_unaudited(user_of(request), person_id)
    running = actions.running_influxes(user_of(request))
    form = ShortScreeningForm(request.POST or None)
    error = ""
    if request.method == "POST":
        try:
            short = actions.short_screen(
                acting_user=user_of(request),
                person_id=person.pk,
                influx_id=request.POST.get("influx", ""),
                form=form,
            )
        except InvalidInput as exc:
            if "influx" in exc.errors:
                error = " ".join(exc.errors["influx"])
        else:
            messages.success(
                request,
                _("Screened. The full screening is due by %(due)s.")
                % {"due": format_when(short.full_due)},
            )
            return redirect("screening:screening_detail", screening_id=short.screening_id)
    return render(
        request,
        "emergency/short_screening.html",
        {"person": person, "running": running, "form": form, "error": error},
    )
