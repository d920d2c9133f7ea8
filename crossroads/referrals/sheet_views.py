"""The information sheet a person is handed after screening: their rights and what happens
next, in their language, with the referral slip they keep (issue 3)."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from crossroads.access.gate import access_person_by_id
from crossroads.access.loaders import access_screening_by_id
from crossroads.access.policy import user_of
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record

from .sheets import choose_language, sent_referrals, sheet_context


@login_required
def information_sheet(request: HttpRequest, screening_id: uuid.UUID) -> HttpResponse:
    """One printable A4 page. The sheet names the person's needs indirectly (a trafficking
    or child paragraph, the agencies referred to), so it asks the same role as sensitive
    details; a person the user may not see answers 404, as if the screening did not
    exist. Opening it is recorded as an export: the page is meant to leave the office."""
    screening = access_screening_by_id(user_of(request), screening_id)
    person = access_person_by_id(user_of(request), screening.person_id, verb="view_sensitive")
    screening.person = person
    lang = choose_language(
        request.GET.get("lang"), person.languages or [], getattr(request.user, "language", "")
    )
    context = sheet_context(screening, sent_referrals(screening), lang)
    record(request.user, AuditAction.EXPORT, screening, detail={"sheet": lang})
    return render(request, "referrals/sheet.html", context)
