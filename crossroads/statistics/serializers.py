"""The query parameters of the statistics (validation only), and the shape of the answer."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from .queries import Period


class PeriodSerializer(serializers.Serializer[Period]):
    """`?from=YYYY-MM-DD&to=YYYY-MM-DD`, both inclusive, both optional."""

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        # `from` is a Python keyword, so the fields are named here rather than declared.
        return {
            "from": serializers.DateField(
                required=False, help_text="First day counted (YYYY-MM-DD)."
            ),
            "to": serializers.DateField(required=False, help_text="Last day counted (YYYY-MM-DD)."),
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("from"), attrs.get("to")
        if start and end and end < start:
            raise serializers.ValidationError(
                {"to": [_("The end of the period is before its start.")]}
            )
        return attrs

    def to_period(self) -> Period:
        return Period(start=self.validated_data.get("from"), end=self.validated_data.get("to"))


class CellSerializer(serializers.Serializer[Any]):
    value = serializers.CharField(help_text="The code counted (a month as YYYY-MM).")
    # A field named `label`, declared like any other (not the serializer's own label).
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="Its name, in the caller's language."
    )
    count = serializers.IntegerField(
        allow_null=True, help_text="null when hidden by the small-cell rule."
    )
    suppressed = serializers.BooleanField()


def _cells(source: str, help_text: str) -> Any:
    return CellSerializer(many=True, source=source, help_text=help_text)


class RegistrationsSerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField(allow_null=True, help_text="null when under the threshold.")
    by_sex = _cells("tables.by_sex", "Every value of `sex`.")
    by_age_band = _cells(
        "tables.by_age_band",
        "Age when registered: `child` when possibly under 18, `adult`, `unknown`.",
    )
    by_nationality = _cells(
        "tables.by_nationality",
        "ISO alpha-2 codes, `stateless`, `unknown`; a person of two counts under both.",
    )
    by_month = _cells("tables.by_month", "Month of registration (YYYY-MM).")


class ScreeningsSerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField(allow_null=True)
    by_need = _cells("tables.by_need", "Screenings finding each need; one can find several.")


class ReferralsSerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField(allow_null=True)
    by_pathway = _cells("tables.by_pathway", "Every pathway.")
    by_status = _cells("tables.by_status", "Every status.")


class CasesSerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField(allow_null=True)
    by_type = _cells("tables.by_type", "Every case type.")
    by_state = serializers.DictField(
        source="nested.by_state",
        child=CellSerializer(many=True),
        help_text="For each case type counted, its cases by state; hidden with its type.",
    )


class StatisticsSerializer(serializers.Serializer[Any]):
    """Counts only, never an individual. A count of 1 to 4 is hidden (`count` null,
    `suppressed` true), and so is any count from which a hidden one could be worked out
    by subtraction from the total: a table that hides anything hides at least two cells
    holding at least `small_cell_threshold` people together, or else all its cells."""

    country = serializers.CharField(help_text="Your agency's state: the only one counted.")
    small_cell_threshold = serializers.IntegerField(source="small_cell")
    registrations = RegistrationsSerializer()
    screenings = ScreeningsSerializer()
    referrals = ReferralsSerializer()
    cases = CasesSerializer()

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["from"] = serializers.DateField(source="period.start", allow_null=True)
        fields["to"] = serializers.DateField(source="period.end", allow_null=True)
        return fields
