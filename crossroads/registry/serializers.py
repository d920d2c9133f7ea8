"""API input validation and output shapes for the register. Validation only: the work is
done by `actions`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from crossroads.access.gate import can

from . import validation
from .actions import PersonData
from .models import FamilyLink, IdentityDocument, Person, PersonName
from .queries import DEFAULT_ORDERING, ORDERINGS
from .vocab import DOCUMENT_TYPE_CHOICES, Calendar, Precision, Relation, Script, Sex

SENSITIVE_FIELDS = ("ethnicity", "religion")


def _django_to_drf(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(exc.messages)


class NameField(serializers.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return validation.nfc(super().to_internal_value(data))


class PrefetchedList(serializers.ListSerializer[Any]):
    """A person's rows of one kind (aliases, documents, family links) read from the list
    the page's query prefetched into `prefetched_<field>` when there is one: reading them
    through the related manager builds a queryset per person and relation, half the CPU
    of a list of fifty people."""

    def get_attribute(self, instance: Any) -> Any:
        rows = getattr(instance, f"prefetched_{self.source}", None)
        return rows if rows is not None else super().get_attribute(instance)


class AliasSerializer(serializers.ModelSerializer[PersonName]):
    given_name = NameField()
    family_name = NameField()
    patronymic = NameField()
    name_script = serializers.ChoiceField(choices=Script.choices, required=False)

    class Meta:
        model = PersonName
        fields = ["kind", "given_name", "family_name", "patronymic", "name_script"]
        list_serializer_class = PrefetchedList

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not (attrs.get("given_name") or attrs.get("family_name") or attrs.get("patronymic")):
            raise serializers.ValidationError(_("An alias needs at least one name."))
        return attrs


class DocumentSerializer(serializers.ModelSerializer[IdentityDocument]):
    type = serializers.ChoiceField(choices=DOCUMENT_TYPE_CHOICES)
    number = serializers.CharField(max_length=64, allow_blank=True, required=False)
    issuing_state = serializers.CharField(max_length=2, allow_blank=True, required=False)
    expiry = serializers.DateField(required=False, allow_null=True)

    class Meta:
        model = IdentityDocument
        fields = ["type", "number", "issuing_state", "expiry"]
        list_serializer_class = PrefetchedList

    def validate_issuing_state(self, value: str) -> str:
        if not value:
            return value
        try:
            return validation.validate_country_code(value)
        except DjangoValidationError as exc:
            raise _django_to_drf(exc) from None


class FamilyLinkSerializer(serializers.Serializer[FamilyLink]):
    relative = serializers.UUIDField(source="relative_id")
    relation = serializers.ChoiceField(choices=Relation.choices)
    relative_reference = serializers.CharField(source="relative.reference", read_only=True)

    class Meta:
        list_serializer_class = PrefetchedList

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        value = super().to_internal_value(data)
        return {"relative": value["relative_id"], "relation": value["relation"]}


class PersonSerializer(serializers.ModelSerializer[Person]):
    given_name = NameField()
    family_name = NameField()
    patronymic = NameField()
    name_script = serializers.ChoiceField(choices=Script.choices, required=False)
    birth_date = serializers.CharField(max_length=10, allow_blank=True, required=False)
    birth_date_calendar = serializers.ChoiceField(
        choices=Calendar.choices,
        required=False,
        write_only=True,
        help_text="The calendar `birth_date` is written in; Solar Hijri dates are converted.",
    )
    birth_date_precision = serializers.ChoiceField(choices=Precision.choices, read_only=True)
    sex = serializers.ChoiceField(choices=Sex.choices, required=False)
    nationalities = serializers.ListField(
        child=serializers.CharField(max_length=9), required=False, max_length=10
    )
    languages = serializers.ListField(
        child=serializers.CharField(max_length=3), required=False, max_length=20
    )
    aliases = AliasSerializer(many=True, required=False, max_length=50)  # type: ignore[call-arg]
    documents = DocumentSerializer(many=True, required=False, max_length=50)  # type: ignore[call-arg]
    family_links = FamilyLinkSerializer(many=True, required=False, max_length=50)  # type: ignore[call-arg]
    country = serializers.CharField(source="country_id", read_only=True)
    registering_agency = serializers.UUIDField(source="registering_agency_id", read_only=True)
    safeguards = serializers.SerializerMethodField()
    ethnicity = serializers.CharField(max_length=100, allow_blank=True, required=False)
    religion = serializers.CharField(max_length=100, allow_blank=True, required=False)
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Ignored on registration; on a change, the version you read (409 if stale).",
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "reference",
            "country",
            "given_name",
            "family_name",
            "patronymic",
            "name_script",
            "aliases",
            "birth_date",
            "birth_date_calendar",
            "birth_date_precision",
            "birth_date_estimated",
            "sex",
            "nationalities",
            "languages",
            "ethnicity",
            "religion",
            "documents",
            "family_links",
            "registering_agency",
            "registered_at",
            "safeguards",
            "version",
        ]
        read_only_fields = ["id", "reference", "registered_at"]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "code": {"type": "string"},
                    "because": {"type": "array", "items": {"type": "string"}},
                    "since": {"type": "string", "format": "date-time"},
                    "ends_at": {"type": "string", "format": "date-time", "nullable": True},
                },
            },
        }
    )
    def get_safeguards(self, person: Person) -> list[dict[str, Any]]:
        """The safeguards standing now, each until lifted by a recorded decision (read
        from `active_safeguard_rows` when a list has prefetched them)."""
        rows = getattr(person, "active_safeguard_rows", None)
        if rows is None:
            rows = list(person.safeguards.active().order_by("code"))
        return [
            {
                "id": str(s.id),
                "code": s.code,
                "because": s.because,
                "since": s.started_at.isoformat(),
                "ends_at": s.ends_at.isoformat() if s.ends_at else None,
            }
            for s in rows
        ]

    def validate_nationalities(self, value: list[str]) -> list[str]:
        try:
            return validation.validate_nationalities(value)
        except DjangoValidationError as exc:
            raise _django_to_drf(exc) from None

    def validate_languages(self, value: list[str]) -> list[str]:
        try:
            return validation.validate_languages(value)
        except DjangoValidationError as exc:
            raise _django_to_drf(exc) from None

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        calendar = attrs.pop("birth_date_calendar", Calendar.GREGORIAN)
        if "birth_date" in attrs:
            try:
                text, precision, approximate = validation.parse_birth_date(
                    attrs["birth_date"], calendar
                )
            except DjangoValidationError as exc:
                raise serializers.ValidationError({"birth_date": exc.messages}) from None
            attrs["birth_date"] = text
            attrs["birth_date_precision"] = precision
            if approximate:
                attrs["birth_date_estimated"] = True
        # A person keeps at least one of the two names, whether registered or changed.
        names = [
            attrs.get(name, getattr(self.instance, name, ""))
            for name in ("given_name", "family_name")
        ]
        if not any(names):
            raise serializers.ValidationError(
                {"given_name": [_("Give at least a given name or a family name.")]}
            )
        if self.instance is not None and "version" not in attrs:
            raise serializers.ValidationError({"version": [_("This field is required.")]})
        return attrs

    def to_person_data(self) -> PersonData:
        attrs = dict(self.validated_data)
        attrs.pop("version", None)
        return PersonData(
            values=attrs,
            aliases=attrs.pop("aliases", None),
            documents=attrs.pop("documents", None),
            family_links=attrs.pop("family_links", None),
            name_script=attrs.pop("name_script", ""),
        )

    def to_representation(self, instance: Person) -> dict[str, Any]:
        data = super().to_representation(instance)
        user = self.context["request"].user
        # Omitted, not nulled, for roles that may not see them.
        sensitive_ok = self.context.get("sensitive_ok")
        if sensitive_ok is None:
            sensitive_ok = can(user, "view_sensitive", instance)
        if not sensitive_ok:
            for name in SENSITIVE_FIELDS:
                data.pop(name, None)
        return data


class PersonListSerializer(PersonSerializer):
    """A row of the register: every person field of api.md, as the detail shows it
    (aliases, documents, family links and active safeguards included), so that a list or
    a search answers the same shape as a read. The list prefetches what the rows show."""

    class Meta(PersonSerializer.Meta):
        fields = [f for f in PersonSerializer.Meta.fields if f != "birth_date_calendar"]


class PersonConflictSerializer(serializers.Serializer[Any]):
    """409 to a stale `version`: why, and the record as it is now."""

    detail = serializers.CharField()
    current = PersonSerializer()


class PersonListQuerySerializer(serializers.Serializer[Any]):
    """The query parameters of the register: free-text `q`, filters named after the
    fields they filter, and `ordering`."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Names and aliases, in any script (Cyrillic, Latin, Perso-Arabic).",
    )
    sex = serializers.ChoiceField(choices=Sex.choices, required=False)
    nationalities = serializers.CharField(
        required=False,
        max_length=9,
        help_text="People holding this nationality (ISO alpha-2, `stateless` or `unknown`).",
    )
    languages = serializers.CharField(
        required=False, max_length=3, help_text="People speaking this language (ISO 639-3)."
    )
    registering_agency = serializers.UUIDField(required=False)
    name_script = serializers.ChoiceField(choices=Script.choices, required=False)
    birth_date_precision = serializers.ChoiceField(choices=Precision.choices, required=False)
    ordering = serializers.ChoiceField(
        choices=[o for name in ORDERINGS for o in (name, f"-{name}")],
        required=False,
        default=DEFAULT_ORDERING,
        help_text="A field, `-` first for descending; newest registrations first by default.",
    )

    def validate_nationalities(self, value: str) -> str:
        try:
            return validation.validate_nationalities([value])[0]
        except DjangoValidationError as exc:
            raise _django_to_drf(exc) from None

    def validate_languages(self, value: str) -> str:
        try:
            return validation.validate_languages([value])[0]
        except DjangoValidationError as exc:
            raise _django_to_drf(exc) from None

    def filters(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        data.pop("q", None)
        data.pop("ordering", None)
        return data
