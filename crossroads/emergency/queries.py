"""What supervisors see of an influx: its figures and the queue of full screenings due,
overdue first; every row starts from the access gate."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from crossroads.access.gate import require_role, visible_persons_q
from crossroads.accounts.models import User
from crossroads.screening.models import Screening

from .models import Influx, ShortScreening


def influxes_of(user: User) -> QuerySet[Influx]:
    require_role(user, "register_person")
    return Influx.objects.filter(country_id=user.home_country_id).select_related("agency")


def _with_full_screening(queryset: QuerySet[ShortScreening]) -> QuerySet[ShortScreening]:
    """A full screening is a later screening of the same person (any form but this one)."""
    later = Screening.objects.filter(
        person_id=OuterRef("person_id"), screened_at__gt=OuterRef("screened_at")
    ).exclude(pk=OuterRef("screening_id"))
    return queryset.annotate(fully_screened=Exists(later))


def full_screening_queue(user: User, influx: Influx | None = None) -> QuerySet[ShortScreening]:
    """People short-screened and still waiting for their full screening, soonest due
    first (the overdue at the top); supervisors only, and only people they may see."""
    require_role(user, "oversee_screenings")
    queryset = ShortScreening.objects.filter(
        visible_persons_q(user, prefix="person"),
        influx__country_id=user.home_country_id,
    )
    if influx is not None:
        queryset = queryset.filter(influx=influx)
    return (
        _with_full_screening(queryset)
        .filter(fully_screened=False)  # type: ignore[misc]
        .select_related("person", "influx", "screening")
        .order_by("full_due")
    )


def influx_figures(user: User, influx: Influx) -> dict[str, int]:
    """Counts of one influx, by the database (no loop over people). Supervisors see the
    people themselves, so the counts are exact; they are never published as statistics."""
    require_role(user, "oversee_screenings")
    now = timezone.now()
    rows = _with_full_screening(ShortScreening.objects.filter(influx=influx))
    # Aliases that name no field, so that a filter on a field is not read as an alias.
    figures = rows.aggregate(
        n_screened=Count("pk"),
        n_fear_of_return=Count("pk", filter=Q(fear_of_return="yes")),
        n_fear_declined=Count("pk", filter=Q(fear_of_return="declined")),
        n_child_alone=Count("pk", filter=Q(child_alone=True)),
        n_medical_urgent=Count("pk", filter=Q(medical_urgent=True)),
        n_trafficking_signs=Count("pk", filter=Q(trafficking_signs=True)),
        n_emergency=Count("pk", filter=Q(priority="emergency")),
        n_urgent=Count("pk", filter=Q(priority="urgent")),
        n_fully_screened=Count("pk", filter=Q(fully_screened=True)),
        n_waiting=Count("pk", filter=Q(fully_screened=False)),
        n_overdue=Count("pk", filter=Q(fully_screened=False, full_due__lt=now)),
    )
    return {k.removeprefix("n_"): int(v or 0) for k, v in figures.items()}
