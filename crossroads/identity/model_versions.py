"""The identity model each state's register is scored with, and its refit from the register
and from supervisors' review decisions (issue 15).

``refit_identity_model`` fits a new version on a state's register (expectation-maximisation
without labels) and on its decisions (merged: the same person; marked distinct or a merge
undone: different people), stores it, makes it the state's active version and returns the
report of what changed. Past decisions and the candidates already queued keep the scores
and the version they were given; ``active_model`` is what scores from then on.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.db import transaction
from django.utils import timezone

from crossroads.engines.identity.learning import Decision, RefitReport, refit
from crossroads.engines.identity.scoring import DEFAULT_MODEL, Model

from .matching import records_of
from .models import DuplicateCandidate, IdentityModelVersion, Merge


def active_model(country: str) -> Model | None:
    """The state's active model version, or None for the model shipped with the engine."""
    row = (
        IdentityModelVersion.objects.filter(country_id=country, active=True)
        .only("parameters")
        .first()
    )
    return Model.from_json(row.parameters) if row is not None else None


def decisions_of(country: str) -> list[Decision]:
    """Supervisors' decisions on the state's duplicate candidates as labelled pairs."""
    decisions: list[Decision] = []
    decided = DuplicateCandidate.objects.filter(
        person_a__country_id=country,
        status__in=[DuplicateCandidate.Status.MERGED, DuplicateCandidate.Status.DISTINCT],
    ).select_related("person_a", "person_b")
    for candidate in decided:
        same = candidate.status == DuplicateCandidate.Status.MERGED
        decisions.append(
            Decision(
                records_of(candidate.person_a)[0],
                records_of(candidate.person_b)[0],
                same=same,
                label="merged" if same else "distinct",
            )
        )
    undone = Merge.objects.filter(kept__country_id=country, undone_at__isnull=False)
    for merge in undone.select_related("kept", "merged"):
        decisions.append(
            Decision(
                records_of(merge.kept)[0], records_of(merge.merged)[0], same=False, label="undone"
            )
        )
    return decisions


def refit_identity_model(country: str) -> tuple[IdentityModelVersion, RefitReport]:
    """Fits, stores and activates a new model version for ``country``; returns it and its
    report. Candidates already queued or decided are left exactly as they are."""
    from crossroads.registry.models import Person

    current = active_model(country) or DEFAULT_MODEL
    people = Person.objects.filter(country_id=country, merged_into__isnull=True).prefetch_related(
        "aliases"
    )
    records = [record for person in people for record in records_of(person)]
    version = f"{country}-{timezone.now().strftime('%Y%m%dT%H%M%S%fZ')}"
    model, report = refit(records, decisions_of(country), version=version, base=current)
    summary: dict[str, Any] = asdict(report)
    summary["changes"] = [asdict(c) for c in report.largest_changes(20)]
    with transaction.atomic():
        IdentityModelVersion.objects.filter(country_id=country, active=True).update(active=False)
        stored = IdentityModelVersion.objects.create(
            country_id=country,
            version=version,
            base_version=current.version,
            parameters=model.to_json(),
            report=summary,
            active=True,
        )
    return stored, report
