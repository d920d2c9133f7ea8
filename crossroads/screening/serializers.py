"""API input validation and output shapes for screenings. Validation only: the work is
done by `actions` (which call the engine, the one source of rules)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from crossroads.engines.screening import Pathway, Priority
from crossroads.engines.screening.vocab import AgencyKind

from .models import PersonSafeguard, Screening
from .vocab import NEED_CHOICES, SAFEGUARD_CHOICES

RECORD_HELP = (
    "The screening record of screening.md section 1 (`country`, `date`, `location`, "
    "`person`, `travel`, `statements`, `indicators`). An unknown key at any level is an "
    "error; errors are keyed by the record's field path, e.g. `record.person.birth_date`."
)


class PackSerializer(serializers.Serializer[Any]):
    country = serializers.CharField()
    version = serializers.CharField()
    effective_from = serializers.DateField()


class NeedItemSerializer(serializers.Serializer[Any]):
    code = serializers.ChoiceField(choices=NEED_CHOICES)
    because = serializers.ListField(child=serializers.CharField())


class ReferralItemSerializer(serializers.Serializer[Any]):
    pathway = serializers.ChoiceField(choices=[c.value for c in Pathway])
    agency_kind = serializers.ChoiceField(choices=[c.value for c in AgencyKind])
    priority = serializers.ChoiceField(choices=[c.value for c in Priority])
    deadline_hours = serializers.IntegerField()
    needs = serializers.ListField(child=serializers.CharField())
    consent_required = serializers.BooleanField()
    because = serializers.ListField(child=serializers.CharField())


class SafeguardItemSerializer(serializers.Serializer[Any]):
    code = serializers.ChoiceField(choices=SAFEGUARD_CHOICES)
    because = serializers.ListField(child=serializers.CharField())


class ScreeningResultSerializer(serializers.Serializer[Any]):
    """Exactly what `crossroads screen` prints for the record (screening.md section 2)."""

    schema = serializers.CharField()
    pack = PackSerializer()
    is_child = serializers.BooleanField()
    needs = NeedItemSerializer(many=True)
    referrals = ReferralItemSerializer(many=True)
    safeguards = SafeguardItemSerializer(many=True)
    warnings = serializers.ListField(child=serializers.CharField())


class RecordField(serializers.JSONField):
    """The record is passed to the engine as given; the engine validates it."""


class ScreeningCreateSerializer(serializers.Serializer[Any]):
    person = serializers.UUIDField(help_text="The person screened; one you may work on.")
    record = RecordField(help_text=RECORD_HELP)


class PreviewSerializer(serializers.Serializer[Any]):
    record = RecordField(help_text=RECORD_HELP)


class ScreeningSerializer(serializers.ModelSerializer[Screening]):
    person = serializers.UUIDField(source="person_id", read_only=True)
    record = serializers.JSONField(read_only=True, help_text=RECORD_HELP)
    result = serializers.SerializerMethodField()

    class Meta:
        model = Screening
        fields = ["id", "reference", "person", "record", "result"]
        read_only_fields = fields

    @extend_schema_field(ScreeningResultSerializer)
    def get_result(self, screening: Screening) -> dict[str, Any]:
        # Stored exactly as the engine gave it; passed through untouched.
        return dict(screening.result)


class ScreeningListSerializer(ScreeningSerializer):
    screened_at = serializers.DateTimeField(read_only=True)
    agency = serializers.UUIDField(source="agency_id", read_only=True)

    class Meta(ScreeningSerializer.Meta):
        fields = ["id", "reference", "person", "screened_at", "agency", "record", "result"]
        read_only_fields = fields


class PackDetailSerializer(PackSerializer):
    name = serializers.CharField()


class ScreeningDetailSerializer(ScreeningListSerializer):
    pack = serializers.SerializerMethodField()

    class Meta(ScreeningListSerializer.Meta):
        fields = [*ScreeningListSerializer.Meta.fields, "pack"]
        read_only_fields = fields

    @extend_schema_field(PackDetailSerializer)
    def get_pack(self, screening: Screening) -> dict[str, Any]:
        from .queries import pack_of

        return pack_of(screening)


class SafeguardSerializer(serializers.ModelSerializer[PersonSafeguard]):
    person = serializers.UUIDField(source="person_id", read_only=True)
    screening = serializers.UUIDField(source="screening_id", read_only=True, allow_null=True)
    because = serializers.ListField(child=serializers.CharField(), read_only=True)
    is_active = serializers.BooleanField(read_only=True)
    lifted_by = serializers.CharField(source="lifted_by.username", read_only=True, default="")

    class Meta:
        model = PersonSafeguard
        fields = [
            "id",
            "person",
            "code",
            "because",
            "screening",
            "started_at",
            "ends_at",
            "is_active",
            "lifted_at",
            "lifted_by",
            "lift_reason",
            "lift_decision",
        ]
        read_only_fields = fields


class LiftSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=4000, help_text="Why the safeguard is lifted.")
    decision = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text="The reference of the recorded decision that lifts it.",
    )


class SafeguardConflictSerializer(serializers.Serializer[Any]):
    """409 to a lift refused now: why, and the safeguard as it is."""

    detail = serializers.CharField()
    current = SafeguardSerializer()


class ScreeningListQuerySerializer(serializers.Serializer[Any]):
    person = serializers.UUIDField(required=False, help_text="Only this person's screenings.")
