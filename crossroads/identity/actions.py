"""Duplicate decisions: merge (never losing a row), undo a merge, or record that two
records are different people. Supervisors only; every decision audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import ManyToOneRel, OneToOneRel, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.access.gate import access_person_by_id
from crossroads.access.loaders import access_merge_by_id, duplicate_candidates_visible_to
from crossroads.access.policy import Verb, parse_id, refuse, require
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, InvalidInput
from crossroads.engines.identity import PersonRecord

from .matching import (
    Found,
    find_candidates,
    index_mark,
    indexed_since,
    keys_of,
    records_of,
    reindex,
    score_candidates,
    unsaved_records,
)
from .models import DuplicateCandidate, IdentityKey, Merge

# Rows that belong to the index or to the duplicate review itself, not to the person.
NOT_MOVED = {
    "identity.identitykey",
    "registry.namekey",
    "identity.duplicatecandidate",
    "identity.merge",
    "registry.person",
}
SAME_PERSON = 0.5


def _ordered(a: Any, b: Any) -> tuple[Any, Any]:
    return (a, b) if str(a.pk) < str(b.pk) else (b, a)


def record_candidates(person: Any, found: Iterable[Found], source: str, cluster: str = "") -> int:
    """Queues the pairs the engine calls "the same person" for a supervisor's review: the
    pairs already queued read in one query, the new ones written in one more."""
    pairs: dict[tuple[Any, Any], Found] = {}
    for f in found:
        if f.match.probability < SAME_PERSON or f.person.pk == person.pk:
            continue
        a, b = _ordered(person, f.person)
        pairs.setdefault((a.pk, b.pk), f)
    if not pairs:
        return 0
    queued = set(
        DuplicateCandidate.objects.filter(
            Q(person_a=person) | Q(person_b=person),
        ).values_list("person_a_id", "person_b_id")
    )
    new = [
        DuplicateCandidate(
            person_a_id=a,
            person_b_id=b,
            probability=f.match.probability,
            explanation=f.match.explanation,
            levels=f.match.levels,
            source=source,
            cluster=cluster,
        )
        for (a, b), f in pairs.items()
        if (a, b) not in queued
    ]
    # Another process may queue the same pair meanwhile: the constraint keeps one.
    DuplicateCandidate.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@dataclass
class Checked:
    """What `before_registration` found, before the registration's write transaction."""

    records: list[PersonRecord]
    keys: set[str]
    mark: int
    found: list[Found]


def before_registration(person: Any, aliases: list[dict[str, str]] | None) -> Checked:
    """The check of a person about to be registered, run before the write transaction
    opens: reading the index and scoring candidates is most of a registration's work, and
    on SQLite a write transaction holds the one write lock of the database while it runs."""
    records = unsaved_records(person, aliases)
    mark = index_mark()
    return Checked(records, keys_of(records), mark, find_candidates(person.country_id, records))


def after_registration(person: Any, checked: Checked | None = None) -> list[Found]:
    """Indexes a newly registered person and queues likely duplicates for review; returns
    what was found, for the officer's "possibly registered before".

    With `checked` (the check run before the transaction), only the people indexed since
    that check are scored here, so two people registered at the same moment still find
    each other: on SQLite, where writes take turns, exactly; on PostgreSQL as before."""
    if checked is None:
        records = records_of(person)
        reindex(person, records=records, new=True)
        found = find_candidates(person.country_id, records, exclude=[person.pk])
    else:
        reindex(person, keys=checked.keys, new=True)
        found = checked.found
        seen = {str(f.person.pk) for f in found} | {str(person.pk)}
        late = [pk for pk in indexed_since(checked.records, checked.mark) if pk not in seen]
        if late:
            found = sorted(
                found + score_candidates(person.country_id, checked.records, late),
                key=lambda f: (-f.match.probability, str(f.person.pk)),
            )[: max(len(found), 10)]
    record_candidates(person, found, DuplicateCandidate.Source.REGISTRATION)
    return found


def _reason(reason: str) -> str:
    if not (reason or "").strip():
        raise InvalidInput({"reason": [_("Give the reason for this decision.")]})
    return reason.strip()


def _reverse_relations(model: Any) -> list[Any]:
    return [
        f
        for f in model._meta.get_fields(include_hidden=True)
        if isinstance(f, ManyToOneRel | OneToOneRel)
        and f.auto_created
        and f.related_model._meta.label_lower not in NOT_MOVED
    ]


def _move(rows: Iterable[Any], field_name: str, to_pk: Any) -> list[str]:
    moved = []
    for row in rows:
        try:
            with transaction.atomic():
                type(row).objects.filter(pk=row.pk).update(**{field_name: to_pk})
        except IntegrityError:
            continue  # would duplicate a row the kept record has; stays on the merged one
        moved.append(str(row.pk))
    return moved


