from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .models import Agency, Country


class CountrySerializer(serializers.ModelSerializer[Country]):
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

    class Meta:
        model = Agency
        fields = ["id", "name", "kind", "country", "parent", "receives_pathways", "active"]


class TokenRequestSerializer(serializers.Serializer[dict[str, str]]):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class TokenSerializer(serializers.Serializer[dict[str, str]]):
    token = serializers.CharField(read_only=True)
