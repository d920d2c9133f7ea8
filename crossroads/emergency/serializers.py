from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import serializers

from crossroads.screening.fear_question import FEAR_ANSWER_CHOICES
from crossroads.screening.forms import (
    EXPLOITATION_CHOICES,
    FORCED_LABOUR_CHOICES,
    LOCATION_CHOICES,
)

from .models import Influx, ShortScreening


class InfluxSerializer(serializers.ModelSerializer[Influx]):
    location_kind = serializers.ChoiceField(choices=LOCATION_CHOICES, default="border")
    country = serializers.CharField(source="country_id", read_only=True)
    running = serializers.SerializerMethodField()

    class Meta:
        model = Influx
        fields = [
            "id",
            "country",
            "location",
            "location_kind",
            "starts",
            "ends",
            "running",
            "declared_at",
        ]
        read_only_fields = ["id", "declared_at"]

    def get_running(self, influx: Influx) -> bool:
        return influx.starts <= timezone.localdate() <= influx.ends


class InfluxFiguresSerializer(serializers.Serializer[Any]):
    screened = serializers.IntegerField()
    fear_of_return = serializers.IntegerField()
    fear_declined = serializers.IntegerField()
    child_alone = serializers.IntegerField()
    medical_urgent = serializers.IntegerField()
    trafficking_signs = serializers.IntegerField()
    emergency = serializers.IntegerField()
    urgent = serializers.IntegerField()
    fully_screened = serializers.IntegerField()
    waiting = serializers.IntegerField()
    overdue = serializers.IntegerField()


class ShortScreeningInputSerializer(serializers.Serializer[Any]):
    """For the schema: the short screening's questions (validated by the same form class
    as the page, fear of return never unanswered)."""

    person = serializers.UUIDField()
    influx = serializers.UUIDField()
    fear_of_return = serializers.ChoiceField(choices=FEAR_ANSWER_CHOICES)
    free_text = serializers.CharField(required=False, allow_blank=True)
    fear_of_return_confirmed = serializers.BooleanField(required=False)
    child_alone = serializers.BooleanField(required=False)
    medical_urgent = serializers.BooleanField(required=False)
    moved_or_recruited_by_another = serializers.BooleanField(required=False)
    forced_labour = serializers.ListField(
        child=serializers.ChoiceField(choices=FORCED_LABOUR_CHOICES), required=False
    )
    exploitation = serializers.ListField(
        child=serializers.ChoiceField(choices=EXPLOITATION_CHOICES), required=False
    )


class ShortScreeningSerializer(serializers.ModelSerializer[ShortScreening]):
    person = serializers.UUIDField(source="person_id")
    person_reference = serializers.CharField(source="person.reference")
    influx = serializers.UUIDField(source="influx_id")
    screening = serializers.UUIDField(source="screening_id")
    result = serializers.JSONField(source="screening.result")
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = ShortScreening
        fields = [
            "id",
            "person",
            "person_reference",
            "influx",
            "screening",
            "screened_at",
            "full_due",
            "overdue",
            "priority",
            "result",
        ]

    def get_overdue(self, short: ShortScreening) -> bool:
        return short.full_due < timezone.now()
