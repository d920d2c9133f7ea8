"""The saved screening's page: its result, and the referrals to send from it (receiving
agency, consent). It is the screening app's page (`screening:screening_detail`, its
template `screening/screening_detail.html`), served from here because sending referrals
is this app's work; the wiring (crossroads/urls.py) routes it under the screening's name."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext

from crossroads.access.gate import can, require_role
from crossroads.access.policy import user_of
from crossroads.core.exceptions import Conflict, Forbidden, InvalidInput
from crossroads.screening import actions as screening_actions
from crossroads.screening import queries
from crossroads.screening.display import describe_result

from .actions import record_consent, send_screening_referrals
from .screening_forms import SendReferralsForm


def sheet_languages() -> list[dict[str, str]]:
    """The languages of the printable information sheet, each named in itself."""
    from .sheets import available_languages, load_content

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
            screening.result,
            person.country_id,
            screening_actions.officer_guidance(screening.record),
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
