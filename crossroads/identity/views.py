"""The duplicate review queue for supervisors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of
from crossroads.audit.writer import record_list
from crossroads.core.exceptions import Conflict, InvalidInput

from . import actions, queries
from .models import Merge


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    candidates = list(queries.review_queue(user_of(request))[:50])
    shown = [c.person_a_id for c in candidates] + [c.person_b_id for c in candidates]
    record_list(request.user, "registry.person", shown, searched=False)
    user = user_of(request)
    merges = Merge.objects.filter(
        merged_by__agency=user.agency, undone_at__isnull=True
    ).select_related("kept", "merged")[:20]
    return render(
        request, "identity/review_queue.html", {"candidates": candidates, "merges": merges}
    )


@login_required
@require_POST
def decide(request: HttpRequest, candidate_id: str) -> HttpResponse:
    require_role(request.user, "review_duplicates")
    reason = request.POST.get("reason", "")
    try:
        if request.POST.get("decision") == "distinct":
            actions.mark_distinct(
                acting_user=user_of(request), candidate_id=candidate_id, reason=reason
            )
            messages.success(request, _("Recorded as different people."))
        else:
            candidate = queries.review_queue(user_of(request)).filter(pk=candidate_id).first()
            if candidate is None:
                from crossroads.core.exceptions import NotFound

                raise NotFound()
            keep_a = request.POST.get("keep") != "b"
            kept, merged = (
                (candidate.person_a_id, candidate.person_b_id)
                if keep_a
                else (candidate.person_b_id, candidate.person_a_id)
            )
            actions.merge_persons(
                acting_user=user_of(request), kept_id=kept, merged_id=merged, reason=reason
            )
            messages.success(request, _("Merged. The merge can be undone."))
    except InvalidInput as exc:
        messages.error(request, " ".join(m for ms in exc.errors.values() for m in ms))
    return redirect("identity:review_queue")


@login_required
@require_POST
def undo(request: HttpRequest, merge_id: str) -> HttpResponse:
    try:
        actions.undo_merge(
            acting_user=user_of(request), merge_id=merge_id, reason=request.POST.get("reason", "")
        )
        messages.success(request, _("The merge was undone."))
    except (InvalidInput, Conflict) as exc:
        text = (
            exc.message
            if isinstance(exc, Conflict)
            else " ".join(m for ms in exc.errors.values() for m in ms)
        )
        messages.error(request, text)
    return redirect("identity:review_queue")
