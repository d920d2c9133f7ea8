"""Receiving records made offline (`sync/`). Each item is handled in its own transaction
and answered on its own: created, updated, already received (a replay, answered with the
same record), possibly registered before (created, and shown to the officer), a conflict
(kept with both values for a person to resolve), or invalid (nothing saved, sent again
once corrected). A client id is received once, ever: a replayed or reordered batch never
creates twice."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from crossroads.access.gate import access_person_by_id, require_role
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, Forbidden, InvalidInput, NotFound

from .models import SyncConflict, SyncItem, SyncKind, SyncOutcome

MAX_ITEMS = 500
# Handled first, so that a screening of a person made offline finds them in the same batch
# whatever order the batch arrived in.
KIND_ORDER = {SyncKind.PERSON: 0, SyncKind.HOUSEHOLD: 1, SyncKind.SCREENING: 2}
# Candidates this likely are shown to the officer after the sync (as on the register page).
SHOW_DUPLICATES_FROM = 0.3


@dataclass
class Answer:
    client_id: str
    outcome: str
    id: str = ""
    errors: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"client_id": self.client_id, "outcome": self.outcome}
        if self.id:
            body["id"] = self.id
        if self.errors:
            body["errors"] = self.errors
        body.update(self.extra)
        return body


def _previous(user: User, client_id: uuid.UUID) -> Answer | None:
    item = SyncItem.objects.filter(client_id=client_id).first()
    if item is None:
        return None
    if item.user_id != user.pk:
        # Never another account's record, nor whether it exists beyond the id itself.
        return Answer(
            str(client_id),
            SyncOutcome.INVALID,
            errors={"client_id": [_("This id was used by another account.")]},
        )
    answer = Answer(str(client_id), SyncOutcome.ALREADY_RECEIVED, item.record_id)
    answer.extra["first_outcome"] = item.outcome
    return answer


def receive_batch(
    *, acting_user: User, items: list[dict[str, Any]], serializers: Any
) -> list[Answer]:
    """Every item answered, in the order sent. `serializers` validates each kind's data
    (the API's own person, household and screening serializers)."""
    require_role(acting_user, "register_person")
    if len(items) > MAX_ITEMS:
        raise InvalidInput({"items": [_("At most %(n)d items in one batch.") % {"n": MAX_ITEMS}]})
    order = sorted(range(len(items)), key=lambda i: KIND_ORDER.get(items[i]["kind"], 9))
    answers: dict[int, Answer] = {}
    for index in order:
        answers[index] = _receive_one(acting_user, items[index], serializers)
    return [answers[i] for i in range(len(items))]


def _receive_one(user: User, item: dict[str, Any], serializers: Any) -> Answer:
    client_id = item["client_id"]
    previous = _previous(user, client_id)
    if previous is not None:
        return previous
    try:
        with transaction.atomic():
            answer = _apply(user, item, serializers)
            SyncItem.objects.create(
                client_id=client_id,
                user=user,
                kind=item["kind"],
                made_at=item.get("made_at"),
                outcome=answer.outcome,
                record_type=answer.extra.pop("_record_type", ""),
                record_id=answer.id,
            )
            if answer.outcome == SyncOutcome.CONFLICT:
                conflict = answer.extra.pop("_conflict")
                conflict.item_id = client_id
                conflict.save()
                answer.extra["conflict"] = str(conflict.pk)
                record(user, AuditAction.CREATE, conflict, detail={"person": answer.id})
    except InvalidInput as exc:
        return Answer(str(client_id), SyncOutcome.INVALID, errors=exc.errors)
    except (NotFound, Forbidden):
        return Answer(
            str(client_id),
            SyncOutcome.INVALID,
            errors={"data": [_("No such record, or not one you may change.")]},
        )
    except IntegrityError:
        # The same item arrived twice at once: the other one was received.
        again = _previous(user, client_id)
        if again is not None:
            return again
        raise
    return answer


def _apply(user: User, item: dict[str, Any], serializers: Any) -> Answer:
    kind, data, client_id = item["kind"], item["data"], str(item["client_id"])
    if kind == SyncKind.PERSON and data.get("id"):
        return _apply_person_change(user, item, serializers)
    if kind == SyncKind.PERSON:
        from crossroads.registry.actions import register_person

        person_data = serializers.person_data(data)
        person = register_person(acting_user=user, data=person_data)
        return _created(user, client_id, "registry.person", person, [person])
    if kind == SyncKind.HOUSEHOLD:
        from crossroads.households.actions import register_household

        household = register_household(acting_user=user, members=serializers.members(data))
        people = getattr(household, "people", [])
        answer = _created(user, client_id, "households.household", household, people)
        answer.extra["members"] = [str(p.pk) for p in people]
        return answer
    from crossroads.screening.actions import screen_person

    person_id = data.get("person")
    if not person_id and data.get("person_client_id"):
        made = SyncItem.objects.filter(
            client_id=_uuid(data["person_client_id"]) or uuid.UUID(int=0),
            user=user,
            kind=SyncKind.PERSON,
        ).first()
        if made is None:
            raise InvalidInput(
                {"person_client_id": [_("That person has not been received yet: send it first.")]}
            )
        person_id = made.record_id
    if not person_id:
        raise InvalidInput({"person": [_("This field is required.")]})
    screening = screen_person(acting_user=user, person_id=person_id, record_data=data.get("record"))
    answer = Answer(client_id, SyncOutcome.CREATED, str(screening.pk))
    answer.extra["_record_type"] = "screening.screening"
    answer.extra["reference"] = screening.reference
    return answer


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _created(user: User, client_id: str, record_type: str, obj: Any, people: list[Any]) -> Answer:
    from crossroads.identity.queries import describe_candidates

    answer = Answer(client_id, SyncOutcome.CREATED, str(obj.pk))
    answer.extra["_record_type"] = record_type
    if record_type == "registry.person":
        answer.extra["reference"] = obj.reference
    found = []
    for person in people:
        found += [
            f
            for f in getattr(person, "possible_duplicates", [])
            if f.match.probability >= SHOW_DUPLICATES_FROM
        ]
    if found:
        answer.outcome = SyncOutcome.POSSIBLE_DUPLICATE
        answer.extra["possible_duplicates"] = describe_candidates(user, found)
    return answer


def _apply_person_change(user: User, item: dict[str, Any], serializers: Any) -> Answer:
    """A change made offline to a person the server already has. Applied when nobody
    changed the person since (`base_version` is current); otherwise every field whose
    offline value differs from the server's is kept as a conflict, both values, for a
    person to resolve: nothing is overwritten."""
    from crossroads.registry.actions import update_person

    data, client_id = dict(item["data"]), str(item["client_id"])
    base_version = item.get("base_version")
    if base_version is None:
        raise InvalidInput({"base_version": [_("A change needs the version it was made on.")]})
    person = access_person_by_id(
        user, data.pop("id"), verb="change_person", for_update=True, audit_read=False
    )
    changes = serializers.person_changes(person, data)
    if base_version == person.version:
        try:
            update_person(
                acting_user=user,
                person_id=person.pk,
                version=base_version,
                data=serializers.person_change_data(person, data),
            )
        except Conflict:  # changed between our read and the update: a conflict after all
            person.refresh_from_db()
        else:
            answer = Answer(client_id, SyncOutcome.UPDATED, str(person.pk))
            answer.extra["_record_type"] = "registry.person"
            return answer
    differing = {
        name: {"offline": offline, "server": server}
        for name, (offline, server) in changes.items()
        if offline != server
    }
    answer = Answer(
        client_id, SyncOutcome.CONFLICT if differing else SyncOutcome.UPDATED, str(person.pk)
    )
    answer.extra["_record_type"] = "registry.person"
    if differing:
        answer.extra["_conflict"] = SyncConflict(
            person=person,
            made_by=user,
            base_version=base_version,
            server_version=person.version,
            fields=differing,
        )
        answer.extra["fields"] = differing
    return answer


def resolve_conflict(
    *, acting_user: User, conflict_id: Any, choices: dict[str, str], serializers: Any
) -> SyncConflict:
    """A person decides, field by field, which value stands: the offline one is then
    written through `update_person` (audited, version incremented); the server's stays."""
    with transaction.atomic():
        conflict = (
            SyncConflict.objects.select_for_update()
            .filter(pk=_uuid(conflict_id) or uuid.UUID(int=0))
            .first()
        )
        if conflict is None:
            raise NotFound()
        person = access_person_by_id(
            acting_user, conflict.person_id, verb="change_person", audit_read=False
        )
        if conflict.status != SyncConflict.Status.OPEN:
            raise Conflict(_("This conflict is resolved already."))
        missing = [
            name for name in conflict.fields if choices.get(name) not in {"offline", "server"}
        ]
        if missing:
            raise InvalidInput(
                {name: [_("Choose the offline value or the server's.")] for name in missing}
            )
        offline = {
            name: values["offline"]
            for name, values in conflict.fields.items()
            if choices[name] == "offline"
        }
        if offline:
            from crossroads.registry.actions import update_person

            update_person(
                acting_user=acting_user,
                person_id=person.pk,
                version=person.version,
                data=serializers.person_change_data(person, offline),
            )
        conflict.status = SyncConflict.Status.RESOLVED
        conflict.resolution = {name: choices[name] for name in conflict.fields}
        conflict.resolved_by = acting_user
        conflict.resolved_at = timezone.now()
        conflict.save()
        record(
            acting_user,
            AuditAction.UPDATE,
            conflict,
            detail={"person": str(person.pk), "resolution": conflict.resolution},
        )
    return conflict
