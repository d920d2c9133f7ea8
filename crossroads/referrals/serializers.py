"""API input validation and output shapes for referrals and consents. Validation only: the
work is done by `actions`, and what a referral shows is decided by `disclosure`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from crossroads.engines.screening import Pathway
from crossroads.registry.vocab import Precision, Sex
from crossroads.screening.vocab import (
    NEED_CHOICES,
    PATHWAY_CHOICES,
    PRIORITY_CHOICES,
    SAFEGUARD_CHOICES,
)

from .disclosure import referral_view
from .models import Basis, Consent, GivenBy, Referral
from .queries import BOXES


class AgencyRefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()


class PersonIdentitySerializer(serializers.Serializer[Any]):
    """Basic identity: every receiver sees it, whatever it is."""

    id = serializers.UUIDField()
    reference = serializers.CharField()
    given_name = serializers.CharField()
    family_name = serializers.CharField()
    patronymic = serializers.CharField()
    birth_date = serializers.CharField()
    birth_date_precision = serializers.ChoiceField(choices=Precision.choices)
    birth_date_estimated = serializers.BooleanField()
    sex = serializers.ChoiceField(choices=Sex.choices)
    nationalities = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())


class ScreeningDetailsSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    reference = serializers.CharField(required=False)
    date = serializers.DateField(required=False)
    indicators = serializers.DictField(
        required=False,
        help_text=(
            "Only the indicators the pathway deals with (health, violence, exploitation, "
            "child at risk) and, for a partner, only if the consent shares them. Omitted "
            "when none may travel."
        ),
    )
    free_text = serializers.CharField(
        required=False,
        help_text=(
            "What the person said, in their words: only to pathways that assess the "
            "person's account and, for a partner, only if the consent shares it."
        ),
    )


class ReferralSerializer(serializers.Serializer[Referral]):
    """One referral, with only what its receiver may see (screening.md section 6): the
    fields a pathway does not deal with are omitted, never nulled."""

    id = serializers.UUIDField()
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=Referral.Status.choices)
    pathway = serializers.ChoiceField(choices=PATHWAY_CHOICES)
    priority = serializers.ChoiceField(choices=PRIORITY_CHOICES)
    deadline_at = serializers.DateTimeField()
    overdue = serializers.BooleanField(help_text="Still unanswered after its deadline.")
    sent_at = serializers.DateTimeField()
    from_agency = AgencyRefSerializer()
    to_agency = AgencyRefSerializer()
    person = PersonIdentitySerializer()
    needs = serializers.ListField(
        child=serializers.ChoiceField(choices=NEED_CHOICES),
        help_text=(
            "The needs this referral carries: health, violence and exploitation needs only "
            "to pathways that deal with them, and to a partner only with consent to share."
        ),
    )
    safeguards = serializers.ListField(
        child=serializers.ChoiceField(choices=SAFEGUARD_CHOICES),
        help_text="The safeguards standing when it was sent: they travel with the person.",
    )
    note = serializers.CharField()
    answered_at = serializers.DateTimeField(allow_null=True)
    decline_reason = serializers.CharField()
    version = serializers.IntegerField()
    screening = ScreeningDetailsSerializer(
        required=False, help_text="The screening that led to it; omitted when none did."
    )

    def to_representation(self, instance: Referral) -> dict[str, Any]:
        data = referral_view(instance, detail=self.context.get("detail", True))
        for name in ("deadline_at", "sent_at", "answered_at"):
            if data[name] is not None:
                data[name] = serializers.DateTimeField().to_representation(data[name])
        return data


class ReferralConflictSerializer(serializers.Serializer[Any]):
    """409 to an answer refused now: why, and the referral as it is."""

    detail = serializers.CharField()
    current = ReferralSerializer()


class ReferralListQuerySerializer(serializers.Serializer[Any]):
    box = serializers.ChoiceField(
        choices=BOXES,
        required=False,
        help_text="in: sent to your agency; out: sent by it; absent: both.",
    )
    status = serializers.ChoiceField(choices=Referral.Status.choices, required=False)
    overdue = serializers.BooleanField(
        required=False, default=False, help_text="true: only those unanswered after deadline."
    )


class SendReferralSerializer(serializers.Serializer[Any]):
    person = serializers.UUIDField()
    pathway = serializers.ChoiceField(choices=PATHWAY_CHOICES)
    priority = serializers.ChoiceField(choices=PRIORITY_CHOICES)
    needs = serializers.ListField(
        child=serializers.ChoiceField(choices=NEED_CHOICES),
        required=False,
        max_length=30,
    )
    to_agency = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="An agency of the person's state; absent: the agency the pack names.",
    )
    screening = serializers.UUIDField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class AnswerSerializer(serializers.Serializer[Any]):
    version = serializers.IntegerField(
        required=False, help_text="The version you read; a stale one is refused with 409."
    )


class DeclinedSerializer(serializers.ModelSerializer[Referral]):
    """The answer to a decline: the referral's own fields, no person details (the agency
    that declined no longer sees the person)."""

    class Meta:
        model = Referral
        fields = [
            "id",
            "reference",
            "pathway",
            "priority",
            "status",
            "answered_at",
            "decline_reason",
            "version",
        ]


class DeclineSerializer(AnswerSerializer):
    reason = serializers.CharField(max_length=2000)

    def validate_reason(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError(_("Give the reason for declining."))
        return value


class ReceivedSerializer(serializers.Serializer[dict[str, Any]]):
    kind = serializers.ChoiceField(choices=["referral", "export"])
    reference = serializers.CharField(allow_blank=True)
    at = serializers.DateTimeField()


class ConsentSerializer(serializers.ModelSerializer[Consent]):
    person = serializers.UUIDField(source="person_id")
    to_agency = serializers.UUIDField(source="to_agency_id")
    purposes = serializers.ListField(
        child=serializers.CharField(max_length=32),
        min_length=1,
        max_length=20,
        help_text="The pathways the consent or lawful basis is for.",
    )
    basis = serializers.ChoiceField(choices=Basis.choices, default=Basis.CONSENT)
    given_by = serializers.ChoiceField(choices=GivenBy.choices)
    given_by_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    shares_sensitive = serializers.BooleanField(required=False, default=False)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True)
    withdrawn = serializers.BooleanField(source="is_withdrawn", read_only=True)
    received = serializers.SerializerMethodField(
        help_text="Once withdrawn: what the agency had received under it (referrals and "
        "exports), for the person's file."
    )

    class Meta:
        model = Consent
        fields = [
            "id",
            "person",
            "to_agency",
            "purposes",
            "basis",
            "given_by",
            "given_by_name",
            "given_on",
            "shares_sensitive",
            "recorded_by",
            "recorded_at",
            "withdrawn",
            "withdrawn_at",
            "received",
        ]
        read_only_fields = ["id", "recorded_at", "withdrawn_at"]

    @extend_schema_field(ReceivedSerializer(many=True))
    def get_received(self, consent: Consent) -> list[dict[str, Any]]:
        if consent.withdrawn_at is None:
            return []
        from .actions import received_under

        return list(ReceivedSerializer(received_under(consent), many=True).data)  # type: ignore[arg-type]

    def validate_given_on(self, value: dt.date) -> dt.date:
        if value > timezone.localdate():
            raise serializers.ValidationError(_("The date is after today."))
        return value

    def validate_purposes(self, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - {p.value for p in Pathway})
        if unknown:
            raise serializers.ValidationError(
                _("Unknown pathway: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return value


class ConsentConflictSerializer(serializers.Serializer[Any]):
    """409 to a withdrawal refused now: why, and the consent as it is."""

    detail = serializers.CharField()
    current = ConsentSerializer()


class ConsentListQuerySerializer(serializers.Serializer[Any]):
    person = serializers.UUIDField(required=False, help_text="Only this person's consents.")
