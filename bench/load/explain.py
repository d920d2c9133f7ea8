"""The plans of the main queries of a person list, a search, a person and the check, as
the officer's requests run them: EXPLAIN ANALYZE on PostgreSQL (with its timing),
EXPLAIN QUERY PLAN on SQLite. Printed for the benchmark report."""

from __future__ import annotations

import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossroads.settings")


def main() -> int:
    import django

    django.setup()
    from django.db import connection

    from crossroads.accounts.models import User
    from crossroads.core.api import CappedPaginator
    from crossroads.identity.matching import candidate_rows, draft_records
    from crossroads.registry.queries import person_list

    officer = User.objects.select_related("agency").get(username="kg-officer")
    person = person_list(officer).first()
    assert person is not None
    name = person.family_name or person.given_name
    postgres = connection.vendor == "postgresql"
    options = {"analyze": True, "buffers": True} if postgres else {}
    queries = {
        "person list, first page": person_list(officer)[:50],
        "person list, capped count": person_list(officer).order_by()[: CappedPaginator.cap + 1],
        f"search '{name}', first page": person_list(officer, q=name)[:50],
        "a person (the gate)": person_list(officer).filter(pk=person.pk),
    }
    draft = draft_records(
        {
            "given_name": person.given_name,
            "family_name": person.family_name,
            "birth_date": person.birth_date,
            "sex": person.sex,
        },
        None,
    )
    for label, queryset in queries.items():
        started = time.perf_counter()
        plan = queryset.explain(**options)
        print(f"-- {label} ({(time.perf_counter() - started) * 1000:.1f} ms with EXPLAIN)")
        print(plan)
        print()
    started = time.perf_counter()
    rows = candidate_rows(officer.agency.country_id, draft)
    print(
        f"-- possibly registered before: {len(rows)} key rows read, "
        f"{(time.perf_counter() - started) * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
