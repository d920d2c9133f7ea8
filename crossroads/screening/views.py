"""Pages of screening: the interview (check, then save), the screening with its referrals
to send, and lifting a safeguard. Thin: forms validate, actions write, queries read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crossroads.access.gate import access_person_by_id, require_role
from crossroads.access.policy import Verb, user_of
from crossroads.access.views import requires
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record, record_list
from crossroads.core.exceptions import Conflict, InvalidInput

from . import actions, prompts, queries
from .display import describe_result
from .forms import SHORTCUTS, InterviewForm, initial_from_person, with_shortcut
from .vocab import NEED_LABELS


@login_required
def screening_list(request: HttpRequest) -> HttpResponse:
    """Recent screenings of the people the user may see, newest first."""
    require_role(request.user, "view_sensitive")
    page = Paginator(queries.screenings_visible_to(user_of(request)), 50).get_page(
        request.GET.get("page")
    )
    record_list(request.user, "screening.screening", [s.pk for s in page], searched=False)
    for screening in page:
        screening.need_labels = [  # type: ignore[attr-defined]
            NEED_LABELS.get(n["code"], n["code"]) for n in screening.result.get("needs", [])
        ]
    return render(request, "screening/screening_list.html", {"page": page})


@login_required
def interview(request: HttpRequest, person_id: str) -> HttpResponse:
    """The screening interview. GET shows the questions; "Check" shows the engine's result
    without saving; "Save" screens the person. A shortcut fills the usual answers."""
    person = access_person_by_id(
        user_of(request), person_id, verb="change_person", audit_read=False
    )
    if request.method == "GET":
        # The page shows the person's registered details: a read, audited once.
        record(request.user, AuditAction.READ, person, detail={"view": "screening_interview"})
    country = person.country_id
    language = prompts.language_for(
        person.languages, request.GET.get("lang") or request.POST.get("prompt_lang")
    )
    result = None
    shortcut = request.POST.get("shortcut", "")
    action = request.POST.get("action", "")
    if request.method == "POST" and shortcut in SHORTCUTS:
        form = InterviewForm(initial=with_shortcut(request.POST, shortcut), country=country)
    elif request.method == "POST":
        form = InterviewForm(request.POST, country=country, saving=action == "save")
        if form.is_valid():
            record_data = form.to_record()
            try:
                if action == "save":
                    screening = actions.screen_person(
                        acting_user=user_of(request), person_id=person.pk, record_data=record_data
                    )
                    messages.success(
                        request, _("Screening saved as %(ref)s.") % {"ref": screening.reference}
                    )
                    url = reverse("screening:screening_detail", args=[screening.pk])
                    return redirect(f"{url}?saved=1")
                result = describe_result(
                    actions.evaluate(record_data), country, actions.officer_guidance(record_data)
                )
            except InvalidInput as exc:
                form.add_record_errors(exc.errors)
    else:
        form = InterviewForm(initial=initial_from_person(person), country=country)
    context = {
        "person": person,
        "form": form,
        "result": result,
        "shortcuts": [(key, label) for key, (label, _preset) in SHORTCUTS.items()],
        "prompts": prompts.load(language),
        "prompt_choices": prompts.choices(),
        "restore_draft": request.method == "GET",
        "country": country,
    }
    return render(request, "screening/interview.html", context)


@login_required
@require_POST
@requires(Verb.LIFT_SAFEGUARD)
def lift(request: HttpRequest, safeguard_id: str) -> HttpResponse:
    safeguard = queries.safeguard_of_person_visible_to(user_of(request), safeguard_id)
    try:
        actions.lift_safeguard(
            acting_user=user_of(request),
            safeguard_id=safeguard.pk,
            reason=request.POST.get("reason", ""),
            decision=request.POST.get("decision", ""),
        )
    except InvalidInput as exc:
        for errors in exc.errors.values():
            for message in errors:
                messages.error(request, message)
    except Conflict as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The safeguard was lifted."))
    return redirect("registry:person_detail", person_id=safeguard.person_id)
