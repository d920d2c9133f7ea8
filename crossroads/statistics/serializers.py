"""The query parameters of the statistics (validation only), and the shape of the answer."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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


class CellSerializer(serializers.Serializer[Any]):
    value = serializers.CharField(help_text="The code counted (a month as YYYY-MM).")
    # A field named `label`, declared like any other (not the serializer's own label).
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="Its name, in the caller's language."
    )
    count = serializers.IntegerField(
        help_text="Protected by the cell-key method: never 1 to 4, a few people off."
    )
    suppressed = serializers.BooleanField(
        help_text="Always false: counts are perturbed (cell-key method), never hidden."
    )


def _cells(source: str, help_text: str) -> Any:
    return CellSerializer(many=True, source=source, help_text=help_text)


class RegistrationsSerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField(help_text="Protected like every count.")
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
    total = serializers.IntegerField()
    by_need = _cells("tables.by_need", "Screenings finding each need; one can find several.")


class ReferralsSerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField()
    by_pathway = _cells("tables.by_pathway", "Every pathway.")
    by_status = _cells("tables.by_status", "Every status.")


class CasesSerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField()
    by_type = _cells("tables.by_type", "Every case type.")
    by_state = serializers.DictField(
        source="nested.by_state",
        child=CellSerializer(many=True),
        help_text="For each case type counted, its cases by state.",
    )


class StatisticsSerializer(serializers.Serializer[Any]):
    """Counts only, never an individual. Every count is protected by the cell-key method
    (docs/statistics.md): a count of 1 to 4 is shown as 0 or 5, larger counts are moved
    by at most 2, and the same records always give the same figure, so that two queries
    differing by one person do not reveal that person."""

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


# --- trends, gaps, export ---------------------------------------------------------------


class TrendParamsSerializer(serializers.Serializer[Any]):
    """`?from=&to=&by=month|quarter|year&location=`. `from` and `to` are a month
    (`2026-01`), a quarter (`2026-Q1`), a year (`2026`) or a day (`2026-01-15`); the
    figures always cover whole periods of `by`, from the one containing `from` to the one
    containing `to` (default: the last twelve months)."""

    by = serializers.ChoiceField(
        choices=[("month", "month"), ("quarter", "quarter"), ("year", "year")],
        required=False,
        default="month",
        help_text="Length of each period of the series.",
    )
    location = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=200,
        help_text="A place named by screenings (a border post, a city, a detention centre) "
        "or a kind of place (`border`, `airport`, `inland`, `detention`, `reception`).",
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["from"] = serializers.CharField(
            required=False, help_text="First period (YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD)."
        )
        fields["to"] = serializers.CharField(
            required=False, help_text="Last period (YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD)."
        )
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        from .periods import MAX_PERIODS, PeriodError, parse_day, parse_day_end, series
        from .queries import default_range

        default_start, default_end = default_range()
        errors: dict[str, list[str]] = {}
        start, end = default_start, default_end
        if attrs.get("from"):
            try:
                start = parse_day(attrs["from"])
            except PeriodError:
                errors["from"] = [_("Not a period: write 2026-11, 2026-Q3, 2026 or a day.")]
        if attrs.get("to"):
            try:
                end = parse_day_end(attrs["to"])
            except PeriodError:
                errors["to"] = [_("Not a period: write 2026-11, 2026-Q3, 2026 or a day.")]
        if not errors and end < start:
            errors["to"] = [_("The end of the period is before its start.")]
        if not errors:
            try:
                series(attrs.get("by", "month"), start, end)
            except PeriodError:
                errors["to"] = [
                    _("At most %(n)s periods at once: choose a longer period or a shorter span.")
                    % {"n": MAX_PERIODS}
                ]
        if errors:
            raise serializers.ValidationError(errors)
        attrs["start"], attrs["end"] = start, end
        return attrs


class ExportParamsSerializer(TrendParamsSerializer):
    format = serializers.ChoiceField(
        choices=[("csv", "csv"), ("xlsx", "xlsx")],
        help_text="`csv` (one long table) or `xlsx` (one sheet per table).",
        error_messages={
            "invalid_choice": gettext_lazy("Export as csv or xlsx."),
            "required": gettext_lazy("Choose csv or xlsx."),
        },
    )


class ColumnSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="A period (YYYY-MM, YYYY-Qn, YYYY) or a measure.")
    label = serializers.CharField()  # type: ignore[assignment]


class RowSerializer(serializers.Serializer[Any]):
    value = serializers.CharField(help_text="The code counted.")
    label = serializers.CharField(help_text="Its name, in the caller's language.")  # type: ignore[assignment]
    values = serializers.ListField(
        child=serializers.FloatField(allow_null=True),
        help_text="One per column: a protected count, a median, a share or a rate; null "
        "where a median or share of fewer than 10 records would be shown.",
    )


class GridSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    title = serializers.CharField()
    unit = serializers.ChoiceField(
        choices=["count", "hours", "days", "percent", "per_100"],
        help_text="What the values are.",
    )
    columns = serializers.SerializerMethodField()
    rows = RowSerializer(many=True)
    total = RowSerializer(allow_null=True, help_text="Protected totals of each column.")

    def get_columns(self, grid: Any) -> list[dict[str, str]]:
        return [{"code": code, "label": str(label)} for code, label in grid.columns]


class MethodSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    small_cell = serializers.IntegerField()
    max_noise = serializers.IntegerField()
    min_group_for_median_or_share = serializers.IntegerField()


class FiguresSerializer(serializers.Serializer[Any]):
    """Protected tables of one state: never an individual. See docs/statistics.md for the
    cell-key method and how the tables add up."""

    country = serializers.CharField(help_text="Your agency's state: the only one counted.")
    by = serializers.CharField(source="grain")
    location = serializers.CharField()
    periods = serializers.SerializerMethodField()
    tables = GridSerializer(many=True, source="grids")
    method = MethodSerializer()

    def get_periods(self, figures: Any) -> list[str]:
        return [p.code for p in figures.periods]

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["from"] = serializers.DateField(source="start")
        fields["to"] = serializers.DateField(source="end")
        return fields
