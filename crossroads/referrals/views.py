"""Pages of referrals and consents: the receiving agency's inbox, the sender's outbox, the
supervisors' overdue list, one referral with its answer, and a person's consents."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crossroads.access.gate import access_person_by_id, can, require_role
from crossroads.access.policy import Verb, role_allows, user_of
from crossroads.access.views import requires
from crossroads.accounts.models import User
from crossroads.core.exceptions import Conflict, Forbidden, InvalidInput

from . import actions, queries
from .disclosure import referral_display
from .forms import ConsentForm, DeclineForm, SendReferralForm
from .models import Referral

PAGE_SIZE = 50


def _box(request: HttpRequest, box: str) -> HttpResponse:
    require_role(request.user, "view_person")
    status = request.GET.get("status", "")
    if status not in Referral.Status.values:
        status = ""
    overdue = request.GET.get("overdue") == "true"
    referrals = queries.referral_list(user_of(request), box=box, status=status, overdue=overdue)
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    queries.audit_referral_list(user_of(request), page.object_list)
    context = {
        "box": box,
        "page": page,
        "rows": [referral_display(r) for r in page.object_list],
        "status": status,
        "overdue": overdue,
        "statuses": Referral.Status.choices,
    }
    return render(request, "referrals/box.html", context)


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    return _box(request, "in")


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    return _box(request, "out")


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    queries.require_supervisor(user_of(request))
    referrals = queries.overdue_for_supervisor(user_of(request))
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    queries.audit_referral_list(user_of(request), page.object_list)
    context = {"page": page, "rows": [referral_display(r) for r in page.object_list]}
    return render(request, "referrals/overdue.html", context)


def _detail_page(
    request: HttpRequest, referral: Referral, decline_form: DeclineForm | None = None
) -> HttpResponse:
    context = {
        "referral": referral_display(referral, detail=True),
        "may_answer": actions.may_answer_referral(user_of(request), referral),
        "decline_form": decline_form or DeclineForm(initial={"version": referral.version}),
        "person_visible": can(user_of(request), "view_person", referral.person),
        **_case_links(user_of(request), referral),
    }
    return render(request, "referrals/referral_detail.html", context)


def _case_links(user: User, referral: Referral) -> dict[str, Any]:
    """The receiving agency goes on from an accepted referral to the case behind it: the
    cases it opened from it, or the way to open one (the case page decides which types)."""
    if referral.to_agency_id != user.agency_id or referral.status != Referral.Status.ACCEPTED:
        return {}
    opened = list(referral.cases.filter(agency_id=user.agency_id).only("id", "reference"))
    return {
        "cases_opened": opened,
        "may_open_case": not opened and role_allows(user, Verb.WORK_ON_CASES),
    }


@login_required
def referral_detail(request: HttpRequest, referral_id: str) -> HttpResponse:
    return _detail_page(request, queries.referral_detail(user_of(request), referral_id))


def _version(request: HttpRequest) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@login_required
@require_POST
@requires(Verb.ANSWER_REFERRAL)
def referral_accept(request: HttpRequest, referral_id: str) -> HttpResponse:
    try:
        actions.accept_referral(
            acting_user=user_of(request), referral_id=referral_id, version=_version(request)
        )
    except Conflict as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Referral accepted."))
    return redirect("referrals:referral_detail", referral_id=referral_id)


@login_required
@require_POST
@requires(Verb.ANSWER_REFERRAL)
def referral_decline(request: HttpRequest, referral_id: str) -> HttpResponse:
    form = DeclineForm(request.POST)
    if not form.is_valid():
        referral = queries.referral_detail(user_of(request), referral_id)
        return _detail_page(request, referral, decline_form=form)
    try:
        actions.decline_referral(
            acting_user=user_of(request),
            referral_id=referral_id,
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data.get("version"),
        )
    except Conflict as exc:
        messages.error(request, exc.message)
        return redirect("referrals:referral_detail", referral_id=referral_id)
    # Declining ends the agency's access to the person: back to the inbox.
    messages.success(request, _("Referral declined."))
    return redirect("referrals:inbox")


@login_required
def person_consents(request: HttpRequest, person_id: str) -> HttpResponse:
    user = user_of(request)
    person = access_person_by_id(user, person_id, audit_read=False)
    may_record = can(user, "change_person", person)
    form = ConsentForm(request.POST or None, country=person.country_id)
    if request.method == "POST":
        require_role(user, "change_person")
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.record_consent(
                    acting_user=user,
                    person_id=person.pk,
                    to_agency_id=data["to_agency"].pk,
                    purposes=data["purposes"],
                    given_by=data["given_by"],
                    given_on=data["given_on"],
                    basis=data["basis"],
                    given_by_name=data["given_by_name"],
                    shares_sensitive=data["shares_sensitive"],
                )
            except InvalidInput as exc:
                for field, errors in exc.errors.items():
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            except Forbidden as exc:
                form.add_error("basis", exc.message)
            else:
                messages.success(request, _("Consent recorded."))
                return redirect("referrals:person_consents", person_id=person.pk)
    consents = list(queries.consent_list(user, person_id=person.pk))
    queries.audit_consent_list(user, consents)
    context = {"person": person, "consents": consents, "form": form, "may_record": may_record}
    return render(request, "referrals/consents.html", context)


@login_required
@require_POST
@requires(Verb.RECORD_CONSENT)
def consent_withdraw(request: HttpRequest, consent_id: str) -> HttpResponse:
    consent = queries.consent_detail_unaudited(user_of(request), consent_id)
    try:
        actions.withdraw_consent(acting_user=user_of(request), consent_id=consent.pk)
    except Conflict as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Consent withdrawn."))
    return redirect("referrals:person_consents", person_id=consent.person_id)


@login_required
def send_referral(request: HttpRequest, person_id: str) -> HttpResponse:
    """Refers a person by hand (the screening page sends a screening's referrals)."""
    user = user_of(request)
    require_role(user, "change_person")
    person = access_person_by_id(user, person_id, verb="change_person", audit_read=False)
    form = SendReferralForm(request.POST or None, country=person.country_id, person=person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = actions.send_referral(
                acting_user=user,
                person_id=person.pk,
                pathway=data["pathway"],
                priority=data["priority"],
                needs=data["needs"],
                to_agency_id=data["to_agency"].pk if data["to_agency"] else None,
                note=data["note"],
            )
        except Conflict as exc:
            form.add_error(None, exc.message)
        except InvalidInput as exc:
            for field, errors in exc.errors.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("Referral sent."))
            return redirect("referrals:referral_detail", referral_id=referral.pk)
    return render(request, "referrals/send.html", {"person": person, "form": form})
