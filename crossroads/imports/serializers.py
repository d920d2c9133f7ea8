from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import ImportJob, ImportRow, RowOutcome
from .reading import FIELDS
from .report import errors_for_reader


class ImportCreateSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(help_text="CSV (any common encoding) or XLSX.")
    dry_run = serializers.BooleanField(
        default=True, help_text="Report what each row would become; register no one."
    )
    mapping = serializers.JSONField(
        required=False,
        help_text="For a layout we do not recognise: our field -> the file's column, e.g. "
        '`{"given_name": "Имя", "family_name": "Фамилия"}`. Fields: ' + ", ".join(FIELDS),
    )

    def validate_mapping(self, value: Any) -> dict[str, str]:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise serializers.ValidationError(_("The mapping must be a JSON object.")) from None
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise serializers.ValidationError(_("The mapping must be a JSON object."))
        return value


class ImportRowErrorSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(help_text="The field's code, e.g. `birth_date`.")
    # A declared field named like a Field attribute: DRF's metaclass takes it off the class.
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="The field's name in the reader's language."
    )
    message = serializers.CharField(help_text="Why, in the reader's language.")


class ImportRowSerializer(serializers.ModelSerializer[ImportRow]):
    outcome = serializers.ChoiceField(choices=RowOutcome.choices)
    errors = serializers.SerializerMethodField()  # type: ignore[assignment]
    person = serializers.UUIDField(source="person_id", allow_null=True)

    class Meta:
        model = ImportRow
        fields = ["row", "outcome", "errors", "duplicates", "person"]

    @extend_schema_field(ImportRowErrorSerializer(many=True))
    def get_errors(self, row: ImportRow) -> list[dict[str, str]]:
        return errors_for_reader(row.errors)


class ImportJobSerializer(serializers.ModelSerializer[ImportJob]):
    progress = serializers.FloatField()
    file_name = serializers.CharField(source="file.name")
    created_by = serializers.CharField(source="created_by.username")

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "status",
            "dry_run",
            "progress",
            "total_rows",
            "processed_rows",
            "counts",
            "layout",
            "encoding",
            "mapping",
            "file_name",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
            "failure",
        ]
