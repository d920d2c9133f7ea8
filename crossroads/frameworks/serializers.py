"""The shape of the frameworks resources."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class FrameworkCellSerializer(serializers.Serializer[Any]):
    status = serializers.CharField(
        help_text="`party`, `not_party`, `unknown` (instruments); `exists`, `absent` "
        "(procedures); `value` (parameters); `no_data` where nothing was recorded."
    )
    date = serializers.CharField(help_text="Date or year of ratification or accession.")
    event = serializers.CharField(help_text="`ratification`, `accession` or `succession`.")
    value = serializers.JSONField(allow_null=True)
    body = serializers.CharField()
    law = serializers.CharField()
    source = serializers.CharField(  # type: ignore[assignment]
        help_text="Where the fact comes from; empty: no source."
    )
    checked = serializers.BooleanField(
        help_text="Confirmed against its source; false: not checked (partly confirmed or "
        "believed), to verify before relying on it."
    )
    note = serializers.CharField()
    geographical_limitation = serializers.CharField(source="limitation")


class GapSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    text = serializers.CharField()


class StateFrameworkSerializer(serializers.Serializer[Any]):
    country = serializers.CharField()
    pack = serializers.CharField(help_text="The dated pack the state's cells come from.")
    effective_from = serializers.DateField()
    instruments = serializers.DictField(child=FrameworkCellSerializer())
    procedures = serializers.DictField(child=FrameworkCellSerializer())
    parameters = serializers.DictField(child=FrameworkCellSerializer())
    gaps = serializers.SerializerMethodField()

    def get_gaps(self, state: Any) -> list[dict[str, str]]:
        return [{"code": code, "text": text} for code, text in state.gaps]


class ChangeSerializer(serializers.Serializer[Any]):
    section = serializers.CharField()
    code = serializers.CharField()
    before = FrameworkCellSerializer(allow_null=True)
    after = FrameworkCellSerializer(allow_null=True)


class ChangesSerializer(serializers.Serializer[Any]):
    country = serializers.CharField()
    before_pack = serializers.CharField()
    after_pack = serializers.CharField()
    changes = ChangeSerializer(many=True)


class ChangesParamsSerializer(serializers.Serializer[Any]):
    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        return {
            "from": serializers.DateField(help_text="A day: the pack in force then."),
            "to": serializers.DateField(
                required=False, help_text="A day: the pack in force then (default today)."
            ),
        }
