"""API shapes for cases. Validation only: the work is done by `actions`."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field, inline_serializer
from rest_framework import serializers

from .models import Approval, Case, CaseDocument, CaseTransition, Note, ServiceDelivered, Task
from .workflows import CASE_TYPE_CHOICES, WORKFLOWS
from .workflows.base import DURABLE_SOLUTIONS, KIND_HELP, SOLUTION_STATUSES, Field


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
    # Blank ("") for a case type without variants: the schema says so (VariantEnum or "").
    variant = serializers.ChoiceField(
        choices=Case.Variant.choices, allow_blank=True, read_only=True
    )
    deadlines = serializers.DictField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Name of the step or period -> the ISO date or date-time it is due by.",
    )
    missed_deadlines = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField(allow_null=True)),
        read_only=True,
        help_text="Deadlines that passed before their step was made (the step was still "
        'made, and is flagged here): {"deadline", "due", "step", "done_at"}.',
    )
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
            "missed_deadlines",
            "durable_solution",
            "durable_solution_status",
            "outcome",
            "summary",
            "plan",
            "version",
        ]
        read_only_fields = [
            "id",
            "reference",
            "type",
            "variant",
            "state",
            "opened_at",
            "outcome",
            "summary",
            "plan",
            "durable_solution",
            "durable_solution_status",
            "version",
        ]


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
        "from": serializers.ListField(
            child=serializers.CharField(), help_text='States it starts from; "*": any open state.'
        ),
        "to": serializers.CharField(
            help_text='The state it goes to; "" stays; "<closed_from>" the state the case '
            "closed from."
        ),
        "outcome_targets": serializers.DictField(
            child=serializers.CharField(), help_text="Where an `outcome` sends the case instead."
        ),
        "roles": serializers.ListField(child=serializers.CharField()),
        "approval": serializers.BooleanField(
            help_text="A decision that waits for a supervisor's approval when a caseworker "
            "makes it."
        ),
        "waits_for_approval": serializers.BooleanField(
            help_text="Made by you now, it would wait for a supervisor's approval (202)."
        ),
        "safeguard_check": serializers.CharField(
            allow_null=True, help_text="The guarded action asked of the one safeguard check."
        ),
        "fields": inline_serializer(
            "CaseTransitionField",
            {
                "name": serializers.CharField(),
                "type": serializers.ChoiceField(
                    choices=sorted(KIND_HELP),
                    help_text="; ".join(f"{k}: {v}" for k, v in sorted(KIND_HELP.items())),
                ),
                "label": serializers.CharField(help_text="In your language."),
                "required": serializers.BooleanField(),
                "choices": serializers.ListField(
                    child=serializers.CharField(),
                    required=False,
                    help_text="The values allowed (choice, agency, user).",
                ),
                "choice_labels": serializers.DictField(
                    child=serializers.CharField(), required=False, help_text="value -> label"
                ),
            },
            many=True,
        ),
    },
    many=True,
)


def _schema_field(f: Field) -> serializers.Field[Any, Any, Any, Any]:
    """The OpenAPI shape of one field a transition requires."""
    help_text = str(f.label)
    if f.kind == "choice":
        codes = [code for code, _label in f.choices]
        return _EnumField(codes, required=f.required, help_text=help_text)
    if f.kind == "date":
        return serializers.DateField(required=f.required, help_text=help_text)
    if f.kind == "boolean":
        return serializers.BooleanField(
            required=f.required,
            help_text=help_text + (" (must be true)" if f.required else ""),
        )
    if f.kind == "number":
        return serializers.FloatField(required=f.required, min_value=0, help_text=help_text)
    if f.kind == "agency":
        return serializers.UUIDField(required=f.required, help_text=help_text + " (agency id)")
    if f.kind == "user":
        return serializers.CharField(required=f.required, help_text=help_text + " (username)")
    return serializers.CharField(required=f.required, max_length=20000, help_text=help_text)


class _EnumField(serializers.CharField):
    """A choice of a transition, described as `allOf: [{enum}]`: the same field name
    (`outcome`) has different choices in different types, and one shared enum component
    per name would be wrong."""

    def __init__(self, codes: list[str], **kwargs: Any) -> None:
        self.codes = codes
        super().__init__(**kwargs)


class _EnumFieldExtension(OpenApiSerializerFieldExtension):  # type: ignore[no-untyped-call]
    target_class = "crossroads.cases.serializers._EnumField"

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return {"type": "string", "allOf": [{"enum": list(self.target.codes)}]}


def _camel(text: str) -> str:
    return "".join(part.capitalize() for part in text.split("_"))


def transition_request_serializers() -> list[type[serializers.Serializer[Any]]]:
    """One request body per (type, transition) of the workflow modules: `version` and
    the fields the transition requires, named `<Type><Transition>Transition`."""
    out = []
    for workflow in WORKFLOWS.values():
        for t in workflow.transitions:
            attrs: dict[str, Any] = {
                "version": serializers.IntegerField(help_text="The version of the case you read.")
            }
            for f in t.fields:
                attrs[f.name] = _schema_field(f)
            name = f"{_camel(workflow.type)}{_camel(t.name)}Transition"
            attrs["Meta"] = type("Meta", (), {"ref_name": name})
            attrs["__doc__"] = f"`{workflow.type}` · `{t.name}`: {t.description}"
            out.append(type(name, (serializers.Serializer,), attrs))
    return out


def transition_request_schema() -> PolymorphicProxySerializer:
    with translation.override("en"):
        return PolymorphicProxySerializer(
            component_name="CaseTransition",
            serializers=transition_request_serializers(),
            resource_type_field_name=None,
        )


class FieldErrorsSerializer(serializers.Serializer[Any]):
    """400: field -> messages in your language; `non_field_errors` for the whole."""

    non_field_errors = serializers.ListField(child=serializers.CharField(), required=False)

    class Meta:
        ref_name = "CaseFieldErrors"


class DetailSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField()

    class Meta:
        ref_name = "CaseErrorDetail"


class ConflictSerializer(serializers.Serializer[Any]):
    """409: the reason, and the case as it is now when there is one."""

    detail = serializers.CharField(
        help_text="Why: the workflow, the role, a safeguard "
        "(named), a rule of the type, or a stale version."
    )
    current = serializers.JSONField(
        required=False,
        allow_null=True,
        help_text="The case as it is now (the shape of CaseDetail), to reload from.",
    )

    class Meta:
        ref_name = "CaseConflict"


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
    case = serializers.UUIDField(source="case_id", read_only=True)
    done_by = serializers.CharField(
        source="done_by.username", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Task
        fields = ["id", "case", "title", "due", "done", "done_at", "done_by"]
        read_only_fields = ["id", "case", "done", "done_at", "done_by"]


class NoteSerializer(serializers.ModelSerializer[Note]):
    by = serializers.CharField(source="by.username", read_only=True)

    class Meta:
        model = Note
        fields = ["id", "text", "by", "at"]
        read_only_fields = ["id", "by", "at"]


class ServiceSerializer(serializers.ModelSerializer[ServiceDelivered]):
    by = serializers.CharField(source="by.username", read_only=True)

    class Meta:
        model = ServiceDelivered
        fields = ["id", "service", "provider", "delivered_on", "by", "at"]
        read_only_fields = ["id", "by", "at"]


class DocumentUploadSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=200)
    file = serializers.FileField(help_text="PDF, JPEG or PNG, at most 10 MB.")


class CaseDocumentSerializer(serializers.ModelSerializer[CaseDocument]):
    uploaded_by = serializers.CharField(source="uploaded_by.username", read_only=True)
    download = serializers.SerializerMethodField(help_text="The API path that downloads it.")

    class Meta:
        model = CaseDocument
        fields = [
            "id",
            "title",
            "content_type",
            "size",
            "sha256",
            "uploaded_by",
            "uploaded_at",
            "download",
        ]
        read_only_fields = fields

    def get_download(self, document: CaseDocument) -> str:
        return f"/api/v1/cases/{document.case_id}/documents/{document.pk}/"


class TimelineEntrySerializer(serializers.Serializer[Any]):
    """One thing that happened to the case: a transition, a decision waiting or answered,
    a note, a task, a document or a service, in time order."""

    kind = serializers.ChoiceField(
        choices=["transition", "approval", "note", "task", "document", "service"]
    )
    at = serializers.DateTimeField()
    by = serializers.CharField(allow_null=True)
    item = serializers.JSONField(help_text="The row, in the shape of its own endpoint.")

    class Meta:
        ref_name = "CaseTimelineEntry"


class QueueItemSerializer(serializers.Serializer[Any]):
    case = CaseSerializer()
    due = serializers.DateTimeField(allow_null=True)
    overdue = serializers.BooleanField()
    what = serializers.CharField(help_text="The deadline or task that is due first.")

    class Meta:
        ref_name = "CaseQueueItem"
