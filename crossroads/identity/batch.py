"""The batch run: the whole register of a state through the engine's deduplication, and
every pair within a cluster that the engine calls "the same person" queued for review."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from crossroads.engines.identity import dedupe, prepare, score_pair

from .actions import SAME_PERSON, _ordered
from .matching import records_of
from .models import DuplicateCandidate


def find_duplicates(country: str) -> dict[str, int]:
    from crossroads.registry.models import Person

    people = {
        str(p.pk): p
        for p in Person.objects.filter(
            country_id=country, merged_into__isnull=True
        ).prefetch_related("aliases")
    }
    records = [records_of(p)[0] for p in people.values()]
    clusters = dedupe(records) if records else {}
    members: dict[str, list[str]] = defaultdict(list)
    for record_id, cluster_id in clusters.items():
        members[str(cluster_id)].append(record_id)
    queued = 0
    with transaction.atomic():
        for cluster_id, ids in members.items():
            if len(ids) < 2:
                continue
            prepared = {i: prepare(records_of(people[i])[0]) for i in ids}
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    match = score_pair(prepared[a], prepared[b], register_size=len(records))
                    if match.probability < SAME_PERSON:
                        continue
                    pa, pb = _ordered(people[a], people[b])
                    _c, made = DuplicateCandidate.objects.get_or_create(
                        person_a=pa,
                        person_b=pb,
                        defaults={
                            "probability": match.probability,
                            "explanation": match.explanation,
                            "levels": match.levels,
                            "source": DuplicateCandidate.Source.BATCH,
                            "cluster": cluster_id,
                        },
                    )
                    queued += int(made)
    return {
        "people": len(records),
        "clusters": sum(1 for ids in members.values() if len(ids) > 1),
        "queued": queued,
    }
