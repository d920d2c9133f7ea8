"""Every change to the register. Each action takes the acting user, checks the gate,
runs in one transaction and writes the audit trail in it; nothing else saves a person."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from crossroads.access.gate import access_person_by_id, require_role
from crossroads.access.models import GrantReason, PersonAccess
from crossroads.accounts.models import User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, InvalidInput
from crossroads.core.models import next_reference

from .models import FamilyLink, IdentityDocument, NameKey, Person, PersonName
from .search import keys_for_names, script_of
from .vocab import INVERSE_RELATION, Relation

SCALAR_FIELDS = (
    "given_name",
    "family_name",
    "patronymic",
    "birth_date",
    "birth_date_precision",
    "birth_date_estimated",
    "sex",
    "nationalities",
    "languages",
    "ethnicity",
    "religion",
)


@dataclass
class PersonData:
    """Validated input for a person (from a form or a serializer)."""

    values: dict[str, Any]
    aliases: list[dict[str, str]] | None = None
    documents: list[dict[str, Any]] | None = None
    family_links: list[dict[str, Any]] | None = None
    name_script: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def rebuild_search_keys(person: Person) -> None:
    """Rebuilds both indexes of a person: the name-search keys and the identity engine's
    keys for "registered before?" (inside the caller's transaction)."""
    from crossroads.identity.matching import reindex

    _rebuild_name_keys(person)
    reindex(person)


def _rebuild_name_keys(person: Person, *, new: bool = False, keys: set[str] | None = None) -> None:
    """`keys` when the caller has computed them already (before its transaction)."""
    if keys is None:
        names = [person.given_name, person.family_name, person.patronymic]
        for alias in person.aliases.all():
            names += [alias.given_name, alias.family_name, alias.patronymic]
        keys = keys_for_names(names)
    if not new:
        NameKey.objects.filter(person=person).delete()
    NameKey.objects.bulk_create([NameKey(person=person, key=key) for key in sorted(keys)])


def _replace_aliases(person: Person, aliases: list[dict[str, str]], *, new: bool = False) -> None:
    """Replaces the person's aliases; the new ones stay on `person` as if prefetched, so
    the name keys and the identity index are built from them without reading them back."""
    if not new:
        person.aliases.all().delete()
    rows = PersonName.objects.bulk_create(
        [
            PersonName(
                person=person,
                kind=a.get("kind") or PersonName.Kind.ALIAS,
                given_name=a.get("given_name", ""),
                family_name=a.get("family_name", ""),
                patronymic=a.get("patronymic", ""),
                name_script=a.get("name_script")
                or script_of(
                    a.get("given_name", ""), a.get("family_name", ""), a.get("patronymic", "")
                ),
            )
            for a in aliases
        ]
    )
    cache = getattr(person, "_prefetched_objects_cache", None)
    if cache is None:
        cache = person._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    cache["aliases"] = rows


def _replace_documents(
    person: Person, documents: list[dict[str, Any]], *, new: bool = False
) -> None:
    if not new:
        person.documents.all().delete()
    if not documents:
        return
    IdentityDocument.objects.bulk_create(
        [
            IdentityDocument(
                person=person,
                type=d["type"],
                number=d.get("number", ""),
                issuing_state=d.get("issuing_state", ""),
                expiry=d.get("expiry"),
            )
            for d in documents
        ]
    )


def _replace_family_links(user: User, person: Person, links: list[dict[str, Any]]) -> None:
    """Links are stored in both directions; a relative must be someone the user may see."""
    relatives: list[tuple[Person, str]] = []
    for index, link in enumerate(links):
        try:
            relative = access_person_by_id(user, link["relative"], audit_read=False)
        except Exception:
            raise InvalidInput(
                {"family_links": [_("Item %(n)d: no such person.") % {"n": index + 1}]}
            ) from None
        if relative.pk == person.pk:
            raise InvalidInput({"family_links": [_("A person cannot be their own relative.")]})
        relatives.append((relative, link["relation"]))
    old_relatives = list(person.family_links.values_list("relative_id", flat=True))
    FamilyLink.objects.filter(person=person).delete()
    FamilyLink.objects.filter(person_id__in=old_relatives, relative=person).delete()
    for relative, relation in relatives:
        FamilyLink.objects.update_or_create(
            person=person, relative=relative, defaults={"relation": relation}
        )
        FamilyLink.objects.update_or_create(
            person=relative,
            relative=person,
            defaults={"relation": INVERSE_RELATION[Relation(relation)]},
        )


def register_person(*, acting_user: User, data: PersonData) -> Person:
    """An officer or caseworker registers someone in their own agency's state.

    "Possibly registered before" is read first, outside the write transaction: on SQLite a
    write transaction holds the database's one write lock, and the check (reading the
    index and scoring candidates) is most of a registration's work. The transaction then
    only writes, and scores anyone indexed meanwhile (`after_registration`)."""
    from crossroads.identity.actions import after_registration, before_registration

    require_role(acting_user, "register_person")
    agency = acting_user.home_agency
    country = acting_user.home_country_id
    person = Person(
        country_id=country,
        registering_agency=agency,
        registered_by=acting_user,
        **{k: v for k, v in data.values.items() if k in SCALAR_FIELDS},
    )
    person.name_script = data.name_script or script_of(
        person.given_name, person.family_name, person.patronymic
    )
    names = [person.given_name, person.family_name, person.patronymic]
    for alias in data.aliases or []:
        names += [alias.get(part, "") for part in ("given_name", "family_name", "patronymic")]
    name_keys = keys_for_names(names)
    checked = before_registration(person, data.aliases)
    with transaction.atomic():
        # The reference number is taken last (see below); until then a placeholder that
        # no reference can be (references start with the state's code).
        person.reference = "~" + person.pk.hex[:23]
        person.save(force_insert=True)
        # A person saved just now has no grant, aliases, documents or keys to replace.
        PersonAccess.objects.create(
            person=person,
            agency=agency,
            reason=GrantReason.REGISTERED,
            granted_by=acting_user,
        )
        _replace_aliases(person, data.aliases or [], new=True)
        _replace_documents(person, data.documents or [], new=True)
        if data.family_links:
            _replace_family_links(acting_user, person, data.family_links)
        _rebuild_name_keys(person, new=True, keys=name_keys)
        # Indexed at once, and likely duplicates queued for a supervisor's review; what
        # was found is handed back for the officer's "possibly registered before".
        person.possible_duplicates = after_registration(person, checked)  # type: ignore[attr-defined]
        record(acting_user, AuditAction.CREATE, person)
        # Last: on PostgreSQL taking the number locks the state's counter row until the
        # commit, and every other registration of the state waits for it; taken first, it
        # was held across all the statements above.
        person.reference = next_reference(country)
        Person.objects.filter(pk=person.pk).update(reference=person.reference)
    return person


def update_person(
    *, acting_user: User, person_id: Any, version: int | None, data: PersonData
) -> Person:
    """Changes a person. A stale `version` is refused with the current record, never
    silently overwritten."""
    with transaction.atomic():
        person = access_person_by_id(acting_user, person_id, verb="change_person", for_update=True)
        if version is None:
            raise InvalidInput({"version": [_("This field is required.")]})
        if version != person.version:
            raise Conflict(
                _(
                    "Someone else changed this record since you opened it (your version "
                    "%(yours)d, now %(current)d). Reload it and make your change again."
                )
                % {"yours": version, "current": person.version},
                current=person,
            )
        changed = []
        for name, value in data.values.items():
            if name in SCALAR_FIELDS and getattr(person, name) != value:
                setattr(person, name, value)
                changed.append(name)
        names_changed = any(n in changed for n in ("given_name", "family_name", "patronymic"))
        if data.name_script:
            person.name_script = data.name_script
        elif names_changed:
            person.name_script = script_of(person.given_name, person.family_name, person.patronymic)
        if data.aliases is not None:
            _replace_aliases(person, data.aliases)
            changed.append("aliases")
        if data.documents is not None:
            _replace_documents(person, data.documents)
            changed.append("documents")
        if data.family_links is not None:
            _replace_family_links(acting_user, person, data.family_links)
            changed.append("family_links")
        person.version += 1
        person.save()
        identity_fields = {
            "given_name",
            "family_name",
            "patronymic",
            "birth_date",
            "sex",
            "nationalities",
            "aliases",
        }
        if identity_fields.intersection(changed):
            rebuild_search_keys(person)
        record(acting_user, AuditAction.UPDATE, person, detail={"fields": sorted(changed)})
    return person
