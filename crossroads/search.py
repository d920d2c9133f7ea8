"""One box for the number on the paper: the person, screening, referral or case whose
reference it is, among the records the user may see (each type through its own access
query). A fragment of a number finds nothing (crossroads.core.references)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import persons_visible_to, require_role, role_allows
from crossroads.access.policy import Verb, user_of
from crossroads.access.views import requires
from crossroads.accounts.models import User
from crossroads.audit.writer import record_list
from crossroads.core.references import read_reference


def records_by_reference(user: User, q: str) -> list[dict[str, Any]]:
    """`{"type", "id", "reference", "url"}` for each record the user may see that carries
    the reference `q` names (at most one of each type; references are unique)."""
    found = read_reference(q)
    if found.canonical is None or not role_allows(user, "view_person"):
        return []
    reference = found.canonical
    from crossroads.access.loaders import cases_visible_to
    from crossroads.referrals.queries import referrals_visible_to
    from crossroads.screening.queries import screenings_visible_to

    kinds = [
        ("person", "registry.person", persons_visible_to(user), "registry:person_detail"),
        (
            "screening",
            "screening.screening",
            screenings_visible_to(user),
            "screening:screening_detail",
        ),
        ("referral", "referrals.referral", referrals_visible_to(user), "referrals:referral_detail"),
        ("case", "cases.case", cases_visible_to(user), "cases:case_detail"),
    ]
    results: list[dict[str, Any]] = []
    for kind, label, visible, view in kinds:
        found_record = visible.filter(reference=reference).first()
        if found_record is None:
            continue
        record_list(user, label, [found_record.pk], searched=True)
        results.append(
            {
                "type": kind,
                "id": str(found_record.pk),
                "reference": reference,
                "url": reverse(view, args=[found_record.pk]),
            }
        )
    return results


class ReferenceSearch(GenericAPIView[Any]):
    """Finds a person, screening, referral or case by its reference number, as printed
    (`KG-2026-000052-4`), with or without the check digit, in any case, with spaces or
    hyphens; a partial number finds nothing."""

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="A reference number.")],
        responses={
            200: inline_serializer(
                "ReferenceSearchResults",
                {
                    "count": serializers.IntegerField(),
                    "next": serializers.CharField(allow_null=True),
                    "previous": serializers.CharField(allow_null=True),
                    "results": inline_serializer(
                        "ReferenceSearchItem",
                        {
                            "type": serializers.ChoiceField(
                                ["person", "screening", "referral", "case"]
                            ),
                            "id": serializers.UUIDField(),
                            "reference": serializers.CharField(),
                        },
                        many=True,
                    ),
                },
            ),
            403: OpenApiResponse(description="Analysts and administrators see no individual."),
        },
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "view_person")
        items = [
            {"type": r["type"], "id": r["id"], "reference": r["reference"]}
            for r in records_by_reference(user_of(request), request.query_params.get("q", ""))
        ]
        return Response({"count": len(items), "next": None, "previous": None, "results": items})


@login_required
@requires(Verb.VIEW_PERSON)
def search_page(request: HttpRequest) -> HttpResponse:
    """The header's search box: one record found opens it; a name is searched among the
    people; a partial number says so."""
    q = request.GET.get("q", "").strip()
    found = read_reference(q)
    results = records_by_reference(user_of(request), q) if found.is_reference else []
    if len(results) == 1:
        return redirect(results[0]["url"])
    if q and not found.is_reference and role_allows(request.user, "view_person"):
        return redirect(f"{reverse('registry:person_list')}?{urlencode({'q': q})}")
    return render(
        request,
        "search.html",
        {"q": q, "results": results, "partial": found.is_reference and found.canonical is None},
    )
