"""The permanent statistics keys of the records written before they were kept in a column
(and a screening's need codes and place): drawn once here, as `keys.fill_missing` draws them."""

from __future__ import annotations

from typing import Any

from django.db import migrations

KINDS = {
    ("registry", "Person"): "person",
    ("screening", "Screening"): "screening",
    ("referrals", "Referral"): "referral",
    ("cases", "Case"): "case",
}


def fill(apps: Any, schema_editor: Any) -> None:
    from crossroads.statistics.cellkey import record_key
    from crossroads.statistics.keys import (
        FILL_BATCH,
        SCREENING_COLUMNS,
        need_codes,
        place_of,
        statistics_secret,
    )

    secret = statistics_secret()
    for (app, name), kind in KINDS.items():
        model = apps.get_model(app, name)
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
                    record.need_codes = need_codes(row[1])
                    record.location_kind, record.location_name = place_of(row[2])
                updated.append(record)
            names = ["cell_key", *SCREENING_COLUMNS] if kind == "screening" else ["cell_key"]
            model.objects.bulk_update(updated, names)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0004_statistics_keys"),
        ("screening", "0002_statistics_keys"),
        ("referrals", "0003_statistics_keys"),
        ("cases", "0003_statistics_keys"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
