"""`sync/` input: the batch's envelope, and each kind's data validated by the API's own
serializers (persons/, households/, screenings/), so offline records obey the same rules."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from crossroads.core.exceptions import InvalidInput
from crossroads.registry.actions import SCALAR_FIELDS, PersonData

from .models import SyncKind

# What an offline change may touch: the person's own fields (a change of aliases,
# documents or family links is made online).
CHANGEABLE = tuple(f for f in SCALAR_FIELDS if f != "birth_date_precision")


class SyncItemSerializer(serializers.Serializer[Any]):
    client_id = serializers.UUIDField(help_text="Made by the device; a replay never creates twice.")
    kind = serializers.ChoiceField(choices=SyncKind.choices)
    made_at = serializers.DateTimeField(required=False, allow_null=True)
    data = serializers.DictField(  # type: ignore[assignment]
        help_text="As POSTed to persons/, households/ or screenings/; "
        "a change to a person carries its `id`."
    )
    base_version = serializers.IntegerField(
        required=False, min_value=1, help_text="For a change: the version it was made on."
    )


class SyncBatchSerializer(serializers.Serializer[Any]):
    items = SyncItemSerializer(many=True, max_length=500)  # type: ignore[call-arg]


class SyncAnswerSerializer(serializers.Serializer[Any]):
    client_id = serializers.UUIDField()
    outcome = serializers.ChoiceField(
        choices=[
            "created",
            "updated",
            "already_received",
            "possible_duplicate",
            "conflict",
            "invalid",
        ]
    )
    id = serializers.CharField(required=False, help_text="The record's id on the server.")
    errors = serializers.DictField(required=False)  # type: ignore[assignment]
    possible_duplicates = serializers.ListField(child=serializers.DictField(), required=False)
    conflict = serializers.UUIDField(required=False)
    fields = serializers.DictField(  # type: ignore[assignment]
        required=False, help_text="field -> {offline, server}"
    )


def _errors(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested errors as flat `field: [messages]` (`members.2.birth_date`)."""
    flat: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            flat.update(_errors(value, f"{prefix}{key}."))
    elif isinstance(detail, list) and detail and not all(isinstance(d, str) for d in detail):
        for index, value in enumerate(detail):
            flat.update(_errors(value, f"{prefix}{index}."))
    else:
        items = detail if isinstance(detail, list) else [detail]
        flat[prefix.rstrip(".") or "data"] = [str(d) for d in items]
    return flat


class KindSerializers:
    """The validation `receive_batch` asks for, kind by kind."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.context = context

    def person_data(self, data: dict[str, Any]) -> PersonData:
        from crossroads.registry.serializers import PersonSerializer

        serializer = PersonSerializer(data=data, context=self.context)
        if not serializer.is_valid():
            raise InvalidInput(_errors(serializer.errors))
        return serializer.to_person_data()

    def members(self, data: dict[str, Any]) -> Any:
        from crossroads.households.serializers import HouseholdSerializer

        serializer = HouseholdSerializer(data=data, context=self.context)
        if not serializer.is_valid():
            raise InvalidInput(_errors(serializer.errors))
        return serializer.to_members()

    def _validated_change(self, person: Any, data: dict[str, Any]) -> dict[str, Any]:
        from crossroads.registry.serializers import PersonSerializer

        unknown = sorted(set(data) - set(CHANGEABLE) - {"birth_date_calendar"})
        if unknown:
            raise InvalidInput(
                {name: [_("This field cannot be changed offline.")] for name in unknown}
            )
        serializer = PersonSerializer(
            person, data={**data, "version": person.version}, partial=True, context=self.context
        )
        if not serializer.is_valid():
            raise InvalidInput(_errors(serializer.errors))
        values = dict(serializer.validated_data)
        values.pop("version", None)
        return values

    def person_changes(self, person: Any, data: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
        """field -> (the value made offline, the value on the server now)."""
        values = self._validated_change(person, data)
        # The precision follows the birth date as written: it is never a conflict of its own.
        values.pop("birth_date_precision", None)
        return {name: (value, getattr(person, name)) for name, value in values.items()}

    def person_change_data(self, person: Any, data: dict[str, Any]) -> PersonData:
        return PersonData(values=self._validated_change(person, data))
