"""Pages of screening: the interview (check, then save), the screening with its referrals
to send, and lifting a safeguard. Thin: forms validate, actions write, queries read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from crossroads.access.gate import access_person_by_id, can, require_role
from crossroads.access.policy import Verb, user_of
from crossroads.access.views import requires
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record, record_list
from crossroads.core.exceptions import Conflict, Forbidden, InvalidInput
from crossroads.referrals.actions import record_consent, send_screening_referrals
from crossroads.referrals.routing import agencies_for_pathway

from . import actions, prompts, queries
from .forms import SHORTCUTS, InterviewForm, initial_from_person, with_shortcut
from .referral_forms import SendReferralsForm
from .vocab import NEED_LABELS, PATHWAY_LABELS, PRIORITY_LABELS, SAFEGUARD_LABELS


def describe_result(
    result: dict[str, Any], country: str, guidance: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """The engine's result with labels in the officer's language and, for each referral,
    the agency that would receive it. No rule is applied here."""
    referrals = []
    for item in result["referrals"]:
        agencies = agencies_for_pathway(country, item["pathway"])
        referrals.append(
            {
                **item,
                "label": PATHWAY_LABELS.get(item["pathway"], item["pathway"]),
                "priority_label": PRIORITY_LABELS.get(item["priority"], item["priority"]),
                "agency": agencies[0] if agencies else None,
                "need_labels": [NEED_LABELS.get(n, n) for n in item["needs"]],
            }
        )
    return {
        "pack": result["pack"],
        "is_child": result["is_child"],
        "needs": [{**n, "label": NEED_LABELS.get(n["code"], n["code"])} for n in result["needs"]],
        "referrals": referrals,
        "safeguards": [
            {**s, "label": SAFEGUARD_LABELS.get(s["code"], s["code"])} for s in result["safeguards"]
        ],
        "warnings": result["warnings"],
        "guidance": guidance or [],
    }


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


def sheet_languages() -> list[dict[str, str]]:
    """The languages of the printable information sheet, each named in itself."""
    from crossroads.referrals.sheets import available_languages, load_content

    return [
        {
            "code": code,
            "name": load_content(code)["language"]["name"],
            "html_lang": load_content(code)["language"]["html_lang"],
        }
        for code in available_languages()
    ]


@login_required
def screening_detail(request: HttpRequest, screening_id: str) -> HttpResponse:
    """The saved screening: its result, and the referrals to send (agency, consent)."""
    if request.method == "POST":
        require_role(request.user, "change_person")
        screening = queries.screening_detail(user_of(request), screening_id, audit_read=False)
    else:
        screening = queries.screening_detail(user_of(request), screening_id)
    person = screening.person
    sent = queries.referrals_of_screening(screening)
    may_send = can(user_of(request), "change_person", person) and not sent
    form = None
    if may_send:
        form = SendReferralsForm(
            request.POST if request.method == "POST" else None,
            referrals=screening.result["referrals"],
            country=person.country_id,
        )
        if request.method == "POST" and form.is_valid():
            try:
                with transaction.atomic():
                    for consent in form.consents():
                        record_consent(acting_user=user_of(request), person_id=person.pk, **consent)
                    done = send_screening_referrals(
                        acting_user=user_of(request),
                        screening_id=screening.pk,
                        agencies=form.agencies(),
                    )
            except InvalidInput as exc:
                form.add_action_errors(exc.errors)
            except (Conflict, Forbidden) as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    ngettext("%(n)d referral sent.", "%(n)d referrals sent.", len(done))
                    % {"n": len(done)},
                )
                return redirect("screening:screening_detail", screening_id=screening.pk)
    context = {
        "screening": screening,
        "person": person,
        "result": describe_result(
            screening.result, person.country_id, actions.officer_guidance(screening.record)
        ),
        "form": form,
        "sent": sent,
        "pack": queries.pack_of(screening),
        "sheet_languages": sheet_languages() if sent else [],
        "clear_draft": reverse("screening:interview", args=[person.pk])
        if request.GET.get("saved")
        else "",
    }
    return render(request, "screening/screening_detail.html", context)


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
