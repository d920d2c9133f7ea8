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
    """`KG-2026-000123-7`. Must run inside the caller's transaction."""
    year = timezone.now().year
    with transaction.atomic():
        counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(
            country=country, year=year
        )
        counter.last_value += 1
        counter.save(update_fields=["last_value"])
        sequence = f"{counter.last_value:06d}"
    return f"{country}-{year}-{sequence}-{luhn_check_digit(str(year) + sequence)}"
