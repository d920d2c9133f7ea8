"""API shapes for cases. Validation only: the work is done by `actions`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from .models import Approval, Case, CaseTransition, Note, ServiceDelivered, Task
from .workflows import CASE_TYPE_CHOICES
from .workflows.base import DURABLE_SOLUTIONS, SOLUTION_STATUSES


@extend_schema_field(
    {
        "type": "string",
        "description": "The case type, one of: "
        + ", ".join(code for code, _label in CASE_TYPE_CHOICES),
    }
)
class CaseTypeField(serializers.ChoiceField):
    """The case type; its choices are listed in words, since drf-spectacular would give
    its enum the name of the register's document `type`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=CASE_TYPE_CHOICES, **kwargs)


class CaseSerializer(serializers.ModelSerializer[Case]):
    type = CaseTypeField(read_only=True)
    person = serializers.UUIDField(source="person_id", read_only=True)
    person_reference = serializers.CharField(source="person.reference", read_only=True)
    agency = serializers.UUIDField(source="agency_id", read_only=True)
    assignee = serializers.CharField(
        source="assignee.username", read_only=True, allow_null=True, default=None
    )
    opened_from = serializers.UUIDField(source="opened_from_id", read_only=True, allow_null=True)
    deadlines = serializers.DictField(child=serializers.CharField(), read_only=True)
    durable_solution = serializers.ChoiceField(
        choices=DURABLE_SOLUTIONS, required=False, allow_blank=True
    )
    durable_solution_status = serializers.ChoiceField(
        choices=SOLUTION_STATUSES, required=False, allow_blank=True
    )
    version = serializers.IntegerField(required=False)

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "type",
            "variant",
            "person",
            "person_reference",
            "state",
            "agency",
            "assignee",
            "opened_at",
            "opened_from",
            "deadlines",
            "durable_solution",
            "durable_solution_status",
            "outcome",
            "summary",
            "plan",
            "version",
        ]
        read_only_fields = ["id", "reference", "type", "variant", "state", "opened_at", "outcome"]


class CaseDetailSerializer(CaseSerializer):
    """One case, with the decision that waits for a supervisor's approval, if any."""

    pending_approval = serializers.SerializerMethodField()

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "pending_approval"]

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "transition": {"type": "string"},
                "requested_by": {"type": "string"},
                "requested_at": {"type": "string", "format": "date-time"},
            },
        }
    )
    def get_pending_approval(self, case: Case) -> dict[str, Any] | None:
        for approval in case.approvals.all():
            if approval.status == Approval.Status.PENDING:
                return {
                    "id": str(approval.pk),
                    "transition": approval.transition,
                    "requested_by": approval.requested_by.username,
                    "requested_at": approval.requested_at.isoformat(),
                }
        return None


class CaseOpenSerializer(serializers.Serializer[Any]):
    person = serializers.UUIDField(required=False)
    type = CaseTypeField(required=False)
    referral = serializers.UUIDField(required=False)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=20000)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("referral"):
            errors = {}
            for name in ("person", "type"):
                if not attrs.get(name):
                    errors[name] = [_("This field is required when no referral is given.")]
            if errors:
                raise serializers.ValidationError(errors)
        return attrs


class CaseUpdateSerializer(serializers.Serializer[Any]):
    version = serializers.IntegerField()
    summary = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    plan = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    durable_solution = serializers.ChoiceField(choices=DURABLE_SOLUTIONS, required=False)
    durable_solution_status = serializers.ChoiceField(choices=SOLUTION_STATUSES, required=False)


# Built with inline_serializer: the names `required` and `fields` are the API's words
# and would shadow attributes of a serializer class.
ALLOWED_TRANSITIONS = inline_serializer(
    "AllowedCaseTransition",
    {
        "name": serializers.CharField(),
        "description": serializers.CharField(),
        "from": serializers.ListField(child=serializers.CharField()),
        "to": serializers.CharField(),
        "roles": serializers.ListField(child=serializers.CharField()),
        "approval": serializers.BooleanField(
            help_text="Made by a caseworker, it waits for a supervisor's approval."
        ),
        "safeguard_check": serializers.CharField(allow_null=True),
        "fields": inline_serializer(
            "CaseTransitionFields",
            {
                "name": serializers.CharField(),
                "type": serializers.CharField(),
                "label": serializers.CharField(),
                "required": serializers.BooleanField(),
                "choices": serializers.ListField(child=serializers.CharField(), required=False),
            },
            many=True,
        ),
    },
    many=True,
)


class TransitionRequestSerializer(serializers.Serializer[Any]):
    version = serializers.IntegerField(help_text="The version of the case you read.")

    class Meta:
        ref_name = "CaseTransitionRequest"


class HistorySerializer(serializers.ModelSerializer[CaseTransition]):
    by = serializers.CharField(source="by.username", read_only=True)
    approved_by = serializers.CharField(
        source="approved_by.username", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = CaseTransition
        fields = [
            "id",
            "name",
            "from_state",
            "to_state",
            "by",
            "at",
            "reasons",
            "data",
            "approved_by",
        ]


class ApprovalSerializer(serializers.ModelSerializer[Approval]):
    case = serializers.UUIDField(source="case_id", read_only=True)
    requested_by = serializers.CharField(source="requested_by.username", read_only=True)

    class Meta:
        model = Approval
        fields = [
            "id",
            "case",
            "transition",
            "data",
            "requested_by",
            "requested_at",
            "status",
            "decision_reasons",
        ]


class SendBackSerializer(serializers.Serializer[Any]):
    reasons = serializers.CharField(max_length=20000)


class TaskSerializer(serializers.ModelSerializer[Task]):
    class Meta:
        model = Task
        fields = ["id", "title", "due", "done", "done_at"]
        read_only_fields = ["id", "done", "done_at"]


class NoteSerializer(serializers.ModelSerializer[Note]):
    by = serializers.CharField(source="by.username", read_only=True)

    class Meta:
        model = Note
        fields = ["id", "text", "by", "at"]
        read_only_fields = ["id", "by", "at"]


class ServiceSerializer(serializers.ModelSerializer[ServiceDelivered]):
    class Meta:
        model = ServiceDelivered
        fields = ["id", "service", "provider", "delivered_on"]
        read_only_fields = ["id"]


class DocumentUploadSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=200)
    file = serializers.FileField(help_text="PDF, JPEG or PNG, at most 10 MB.")


class CaseDocumentSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()
