"""Pages of the register."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from crossroads.access.gate import can, require_role, role_allows
from crossroads.access.policy import user_of
from crossroads.access.trail import trail_of_person
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record, record_list
from crossroads.core.api import CappedPaginator
from crossroads.core.exceptions import Conflict, NotFound
from crossroads.core.names import language_name
from crossroads.identity.matching import draft_records
from crossroads.identity.queries import possibly_registered_before

from . import actions, queries
from .audit_display import trail_sentences
from .forms import PersonForm
from .merged import kept_record_id

# A candidate this likely makes the officer look before registering a second record.
CONFIRM_FROM = 0.3


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    require_role(request.user, "view_person")
    q = request.GET.get("q", "")[:200]
    page = CappedPaginator(queries.person_list(user_of(request), q=q), 50).get_page(
        request.GET.get("page")
    )
    record_list(request.user, "registry.person", [p.pk for p in page], searched=bool(q))
    return render(request, "registry/person_list.html", {"page": page, "q": q})


@login_required
def person_register(request: HttpRequest) -> HttpResponse:
    require_role(request.user, "register_person")
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.to_person_data()
        if not request.POST.get("confirmed"):
            # "Possibly registered before": shown before a second record is made.
            candidates = possibly_registered_before(
                user_of(request), draft_records(data.values, data.aliases), top=5
            )
            # A record the user may not see comes without its probability: it is listed
            # only when it is likely the same person, so it always asks for a look.
            if any(c.get("probability", 1.0) >= CONFIRM_FROM for c in candidates):
                return render(
                    request,
                    "registry/person_form.html",
                    {"form": form, "editing": False, "candidates": candidates},
                )
        person = actions.register_person(acting_user=user_of(request), data=data)
        messages.success(request, _("Registered as %(ref)s.") % {"ref": person.reference})
        return redirect("registry:person_detail", person_id=person.pk)
    return render(request, "registry/person_form.html", {"form": form, "editing": False})


@login_required
def person_detail(request: HttpRequest, person_id: str) -> HttpResponse:
    try:
        person = queries.person_detail(user_of(request), person_id)
    except NotFound:
        kept = kept_record_id(user_of(request), person_id)
        if kept is None:
            raise
        messages.info(
            request,
            _("This record was merged into the one shown here; its details are kept here."),
        )
        return redirect("registry:person_detail", person_id=kept)
    context = {
        "person": person,
        "show_sensitive": can(user_of(request), "view_sensitive", person),
        "can_change": can(user_of(request), "change_person", person),
        "can_audit": can(user_of(request), "view_audit", person),
        "languages": [language_name(c) for c in person.languages],
        "household": queries.household_of(user_of(request), person),
    }
    return render(request, "registry/person_detail.html", context)


@login_required
def person_edit(request: HttpRequest, person_id: str) -> HttpResponse:
    require_role(request.user, "change_person")
    person = queries.person_detail_unaudited(user_of(request), person_id)
    show_sensitive = can(user_of(request), "view_sensitive", person)
    initial = {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "patronymic": person.patronymic,
        "birth_date": person.birth_date,
        "birth_date_estimated": person.birth_date_estimated,
        "sex": person.sex,
        "nationalities": person.nationalities,
        "languages": person.languages,
        "ethnicity": person.ethnicity,
        "religion": person.religion,
        "version": person.version,
    }
    form = PersonForm(
        request.POST or None, initial=initial, show_sensitive=show_sensitive, editing=True
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_person(
                acting_user=user_of(request),
                person_id=person.pk,
                version=form.cleaned_data.get("version"),
                data=form.to_person_data(),
            )
        except Conflict as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("registry:person_detail", person_id=person.pk)
    return render(
        request, "registry/person_form.html", {"form": form, "editing": True, "person": person}
    )


@login_required
def person_audit(request: HttpRequest, person_id: str) -> HttpResponse:
    events = trail_of_person(user_of(request), person_id)
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    record(
        request.user,
        AuditAction.READ,
        object_type="registry.person",
        object_id=person_id,
        detail={"view": "audit_trail"},
    )
    return render(
        request,
        "registry/person_audit.html",
        {
            "page": page,
            "entries": trail_sentences(page),
            "person_id": person_id,
            "can_view": role_allows(request.user, "view_audit"),
        },
    )
