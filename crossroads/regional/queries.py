"""Reads of publications and of the regional picture, always through the access gate.

- A supervisor or analyst of a state sees their own state's publications.
- A regional analyst sees the standing publications of every participating state, side
  by side and summed, and nothing else: no unpublished figure, no person, no id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from crossroads.access.gate import require_role, role_allows
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import NotFound
from crossroads.statistics.cellkey import share

from .models import Publication
from .tables import PUBLISHED, labeller, title


def publications_visible_to(user: User) -> QuerySet[Publication]:
    require_role(user, "view_publications")
    if role_allows(user, "view_regional"):
        return Publication.objects.filter(withdrawn_at__isnull=True).select_related("country")
    country = user.country_id
    return Publication.objects.filter(country_id=country, source="").select_related("country")


def publication_by_id(user: User, publication_id: Any) -> Publication:
    import uuid

    try:
        pk = uuid.UUID(str(publication_id))
    except ValueError:
        raise NotFound() from None
    publication = publications_visible_to(user).filter(pk=pk).first()
    if publication is None:
        raise NotFound()
    return publication


def bundle_of(user: User, publication_id: Any) -> bytes:
    """The signed bundle of one of the user's state's standing publications (supervisors):
    the file to send to the regional secretariat's instance."""
    from .bundles import instance_signer, sign

    require_role(user, "publish_statistics")
    publication = publication_by_id(user, publication_id)
    if publication.withdrawn or publication.source:
        raise NotFound()
    content = sign(as_document(publication), instance_signer())
    record(user, AuditAction.EXPORT, publication, detail={"bundle": True})
    return content


def as_document(publication: Publication) -> dict[str, Any]:
    return {
        "country": publication.country_id,
        "period": publication.period,
        "from": publication.starts.isoformat(),
        "to": publication.ends.isoformat(),
        "published_at": publication.published_at.isoformat(),
        "method": publication.method,
        "tables": publication.tables,
    }


@dataclass
class SideBySide:
    """One published table of every participating state, side by side, with the region's
    sum where the figures are counts."""

    name: str
    title: str
    unit: str
    countries: list[str]
    rows: list[tuple[str, str, list[Any], Any]] = field(default_factory=list)
    total: tuple[list[Any], Any] | None = None


@dataclass
class RegionalPicture:
    period: str
    periods: list[str]
    countries: list[tuple[str, str]]
    tables: list[SideBySide]
    comparison: list[tuple[str, Any, Any]]
    series: SideBySide | None
    nationality: str


def _country_names(codes: list[str]) -> list[tuple[str, str]]:
    from crossroads.statistics.labels import country_label

    return [(code, country_label(code)) for code in codes]


def regional_picture(user: User, *, period: str = "", nationality: str = "AF") -> RegionalPicture:
    """The standing publications of `period` (default: the latest published), side by side
    and summed over the region, a comparison (children among arrivals, late referrals),
    and people of one nationality registered per published month in each state."""
    require_role(user, "view_regional")
    standing = list(Publication.objects.filter(withdrawn_at__isnull=True).order_by("country_id"))
    periods = sorted({p.period for p in standing}, reverse=True)
    chosen = period or (periods[0] if periods else "")
    of_period = [p for p in standing if p.period == chosen]
    countries = [p.country_id for p in of_period]
    tables = []
    for name in PUBLISHED:
        by_country: dict[str, Any] = {
            p.country_id: next((t for t in p.tables if t["name"] == name), None) for p in of_period
        }
        present = [t for t in by_country.values() if t]
        if not present:
            continue
        unit = present[0]["unit"]
        label = labeller(PUBLISHED[name][1])
        values = list(dict.fromkeys(r["value"] for t in present for r in t["rows"]))
        side = SideBySide(name, title(name), unit, countries)
        for value in values:
            figures = []
            for code in countries:
                table = by_country.get(code)
                row = (
                    next((r for r in table["rows"] if r["value"] == value), None) if table else None
                )
                figures.append(row["figure"] if row else None)
            summed = sum(f for f in figures if f is not None) if unit == "count" else None
            side.rows.append((value, label(value), figures, summed))
        if unit == "count":
            totals = [by_country[c]["total"] if by_country.get(c) else None for c in countries]
            side.total = (totals, sum(t for t in totals if t is not None))
        tables.append(side)
    comparison = _comparison(of_period)
    series = _series(standing, nationality)
    record(
        user,
        AuditAction.LIST,
        object_type="regional.publication",
        detail={"period": chosen, "countries": countries},
    )
    return RegionalPicture(
        chosen, periods, _country_names(countries), tables, comparison, series, nationality
    )


def _table(publication: Publication, name: str) -> dict[str, Any] | None:
    return next((t for t in publication.tables if t["name"] == name), None)


def _figure(table: dict[str, Any] | None, value: str) -> Any:
    if not table:
        return None
    return next((r["figure"] for r in table["rows"] if r["value"] == value), None)


def _comparison(of_period: list[Publication]) -> list[tuple[str, Any, Any]]:
    """Per state: share of children among the people registered, share of referrals
    answered late or overdue (from protected counts; None when too few)."""
    rows = []
    for publication in of_period:
        ages = _table(publication, "registrations_by_age_band")
        children = (
            share(int(_figure(ages, "child") or 0), int(ages["total"] or 0)) if ages else None
        )
        referrals = _table(publication, "referrals_by_pathway")
        late = _table(publication, "referrals_late_share_by_pathway")
        late_share = None
        if referrals and late and referrals["total"]:
            late_count = sum(
                (r["figure"] or 0) * (_figure(referrals, r["value"]) or 0) / 100
                for r in late["rows"]
            )
            late_share = share(round(late_count), int(referrals["total"]))
        rows.append((publication.country_id, children, late_share))
    return rows


def _series(standing: list[Publication], nationality: str) -> SideBySide | None:
    """People of one nationality registered in each published month, in each state and in
    the whole region."""
    from crossroads.statistics.labels import country_label
    from crossroads.statistics.periods import parse_period
    from crossroads.statistics.queries import period_label

    months = sorted({p.period for p in standing if "Q" not in p.period})
    countries = sorted({p.country_id for p in standing if "Q" not in p.period})
    if not months:
        return None
    side = SideBySide(
        "registrations_of_nationality_by_month",
        _("People of nationality %(nationality)s registered, by month")
        % {"nationality": country_label(nationality)},
        "count",
        countries,
    )
    index = {(p.country_id, p.period): p for p in standing}
    for month in months:
        figures = []
        for code in countries:
            publication = index.get((code, month))
            table = _table(publication, "registrations_by_nationality") if publication else None
            figures.append((_figure(table, nationality) or 0) if table else None)
        label = period_label(parse_period(month))
        side.rows.append((month, label, figures, sum(f for f in figures if f is not None)))
    return side
