"""Input validation and the shape of the answers of the regional resources."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from .models import Publication


class PublishSerializer(serializers.Serializer[Any]):
    period = serializers.CharField(
        max_length=8,
        help_text="A closed month (`2026-11`) or quarter (`2026-Q3`).",
        error_messages={"required": gettext_lazy("Say which period to publish.")},
    )


class PublishedRowSerializer(serializers.Serializer[Any]):
    value = serializers.CharField(help_text="A code of the table's vocabulary.")
    figure = serializers.FloatField(help_text="Protected count, median or share.")


class PublishedTableSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    unit = serializers.CharField()
    period = serializers.CharField()
    rows = PublishedRowSerializer(many=True)
    total = serializers.FloatField(allow_null=True)


class PublicationSerializer(serializers.ModelSerializer[Publication]):
    """A state's protected tables of one closed period. No person, no id of a person."""

    country = serializers.CharField(source="country_id")
    tables = PublishedTableSerializer(many=True)
    withdrawn = serializers.BooleanField()
    imported = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = [
            "id",
            "country",
            "period",
            "starts",
            "ends",
            "published_at",
            "withdrawn",
            "withdrawn_at",
            "imported",
            "method",
            "tables",
        ]

    def get_imported(self, publication: Publication) -> bool:
        return bool(publication.source)


class BundleUploadSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(
        help_text="A bundle file made by another instance (`publications/{id}/bundle/`).",
        error_messages={"required": gettext_lazy("Choose a bundle file.")},
    )


class RegionalParamsSerializer(serializers.Serializer[Any]):
    period = serializers.RegexField(
        r"^\d{4}-(\d{2}|Q[1-4])$",
        required=False,
        allow_blank=True,
        default="",
        help_text="A published month or quarter; default the latest.",
        error_messages={"invalid": gettext_lazy("Write a month (2026-11) or a quarter (2026-Q3).")},
    )
    nationality = serializers.RegexField(
        r"^([A-Z]{2}|stateless|unknown)$",
        required=False,
        default="AF",
        help_text="ISO alpha-2 code of the nationality followed month by month (default AF).",
        error_messages={"invalid": gettext_lazy("Write a state's two-letter code.")},
    )


class SideBySideRowSerializer(serializers.Serializer[Any]):
    value = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    by_state = serializers.ListField(
        child=serializers.FloatField(allow_null=True), help_text="One per state, in `states`."
    )
    region = serializers.FloatField(allow_null=True, help_text="Sum over the region (counts).")


class SideBySideSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    title = serializers.CharField()
    unit = serializers.CharField()
    states = serializers.ListField(child=serializers.CharField(), source="countries")
    rows = serializers.SerializerMethodField()
    total = serializers.SerializerMethodField()

    def get_rows(self, side: Any) -> list[dict[str, Any]]:
        return [
            {"value": v, "label": label, "by_state": figures, "region": summed}
            for v, label, figures, summed in side.rows
        ]

    def get_total(self, side: Any) -> dict[str, Any] | None:
        if side.total is None:
            return None
        return {"by_state": side.total[0], "region": side.total[1]}


class ComparisonSerializer(serializers.Serializer[Any]):
    state = serializers.CharField()
    children_share = serializers.FloatField(allow_null=True)
    late_referrals_share = serializers.FloatField(allow_null=True)


class RegionalSerializer(serializers.Serializer[Any]):
    """Published tables of participating states: side by side, summed, compared."""

    period = serializers.CharField()
    periods = serializers.ListField(child=serializers.CharField(), help_text="Periods published.")
    states = serializers.SerializerMethodField()
    tables = SideBySideSerializer(many=True)
    comparison = serializers.SerializerMethodField()
    series = SideBySideSerializer(allow_null=True)

    def get_states(self, picture: Any) -> list[dict[str, str]]:
        return [{"code": c, "name": n} for c, n in picture.countries]

    def get_comparison(self, picture: Any) -> list[dict[str, Any]]:
        return [
            {"state": c, "children_share": ch, "late_referrals_share": late}
            for c, ch, late in picture.comparison
        ]
