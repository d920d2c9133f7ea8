"""The cases API (api.md): list and open, read and edit, and the transitions."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.audit.writer import record_list
from crossroads.core.exceptions import Conflict, Forbidden

from . import actions, queries
from .access import may_work_on_cases
from .serializers import (
    ALLOWED_TRANSITIONS,
    ApprovalSerializer,
    CaseDetailSerializer,
    CaseDocumentSerializer,
    CaseOpenSerializer,
    CaseSerializer,
    CaseUpdateSerializer,
    DocumentUploadSerializer,
    HistorySerializer,
    NoteSerializer,
    SendBackSerializer,
    ServiceSerializer,
    TaskSerializer,
    TransitionRequestSerializer,
)
from .workflows import CASE_TYPE_CHOICES

NOT_FOUND = OpenApiResponse(description="No such case, or not one you may see.")
CONFLICT = OpenApiResponse(
    description="Not allowed now: the workflow, the role or a safeguard forbids it, or the "
    "version is stale (`detail` says why; `current` holds the case as it is now)."
)


def _require(user: Any) -> None:
    if not may_work_on_cases(user):
        raise Forbidden(_("Your role does not allow this."))


def _case_body(request: Request, case_id: Any) -> dict[str, Any]:
    case = queries.case_detail(request.user, case_id, audited=False)
    return dict(CaseDetailSerializer(case).data)


def _with_current(request: Request, case_id: Any, exc: Conflict) -> Conflict:
    try:
        exc.current = _case_body(request, case_id)
    except Exception:
        exc.current = None
    return exc


class CaseListCreate(GenericAPIView[Any]):
    """Cases of every type you may see, newest first. POST opens a case from an accepted
    referral (`referral`), or directly (`person` and `type`) by a caseworker of an agency
    whose kind handles that type."""

    serializer_class = CaseSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "type", str, description="One of: " + ", ".join(c for c, _l in CASE_TYPE_CHOICES)
            ),
            OpenApiParameter("state", str),
            OpenApiParameter("person", str, description="A person's id"),
            OpenApiParameter("assignee", str, enum=["me"]),
        ],
        responses={200: CaseSerializer(many=True), 403: OpenApiResponse()},
    )
    def get(self, request: Request) -> Response:
        _require(request.user)
        params = request.query_params
        person = params.get("person", "")
        if person and not actions._uuid(person):
            person = "00000000-0000-0000-0000-000000000000"
        queryset = queries.case_list(
            request.user,
            type=params.get("type", ""),
            state=params.get("state", ""),
            person=person,
            assignee_me=params.get("assignee") == "me",
        )
        page = self.paginate_queryset(queryset) or []
        record_list(request.user, "cases.case", [c.pk for c in page], searched=False)
        return self.get_paginated_response(CaseSerializer(page, many=True).data)

    @extend_schema(
        request=CaseOpenSerializer,
        responses={201: CaseDetailSerializer, 400: None, 403: None, 404: None, 409: CONFLICT},
    )
    def post(self, request: Request) -> Response:
        _require(request.user)
        serializer = CaseOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        case = actions.open_case(
            acting_user=request.user,
            person_id=data.get("person"),
            type=data.get("type"),
            referral_id=data.get("referral"),
            summary=data.get("summary", ""),
        )
        return Response(_case_body(request, case.pk), status=status.HTTP_201_CREATED)


class CaseDetail(GenericAPIView[Any]):
    """One case. PATCH edits `summary`, `plan` and the durable solution and must carry
    the `version` you read; a stale one is refused with 409 and the current case."""

    serializer_class = CaseDetailSerializer

    @extend_schema(responses={200: CaseDetailSerializer, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        _require(request.user)
        case = queries.case_detail(request.user, case_id)
        return Response(CaseDetailSerializer(case).data)

    @extend_schema(
        request=CaseUpdateSerializer,
        responses={200: CaseDetailSerializer, 400: None, 404: NOT_FOUND, 409: CONFLICT},
    )
    def patch(self, request: Request, case_id: str) -> Response:
        _require(request.user)
        serializer = CaseUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            actions.update_case(
                acting_user=request.user,
                case_id=case_id,
                version=data["version"],
                summary=data.get("summary"),
                plan=data.get("plan"),
                durable_solution=data.get("durable_solution"),
                durable_solution_status=data.get("durable_solution_status"),
            )
        except Conflict as exc:
            raise _with_current(request, case_id, exc) from None
        return Response(_case_body(request, case_id))


class CaseTransitions(GenericAPIView[Any]):
    """The transitions you may make now, with what each requires. A safeguard or a rule
    of the type may still refuse one when it is made (409 with the reason)."""

    serializer_class = CaseSerializer

    @extend_schema(responses={200: ALLOWED_TRANSITIONS, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        _require(request.user)
        case = queries.case_detail(request.user, case_id, audited=False)
        allowed = queries.allowed_transitions(request.user, case)
        return Response([t.describe() for t in allowed])


class CaseTransitionMake(GenericAPIView[Any]):
    """Makes the transition `name` (the names of cases.md). The body carries `version`
    and the fields the transition requires (see `GET …/transitions/`). 200 with the case
    when the state changed; 202 with the case when the decision waits for a supervisor's
    approval; 409 with the reason when the workflow, the role or a safeguard forbids it
    or the version is stale; 400 field errors for missing or bad data."""

    serializer_class = TransitionRequestSerializer

    @extend_schema(
        request=inline_serializer(
            "CaseTransitionBody",
            {
                "version": serializers.IntegerField(),
                "reasons": serializers.CharField(required=False),
            },
        ),
        responses={
            200: CaseDetailSerializer,
            202: CaseDetailSerializer,
            400: None,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def post(self, request: Request, case_id: str, name: str) -> Response:
        _require(request.user)
        data = dict(request.data.items()) if hasattr(request.data, "items") else {}
        version = data.pop("version", None)
        try:
            case = actions.transition_case(
                acting_user=request.user, case_id=case_id, name=name, version=version, data=data
            )
        except Conflict as exc:
            raise _with_current(request, case_id, exc) from None
        body = _case_body(request, case.pk)
        waiting = case.approvals.filter(status="pending").exists()
        return Response(body, status=status.HTTP_202_ACCEPTED if waiting else status.HTTP_200_OK)


class CaseHistory(GenericAPIView[Any]):
    """The transitions made on the case, oldest first."""

    serializer_class = HistorySerializer

    @extend_schema(responses={200: HistorySerializer(many=True), 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        _require(request.user)
        case = queries.case_detail(request.user, case_id, audited=False)
        return Response(HistorySerializer(case.history.all(), many=True).data)


class ApprovalQueue(GenericAPIView[Any]):
    """Decisions of your agency's cases waiting for a supervisor."""

    serializer_class = ApprovalSerializer

    @extend_schema(responses={200: ApprovalSerializer(many=True)})
    def get(self, request: Request) -> Response:
        _require(request.user)
        page = self.paginate_queryset(queries.approval_queue(request.user)) or []
        return self.get_paginated_response(ApprovalSerializer(page, many=True).data)


