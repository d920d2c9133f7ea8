"""API input of a household: each member is a person of the register (the same fields and
rules as `persons/`) with a relationship to the person in charge, and an age where the
birth date is not known."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from crossroads.registry.serializers import PersonSerializer

from .actions import MAX_MEMBERS, MemberData
from .models import Relationship


def birth_year_from_age(age: int) -> str:
    """An age said aloud becomes the year of birth it implies, marked estimated."""
    return f"{timezone.localdate().year - age:04d}"


class HouseholdMemberSerializer(PersonSerializer):
    relationship = serializers.ChoiceField(
        choices=Relationship.choices, help_text="To the person in charge; one member is `head`."
    )
    age = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=130,
        write_only=True,
        help_text="Years, when the birth date is not known: becomes an estimated birth year.",
    )

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "relationship", "age"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        age = attrs.pop("age", None)
        if age is not None:
            if attrs.get("birth_date"):
                raise serializers.ValidationError(
                    {"age": [_("Give the birth date or the age, not both.")]}
                )
            attrs["birth_date"] = birth_year_from_age(age)
            attrs["birth_date_estimated"] = True
        return super().validate(attrs)

    def to_member_data(self, attrs: dict[str, Any]) -> MemberData:
        attrs = dict(attrs)
        relationship = attrs.pop("relationship")
        attrs.pop("version", None)
        from crossroads.registry.actions import PersonData

        return MemberData(
            relationship=relationship,
            person=PersonData(
                values=attrs,
                aliases=attrs.pop("aliases", None),
                documents=attrs.pop("documents", None),
                family_links=attrs.pop("family_links", None),
                name_script=attrs.pop("name_script", ""),
            ),
        )


class HouseholdSerializer(serializers.Serializer[Any]):
    members = HouseholdMemberSerializer(many=True, min_length=1, max_length=MAX_MEMBERS)  # type: ignore[call-arg]

    def validate_members(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        heads = [m for m in value if m["relationship"] == Relationship.HEAD]
        if len(heads) != 1:
            raise serializers.ValidationError(
                _("Exactly one member must be the person in charge (head).")
            )
        return value

    def to_members(self) -> list[MemberData]:
        child = HouseholdMemberSerializer()
        return [child.to_member_data(m) for m in self.validated_data["members"]]


class HouseholdCreatedSerializer(serializers.Serializer[Any]):
    """The answer: the household and the people created, each with its relationship and
    those possibly registered before (as `persons/` answers them)."""

    id = serializers.UUIDField()
    members = serializers.ListField(child=serializers.DictField())
