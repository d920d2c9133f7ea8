"""Every change of a publication: publish, withdraw, import a bundle, trust an instance.
Each takes the acting user first, asks the access gate, runs in one transaction and
writes its audit row in it. Nothing is half-published or half-imported."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from crossroads.access.gate import require_role
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record, record_refusal
from crossroads.core.exceptions import Conflict, Forbidden, InvalidInput, NotFound
from crossroads.statistics.periods import FixedPeriod, PeriodError, parse_period

from .bundles import BundleError, verify
from .models import Publication, TrustedInstance


def parse_publishable_period(text: Any, *, today: dt.date | None = None) -> FixedPeriod:
    """A closed month or quarter: `2026-11` or `2026-Q3`. 400 for anything else, 409
    for a period that has not ended yet."""
    try:
        period = parse_period(str(text or ""))
    except PeriodError:
        raise InvalidInput(
            {
                "period": [
                    _("Not a period to publish: write a month (2026-11) or a quarter (2026-Q3).")
                ]
            }
        ) from None
    if period.grain not in {"month", "quarter"}:
        raise InvalidInput(
            {"period": [_("Only a month (2026-11) or a quarter (2026-Q3) is published.")]}
        )
    today = today or timezone.localdate()
    if not period.is_closed(today):
        raise Conflict(_("That period has not ended yet: only a closed period is published."))
    return period


def _state_of(user: User) -> str:
    country = user.country_id
    if country is None:
        raise Forbidden(_("Statistics are those of your agency's state, and it has none."))
    return str(country)


def publish_statistics(*, acting_user: User, period: Any) -> Publication:
    """A supervisor publishes the protected tables of their state for a closed month or
    quarter to the region."""
    from crossroads.statistics.queries import Figures, state_figures

    from .tables import neutral

    require_role(acting_user, "publish_statistics")
    country = _state_of(acting_user)
    fixed = parse_publishable_period(period)
    figures = Figures(country, fixed.grain, [fixed], "", state_figures(country, [fixed]))
    with transaction.atomic():
        if Publication.objects.filter(
            country_id=country, period=fixed.code, withdrawn_at__isnull=True
        ).exists():
            raise Conflict(_("That period is already published; withdraw it first."))
        try:
            with transaction.atomic():
                publication = Publication.objects.create(
                    country_id=country,
                    period=fixed.code,
                    starts=fixed.start,
                    ends=fixed.end,
                    tables=neutral(figures.grids, fixed),
                    method=figures.method,
                    published_by=acting_user,
                    published_at=timezone.now(),
                )
        except IntegrityError:
            raise Conflict(_("That period is already published; withdraw it first.")) from None
        record(
            acting_user,
            AuditAction.CREATE,
            publication,
            detail={"country": country, "period": fixed.code},
        )
    return publication


def withdraw_publication(*, acting_user: User, publication_id: Any) -> Publication:
    """A supervisor withdraws a publication of their state: it leaves the regional
    picture at once (the row stays, marked withdrawn, for the audit)."""
    require_role(acting_user, "publish_statistics")
    country = _state_of(acting_user)
    with transaction.atomic():
        publication = (
            Publication.objects.select_for_update()
            .filter(pk=_uuid(publication_id), country_id=country, source="")
            .first()
        )
        if publication is None:
            raise NotFound()
        if publication.withdrawn:
            raise Conflict(_("That publication was already withdrawn."))
        publication.withdrawn_at = timezone.now()
        publication.withdrawn_by = acting_user
        publication.save(update_fields=["withdrawn_at", "withdrawn_by"])
        record(
            acting_user,
            AuditAction.UPDATE,
            publication,
            detail={"withdrawn": True, "country": country, "period": publication.period},
        )
    return publication


def _uuid(value: Any) -> Any:
    import uuid

    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound() from None


def import_bundle(*, acting_user: User, content: bytes) -> Publication:
    """Imports a bundle of another instance: refused whole (400 with the reason) if its
    signature, its source or its content is not right; 409 if the period is published
    already. The refusal is audited too."""
    require_role(acting_user, "import_bundle")
    trusted = {t.id: (t.public_key, list(t.countries)) for t in TrustedInstance.objects.all()}
    try:
        verified = verify(content, trusted)
    except BundleError as error:
        record_refusal(
            acting_user,
            object_type="regional.bundle",
            object_id="",
            detail={"reason": error.message[:200]},
        )
        raise InvalidInput({"file": [error.message]}) from None
    data = verified.publication
    try:
        fixed = parse_publishable_period(data["period"])
    except (InvalidInput, Conflict):
        raise InvalidInput(
            {"file": [_("The bundle's period is not a closed month or quarter.")]}
        ) from None
    published_at = parse_datetime(str(data["published_at"])) or timezone.now()
    with transaction.atomic():
        if Publication.objects.filter(
            country_id=data["country"], period=fixed.code, withdrawn_at__isnull=True
        ).exists():
            raise Conflict(_("That state's period is already in the regional picture."))
        from crossroads.accounts.models import Country

        if not Country.objects.filter(code=data["country"]).exists():
            raise InvalidInput(
                {"file": [_("The bundle is of a state this instance does not know.")]}
            )
        publication = Publication.objects.create(
            country_id=data["country"],
            period=fixed.code,
            starts=fixed.start,
            ends=fixed.end,
            tables=data["tables"],
            method=data["method"] if isinstance(data["method"], dict) else {},
            published_at=published_at,
            source=verified.instance_id,
            imported_at=timezone.now(),
            imported_by=acting_user,
        )
        record(
            acting_user,
            AuditAction.CREATE,
            publication,
            detail={
                "imported_from": verified.instance_id,
                "country": data["country"],
                "period": fixed.code,
            },
        )
    return publication


def trust_instance(
    *, acting_user: User, name: str, public_key: str, countries: list[str]
) -> TrustedInstance:
    """An administrator (or the regional secretariat) names another instance whose bundles
    are accepted, with its public key and the states it publishes for."""
    import base64
    import binascii

    from .bundles import fingerprint

    require_role(acting_user, "import_bundle")
    try:
        raw = base64.b64decode(public_key, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise InvalidInput({"public_key": [_("Not an Ed25519 public key (base64).")]})
    with transaction.atomic():
        instance, _created = TrustedInstance.objects.update_or_create(
            id=fingerprint(raw),
            defaults={"name": name, "public_key": public_key, "countries": sorted(countries)},
        )
        record(acting_user, AuditAction.UPDATE, instance, detail={"countries": sorted(countries)})
    return instance
