"""Reads of the reference data every user may see: the states and their agencies. They
hold no personal data, so no role is refused them and no read of them is audited."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Agency, Country


def country_list() -> QuerySet[Country]:
    return Country.objects.order_by("code")


def agency_list(
    *,
    country: str = "",
    kind: str = "",
    receives_pathways: str = "",
    active: bool | None = None,
) -> QuerySet[Agency]:
    """Agencies by state then name; `receives_pathways` keeps those receiving that
    pathway."""
    queryset = Agency.objects.order_by("country_id", "name", "id")
    if country:
        queryset = queryset.filter(country_id=country)
    if kind:
        queryset = queryset.filter(kind=kind)
    if receives_pathways:
        # A JSON list of codes: the code as a whole element, quotes included.
        queryset = queryset.filter(receives_pathways__icontains=f'"{receives_pathways}"')
    if active is not None:
        queryset = queryset.filter(active=active)
    return queryset
