"""Human reference numbers printed on slips: state, year, sequence, check digit."""

from __future__ import annotations

from django.db import models, transaction
from django.utils import timezone


def luhn_check_digit(digits: str) -> int:
    """The Luhn check digit (ISO/IEC 7812-1): catches any single mistyped digit and most
    swaps of two neighbours, the usual errors when a number is read out or copied."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def reference_is_valid(reference: str) -> bool:
    parts = reference.split("-")
    if len(parts) != 4 or not all(p.isdigit() for p in parts[1:]):
        return False
    return luhn_check_digit(parts[1] + parts[2]) == int(parts[3])


class ReferenceCounter(models.Model):
    """One sequence per state and year, shared by people, screenings, referrals and cases,
    so a reference number is unique across all of them."""

    country = models.CharField(max_length=2)
    year = models.PositiveIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "year"], name="one_counter_per_state_year")
        ]

    def __str__(self) -> str:
        return f"{self.country}-{self.year}: {self.last_value}"


def next_reference(country: str) -> str:
    """`KG-2026-000123-7`. Must run inside the caller's transaction.

    One statement (`UPDATE ... RETURNING`, SQLite 3.35+ and PostgreSQL) takes the next
    number and holds the counter's row (PostgreSQL) until the caller commits: a
    registration's write transaction is a handful of statements, and each one more is
    time every other registration of the state waits."""
    year = timezone.now().year
    value = _increment(country, year)
    if value is None:
        with transaction.atomic():
            counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(
                country=country, year=year
            )
            counter.last_value += 1
            counter.save(update_fields=["last_value"])
            value = counter.last_value
    sequence = f"{value:06d}"
    return f"{country}-{year}-{sequence}-{luhn_check_digit(str(year) + sequence)}"


def _increment(country: str, year: int) -> int | None:
    """The counter's next value in one statement, or None when the counter does not exist
    yet (the first reference of the year) or the database cannot return from an update."""
    connection = transaction.get_connection()
    if not connection.features.can_return_columns_from_insert:
        return None
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_value = last_value + 1 "
            "WHERE country = %s AND year = %s RETURNING last_value",
            [country, year],
        )
        row = cursor.fetchone()
    return int(row[0]) if row else None