class ApprovalApprove(GenericAPIView[Any]):
    """A supervisor approves a waiting decision: the case moves."""

    serializer_class = CaseSerializer

    @extend_schema(
        request=None, responses={200: CaseDetailSerializer, 404: NOT_FOUND, 409: CONFLICT}
    )
    def post(self, request: Request, approval_id: str) -> Response:
        case = actions.approve(acting_user=request.user, approval_id=approval_id)
        return Response(_case_body(request, case.pk))


class ApprovalSendBack(GenericAPIView[Any]):
    """A supervisor sends a waiting decision back, with reasons; the case stays."""

    serializer_class = SendBackSerializer

    @extend_schema(
        request=SendBackSerializer,
        responses={200: CaseDetailSerializer, 400: None, 404: NOT_FOUND, 409: CONFLICT},
    )
    def post(self, request: Request, approval_id: str) -> Response:
        serializer = SendBackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = actions.send_back(
            acting_user=request.user,
            approval_id=approval_id,
            reasons=serializer.validated_data["reasons"],
        )
        return Response(_case_body(request, case.pk))


class CaseTasks(GenericAPIView[Any]):
    """Tasks of a case, with their deadline."""

    serializer_class = TaskSerializer

    @extend_schema(responses={200: TaskSerializer(many=True), 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        _require(request.user)
        case = queries.case_detail(request.user, case_id, audited=False)
        return Response(TaskSerializer(case.tasks.all(), many=True).data)

    @extend_schema(
        request=TaskSerializer, responses={201: TaskSerializer, 400: None, 404: NOT_FOUND}
    )
    def post(self, request: Request, case_id: str) -> Response:
        serializer = TaskSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        task = actions.add_task(
            acting_user=request.user,
            case_id=case_id,
            title=serializer.validated_data["title"],
            due=serializer.validated_data.get("due"),
        )
        return Response(TaskSerializer(task).data, status=status.HTTP_201_CREATED)


class TaskDone(GenericAPIView[Any]):
    """Marks a task done."""

    serializer_class = TaskSerializer

    @extend_schema(request=None, responses={200: TaskSerializer, 404: NOT_FOUND})
    def post(self, request: Request, task_id: str) -> Response:
        task = actions.complete_task(acting_user=request.user, task_id=task_id)
        return Response(TaskSerializer(task).data)


class CaseNotes(GenericAPIView[Any]):
    """Notes on a case."""

    serializer_class = NoteSerializer

    @extend_schema(
        request=NoteSerializer, responses={201: NoteSerializer, 400: None, 404: NOT_FOUND}
    )
    def post(self, request: Request, case_id: str) -> Response:
        serializer = NoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = actions.add_note(
            acting_user=request.user, case_id=case_id, text=serializer.validated_data["text"]
        )
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)


class CaseServices(GenericAPIView[Any]):
    """Services delivered to the person in this case."""

    serializer_class = ServiceSerializer

    @extend_schema(
        request=ServiceSerializer, responses={201: ServiceSerializer, 400: None, 404: NOT_FOUND}
    )
    def post(self, request: Request, case_id: str) -> Response:
        serializer = ServiceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        item = actions.record_service(
            acting_user=request.user,
            case_id=case_id,
            service=data["service"],
            provider=data.get("provider", ""),
            delivered_on=data["delivered_on"],
        )
        return Response(ServiceSerializer(item).data, status=status.HTTP_201_CREATED)


class CaseDocuments(GenericAPIView[Any]):
    """Uploads a document (multipart): PDF, JPEG or PNG, at most 10 MB, its type checked
    by its content; stored outside the database under a random name."""

    serializer_class = DocumentUploadSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: CaseDocumentSerializer, 400: None, 404: NOT_FOUND, 413: None},
    )
    def post(self, request: Request, case_id: str) -> Response:
        try:
            document = actions.upload_document(
                acting_user=request.user,
                case_id=case_id,
                title=str(request.POST.get("title", "")),
                uploaded=request.FILES.get("file"),
            )
        except actions.DocumentTooLarge as exc:
            return Response(exc.errors, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        return Response(CaseDocumentSerializer(document).data, status=status.HTTP_201_CREATED)