def merge_persons(*, acting_user: User, kept_id: Any, merged_id: Any, reason: str) -> Merge:
    """Merges `merged` into `kept`: every row of the merged record (names as aliases,
    documents, family links, screenings, referrals, safeguards, consents, cases, access)
    moves to the kept record; the merged record stays, marked, and can be brought back."""
    require(acting_user, Verb.MERGE_PERSONS)
    reason = _reason(reason)
    from crossroads.registry.models import Person, PersonName

    with transaction.atomic():
        kept = access_person_by_id(
            acting_user, kept_id, verb="change_person", for_update=True, audit_read=False
        )
        merged = access_person_by_id(
            acting_user, merged_id, verb="change_person", for_update=True, audit_read=False
        )
        if kept.pk == merged.pk:
            raise InvalidInput({"merged": [_("A record cannot be merged into itself.")]})
        moved: dict[str, dict[str, list[str]]] = {}
        for relation in _reverse_relations(Person):
            model = relation.related_model
            field_name = relation.field.name
            rows = list(model.objects.filter(**{field_name: merged.pk}))
            if model is Person:
                continue
            ids = _move(rows, field_name, kept.pk)
            if ids:
                moved.setdefault(model._meta.label_lower, {})[field_name] = ids
        alias = PersonName.objects.create(
            person=kept,
            kind=PersonName.Kind.EARLIER_SPELLING,
            given_name=merged.given_name,
            family_name=merged.family_name,
            patronymic=merged.patronymic,
            name_script=merged.name_script,
        )
        merged.merged_into = kept
        merged.version += 1
        merged.save()
        kept.version += 1
        kept.save()
        merge = Merge.objects.create(
            kept=kept,
            merged=merged,
            reason=reason,
            merged_by=acting_user,
            moved=moved,
            added_aliases=[alias.pk],
        )
        DuplicateCandidate.objects.filter(
            person_a__in=[kept, merged], person_b__in=[kept, merged]
        ).update(
            status=DuplicateCandidate.Status.MERGED,
            decided_by=acting_user,
            decided_at=timezone.now(),
            reason=reason,
        )
        _reindex_names(kept)
        IdentityKey.objects.filter(person=merged).delete()
        for person in (kept, merged):
            record(
                acting_user,
                AuditAction.UPDATE,
                person,
                detail={"merge": str(merge.pk), "kept": str(kept.pk), "merged": str(merged.pk)},
            )
    return merge


def undo_merge(*, acting_user: User, merge_id: Any, reason: str) -> Merge:
    """Moves back exactly the rows the merge moved, and brings the merged record back."""
    require(acting_user, Verb.MERGE_PERSONS)
    reason = _reason(reason)
    from django.apps import apps

    from crossroads.registry.models import PersonName

    with transaction.atomic():
        merge = access_merge_by_id(acting_user, merge_id)
        kept = access_person_by_id(
            acting_user, merge.kept_id, verb="change_person", for_update=True, audit_read=False
        )
        if merge.undone_at is not None:
            raise Conflict(_("This merge has already been undone."))
        for label, fields in merge.moved.items():
            model = apps.get_model(label)
            for field_name, ids in fields.items():
                model.objects.filter(pk__in=ids).update(**{field_name: merge.merged_id})
        PersonName.objects.filter(pk__in=merge.added_aliases).delete()
        merged = merge.merged
        merged.merged_into = None
        merged.version += 1
        merged.save()
        kept.version += 1
        kept.save()
        merge.undone_at = timezone.now()
        merge.undone_by = acting_user
        merge.undo_reason = reason
        merge.save()
        DuplicateCandidate.objects.filter(
            person_a__in=[kept, merged], person_b__in=[kept, merged]
        ).update(status=DuplicateCandidate.Status.OPEN, decided_by=None, decided_at=None)
        _reindex_names(kept)
        _reindex_names(merged)
        for person in (kept, merged):
            record(acting_user, AuditAction.UPDATE, person, detail={"merge_undone": str(merge.pk)})
    return merge


def mark_distinct(*, acting_user: User, candidate_id: Any, reason: str) -> DuplicateCandidate:
    require(acting_user, Verb.REVIEW_DUPLICATES)
    reason = _reason(reason)
    with transaction.atomic():
        candidate = (
            duplicate_candidates_visible_to(acting_user)
            .select_for_update()
            .filter(pk=parse_id(candidate_id))
            .first()
        )
        if candidate is None:
            refuse(acting_user, "identity.duplicatecandidate", candidate_id)
        access_person_by_id(
            acting_user, candidate.person_a_id, verb="change_person", audit_read=False
        )
        access_person_by_id(
            acting_user, candidate.person_b_id, verb="change_person", audit_read=False
        )
        candidate.status = DuplicateCandidate.Status.DISTINCT
        candidate.decided_by = acting_user
        candidate.decided_at = timezone.now()
        candidate.reason = reason
        candidate.save()
        record(
            acting_user,
            AuditAction.UPDATE,
            candidate,
            detail={
                "status": "distinct",
                "persons": [str(candidate.person_a_id), str(candidate.person_b_id)],
            },
        )
    return candidate


def _reindex_names(person: Any) -> None:
    from crossroads.registry.actions import rebuild_search_keys

    rebuild_search_keys(person)


__all__ = [
    "after_registration",
    "before_registration",
    "mark_distinct",
    "merge_persons",
    "record_candidates",
    "undo_merge",
]
