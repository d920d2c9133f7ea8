from __future__ import annotations

from typing import Any

from rest_framework import serializers

from crossroads.registry.serializers import PersonSerializer

from .models import DuplicateCandidate, Merge


class CandidateSerializer(serializers.Serializer[dict[str, Any]]):
    """A person possibly registered before. Everything only when the caller may see that
    person; otherwise only that a likely earlier registration exists at an agency of the
    state (`visible` false, the agency, and the id to ask that agency for access)."""

    visible = serializers.BooleanField()
    id = serializers.UUIDField(help_text="To ask the registering agency for access.")
    registering_agency = serializers.CharField()
    registering_agency_id = serializers.UUIDField()
    same_person = serializers.BooleanField(help_text="probability ≥ 0.5")
    reference = serializers.CharField(required=False)
    registered_at = serializers.DateTimeField(required=False)
    probability = serializers.FloatField(
        required=False, help_text="Calibrated match probability in [0, 1]"
    )
    agreement = serializers.DictField(child=serializers.CharField(), required=False)
    given_name = serializers.CharField(required=False)
    family_name = serializers.CharField(required=False)
    patronymic = serializers.CharField(required=False)
    birth_date = serializers.CharField(required=False)
    sex = serializers.CharField(required=False)
    nationalities = serializers.ListField(child=serializers.CharField(), required=False)
    explanation = serializers.DictField(child=serializers.CharField(), required=False)


class PersonCreatedSerializer(PersonSerializer):
    possible_duplicates = CandidateSerializer(many=True, read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "possible_duplicates"]


class CheckResultSerializer(serializers.Serializer[dict[str, Any]]):
    candidates = CandidateSerializer(many=True)


class DuplicatePersonSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    given_name = serializers.CharField()
    family_name = serializers.CharField()
    patronymic = serializers.CharField()
    birth_date = serializers.CharField()
    sex = serializers.CharField()
    nationalities = serializers.ListField(child=serializers.CharField())
    registering_agency = serializers.CharField(source="registering_agency.name")
    registered_at = serializers.DateTimeField()


class DuplicateCandidateSerializer(serializers.ModelSerializer[DuplicateCandidate]):
    person_a = DuplicatePersonSerializer()
    person_b = DuplicatePersonSerializer()

    class Meta:
        model = DuplicateCandidate
        fields = [
            "id",
            "person_a",
            "person_b",
            "probability",
            "explanation",
            "levels",
            "cluster",
            "source",
            "status",
            "found_at",
        ]


class MergeRequestSerializer(serializers.Serializer[dict[str, Any]]):
    kept = serializers.UUIDField(help_text="The record that stays")
    merged = serializers.UUIDField(help_text="The record merged into it")
    reason = serializers.CharField(max_length=2000)


class ReasonSerializer(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=2000)


class MergeSerializer(serializers.ModelSerializer[Merge]):
    moved = serializers.SerializerMethodField(
        help_text="How many rows of each kind moved to the kept record (undo moves them back)."
    )

    class Meta:
        model = Merge
        fields = [
            "id",
            "kept",
            "merged",
            "reason",
            "merged_at",
            "moved",
            "undone_at",
            "undo_reason",
        ]

    def get_moved(self, merge: Merge) -> dict[str, int]:
        # The moved rows' own ids stay inside (undo needs them): some are sequential
        # integers, and no public identifier is.
        return {
            table: sum(len(ids) for ids in fields.values())
            for table, fields in (merge.moved or {}).items()
        }
