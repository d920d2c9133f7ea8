from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .models import Agency, Country
from .vocab import AGENCY_KIND_CHOICES, PATHWAY_CHOICES


class CountrySerializer(serializers.ModelSerializer[Country]):
    working_languages = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="ISO 639-3 codes."
    )
    hosted = serializers.BooleanField(
        read_only=True, help_text=str(_("Whether this state's records live on this instance."))
    )

    class Meta:
        model = Country
        fields = ["code", "name", "name_ru", "working_languages", "hosted"]


class AgencySerializer(serializers.ModelSerializer[Agency]):
    country = serializers.CharField(source="country_id", allow_null=True, read_only=True)
    parent = serializers.UUIDField(  # type: ignore[assignment]
        source="parent_id", allow_null=True, read_only=True
    )
    receives_pathways = serializers.ListField(
        child=serializers.ChoiceField(choices=PATHWAY_CHOICES),
        read_only=True,
        help_text="The pathways the state's rules route to this agency.",
    )

    class Meta:
        model = Agency
        fields = ["id", "name", "kind", "country", "parent", "receives_pathways", "active"]


class AgencyListQuerySerializer(serializers.Serializer[dict[str, Any]]):
    """Filters named after the fields they filter."""

    country = serializers.CharField(
        required=False, max_length=2, help_text="ISO 3166-1 alpha-2 code of the state."
    )
    kind = serializers.ChoiceField(choices=AGENCY_KIND_CHOICES, required=False)
    receives_pathways = serializers.ChoiceField(
        choices=PATHWAY_CHOICES, required=False, help_text="Agencies receiving this pathway."
    )
    active = serializers.BooleanField(required=False, allow_null=True, default=None)

    def validate_country(self, value: str) -> str:
        code = value.upper()
        if not Country.objects.filter(code=code).exists():
            raise serializers.ValidationError(
                _gettext("%(value)s is not a state known here.") % {"value": value}
            )
        return code


class TokenRequestSerializer(serializers.Serializer[dict[str, str]]):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class TokenSerializer(serializers.Serializer[dict[str, str]]):
    token = serializers.CharField(read_only=True)
