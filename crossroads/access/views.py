"""The policy at a page's door: `@requires(verb)` answers 403 before the view runs for a
role that may never do it (the same rule the API asks)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from .policy import require, user_of

View = TypeVar("View", bound=Callable[..., Any])


def requires(verb: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
            require(request.user, verb)
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


# Access requests ---------------------------------------------------------------------------

from django.contrib import messages  # noqa: E402
from django.contrib.auth.decorators import login_required  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.shortcuts import redirect, render  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402
from django.views.decorators.http import require_POST  # noqa: E402

from crossroads.audit.writer import record_list  # noqa: E402
from crossroads.core.exceptions import Conflict, InvalidInput  # noqa: E402

from . import actions  # noqa: E402
from .policy import Verb, role_allows  # noqa: E402


def _report(request: HttpRequest, exc: Exception) -> None:
    if isinstance(exc, InvalidInput):
        for errors in exc.errors.values():
            for error in errors:
                messages.error(request, error)
    elif isinstance(exc, Conflict):
        messages.error(request, exc.message)


@login_required
@requires(Verb.REQUEST_ACCESS)
def access_requests(request: HttpRequest) -> HttpResponse:
    """The agency's requests for access, and for a supervisor those it must answer."""
    items = list(actions.access_requests_visible_to(user_of(request))[:200])
    record_list(request.user, "access.accessrequest", [r.pk for r in items], searched=False)
    agency = request.user.agency_id  # type: ignore[union-attr]
    return render(
        request,
        "access/requests.html",
        {
            "to_answer": [r for r in items if r.to_agency_id == agency],
            "sent": [r for r in items if r.from_agency_id == agency],
            "may_answer": role_allows(request.user, Verb.ANSWER_ACCESS_REQUEST),
        },
    )


@login_required
@requires(Verb.REQUEST_ACCESS)
def ask(request: HttpRequest) -> HttpResponse:
    """The form to ask (from "possibly registered before"), and sending it."""
    if request.method != "POST":
        return render(request, "access/ask.html", {"person": request.GET.get("person", "")})
    try:
        actions.request_access(
            acting_user=user_of(request),
            person_id=request.POST.get("person", ""),
            reason=request.POST.get("reason", ""),
        )
    except (InvalidInput, Conflict) as exc:
        _report(request, exc)
    else:
        messages.success(
            request, _("Your request has been sent to the agency that registered the person.")
        )
    return redirect("access:requests")


@login_required
@require_POST
@requires(Verb.ANSWER_ACCESS_REQUEST)
def answer(request: HttpRequest, request_id: str) -> HttpResponse:
    try:
        if request.POST.get("decision") == "grant":
            actions.grant_access_request(acting_user=user_of(request), request_id=request_id)
            messages.success(request, _("Access granted."))
        else:
            actions.refuse_access_request(
                acting_user=user_of(request),
                request_id=request_id,
                reason=request.POST.get("reason", ""),
            )
            messages.success(request, _("Access refused."))
    except (InvalidInput, Conflict) as exc:
        _report(request, exc)
    return redirect("access:requests")
