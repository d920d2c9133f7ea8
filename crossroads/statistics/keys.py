"""The permanent keys of the cell-key method, kept on the records themselves.

Every person, screening, referral and case carries its statistics key in a column
(`cell_key`): 32 bits drawn from its id with the instance's statistics secret
(`cellkey.record_key`). The key is set when the record is saved (a `pre_save` receiver,
connected by the app) and, for rows written in bulk without it (imports, benchmarks), by
the first statistics read (`fill_missing`), which finds them through a partial index.
With the keys in the table, a cell's key is `SUM(cell_key)` modulo 2**32 over its
records: statistics group and add in SQL and read one row per cell, never one per record,
and the published figure is the one the cell-key method defines.

A screening also keeps the codes of the needs its result found (`need_codes`, ",a,b,")
and the kind and name of the place its record names, so that screenings are grouped by
need and by place in SQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models, transaction

from .cellkey import record_key

#: rows filled per statement when keys are missing
FILL_BATCH = 2000


def statistics_secret() -> bytes:
    """The instance's statistics secret, from which every record's permanent key is drawn:
    `CROSSROADS_STATISTICS_KEY` if set, else derived from the secret key. A record keeps
    the key drawn when it was first saved: keep the secret as long as the figures."""
    secret = getattr(settings, "CROSSROADS_STATISTICS_KEY", "") or settings.SECRET_KEY
    return hashlib.sha256(b"crossroads statistics cell key\0" + secret.encode()).digest()


def _models() -> dict[Any, str]:
    from crossroads.cases.models import Case
    from crossroads.referrals.models import Referral
    from crossroads.registry.models import Person
    from crossroads.screening.models import Screening

    return {Person: "person", Screening: "screening", Referral: "referral", Case: "case"}


def need_codes(result: Any) -> str:
    """ ",a,b,": the distinct codes of the needs a screening's result found, sorted."""
    needs = result.get("needs") if isinstance(result, dict) else None
    codes = {
        n.get("code") for n in (needs if isinstance(needs, list) else []) if isinstance(n, dict)
    }
    found = sorted(c for c in codes if isinstance(c, str) and c and "," not in c)
    return f",{','.join(found)}," if found else ""


def place_of(record: Any) -> tuple[str, str]:
    """(kind, name) of the place a screening's record names, each "" when absent."""
    location = record.get("location") if isinstance(record, dict) else None
    if not isinstance(location, dict):
        return "", ""
    kind, name = location.get("kind"), location.get("name")
    return (
        kind[:40] if isinstance(kind, str) else "",
        name[:200] if isinstance(name, str) else "",
    )


def _screening_columns(instance: Any, result: Any, record: Any) -> None:
    instance.need_codes = need_codes(result)
    instance.location_kind, instance.location_name = place_of(record)


SCREENING_COLUMNS = ["need_codes", "location_kind", "location_name"]


def split_codes(value: str | None) -> set[str]:
    return {code for code in (value or "").split(",") if code}


def set_key(sender: type[models.Model], instance: Any, **_kwargs: Any) -> None:
    """`pre_save`: the record's key (and a screening's need codes) before it is written."""
    kind = _models().get(sender)
    if kind is None:
        return
    if instance.cell_key is None:
        instance.cell_key = record_key(statistics_secret(), kind, instance.pk)
    if kind == "screening":
        _screening_columns(instance, instance.result, instance.record)


def connect() -> None:
    for model in _models():
        models.signals.pre_save.connect(set_key, sender=model, dispatch_uid=f"cell_key_{model}")


def fill_missing(only: Iterable[str] = ("person", "screening", "referral", "case")) -> int:
    """Keys for the rows written without one (in bulk): a partial index finds them, so
    this costs one index probe per register when none is missing. Returns how many."""
    secret = statistics_secret()
    filled = 0
    for model, kind in _models().items():
        if kind not in only:
            continue
        fields = ["pk", "result", "record"] if kind == "screening" else ["pk"]
        while True:
            rows = list(
                model.objects.filter(cell_key__isnull=True)
                .order_by()
                .values_list(*fields)[:FILL_BATCH]
            )
            if not rows:
                break
            updated = []
            for row in rows:
                record = model(pk=row[0], cell_key=record_key(secret, kind, row[0]))
                if kind == "screening":
                    _screening_columns(record, row[1], row[2])
                updated.append(record)
            names = ["cell_key", *SCREENING_COLUMNS] if kind == "screening" else ["cell_key"]
            with transaction.atomic():
                model.objects.bulk_update(updated, names)
            filled += len(rows)
    return filled
