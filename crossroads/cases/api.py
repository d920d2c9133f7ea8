"""The cases API (api.md): list and open, read and edit, the transitions, and the case
work a caseworker does (tasks, notes, documents, services, timeline, queues)."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.api import PolicyPermission
from crossroads.access.policy import Verb, id_or_none, user_of
from crossroads.audit.writer import record_list
from crossroads.core.exceptions import Conflict, NotFound
from crossroads.core.parsers import NFCJSONParser

from . import actions, queries
from .serializers import (
    ALLOWED_TRANSITIONS,
    ApprovalSerializer,
    CaseDetailSerializer,
    CaseDocumentSerializer,
    CaseOpenSerializer,
    CaseSerializer,
    CaseUpdateSerializer,
    ConflictSerializer,
    DetailSerializer,
    DocumentUploadSerializer,
    FieldErrorsSerializer,
    HistorySerializer,
    NoteSerializer,
    QueueItemSerializer,
    SendBackSerializer,
    ServiceSerializer,
    TaskSerializer,
    TimelineEntrySerializer,
    transition_request_schema,
)
from .workflows import CASE_TYPE_CHOICES, WORKFLOWS

NOT_FOUND = OpenApiResponse(
    DetailSerializer, description="No such case, or not one you may see (the two look alike)."
)
FORBIDDEN = OpenApiResponse(
    DetailSerializer,
    description="Your role may not work on cases at all (officers, analysts, administrators).",
)
BAD_INPUT = OpenApiResponse(
    FieldErrorsSerializer,
    description='Field errors: `{"field": ["message", …], "non_field_errors": […]}`, in your '
    "language. Nothing is changed.",
)
CONFLICT = OpenApiResponse(
    ConflictSerializer,
    description="Not allowed now: the workflow (state, a decision waiting for approval), the "
    "role (only a caseworker of the owning agency; a supervisor where the table says so), a "
    "safeguard (named), a rule of the type, or a stale `version`. `detail` says why; "
    "`current` holds the case as it is now. Nothing is changed.",
)
TOO_LARGE = OpenApiResponse(FieldErrorsSerializer, description="The file is larger than 10 MB.")
ALL_TRANSITION_NAMES = sorted({t.name for w in WORKFLOWS.values() for t in w.transitions})


class CaseAPIView(GenericAPIView[Any]):
    """Every case endpoint is case work: the policy answers 403 before the view runs."""

    permission_classes = [PolicyPermission]
    required_verb = Verb.WORK_ON_CASES


def _case_body(request: Request, case_id: Any) -> dict[str, Any]:
    case = queries.case_detail(user_of(request), case_id, audited=False)
    return dict(CaseDetailSerializer(case).data)


def _with_current(request: Request, case_id: Any, exc: Conflict) -> Conflict:
    try:
        exc.current = _case_body(request, case_id)
    except Exception:
        exc.current = None
    return exc


class CaseListCreate(CaseAPIView):
    """Cases of your agency, newest first. POST opens a case from an accepted referral to
    your agency (`referral`; its pathway gives the type), or directly (`person` and
    `type`) by a caseworker of an agency whose kind runs that type (docs/cases.md)."""

    serializer_class = CaseSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "type",
                str,
                enum=[c for c, _l in CASE_TYPE_CHOICES],
                description="The case type.",
            ),
            OpenApiParameter("state", str, description="A state of the type's workflow."),
            OpenApiParameter("person", str, description="A person's id"),
            OpenApiParameter(
                "assignee",
                str,
                description="A caseworker's username, as `assignee` shows it; `me`: yours.",
            ),
        ],
        responses={200: CaseSerializer(many=True), 403: FORBIDDEN},
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        person = params.get("person", "")
        if person and not id_or_none(person):
            person = "00000000-0000-0000-0000-000000000000"
        assignee = params.get("assignee", "")
        queryset = queries.case_list(
            user_of(request),
            type=params.get("type", ""),
            state=params.get("state", ""),
            person=person,
            assignee_me=assignee == "me",
            assignee="" if assignee == "me" else assignee,
        )
        page = self.paginate_queryset(queryset) or []
        record_list(request.user, "cases.case", [c.pk for c in page], searched=False)
        return self.get_paginated_response(CaseSerializer(page, many=True).data)

    @extend_schema(
        request=CaseOpenSerializer,
        responses={
            201: CaseDetailSerializer,
            400: BAD_INPUT,
            403: OpenApiResponse(
                DetailSerializer,
                description="Your role may not work on cases, or your agency does not run "
                "this type of case.",
            ),
            404: OpenApiResponse(
                DetailSerializer, description="No such person or referral that you may see."
            ),
            409: CONFLICT,
        },
    )
    def post(self, request: Request) -> Response:
        serializer = CaseOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        case = actions.open_case(
            acting_user=user_of(request),
            person_id=data.get("person"),
            type=data.get("type"),
            referral_id=data.get("referral"),
            summary=data.get("summary", ""),
        )
        return Response(_case_body(request, case.pk), status=status.HTTP_201_CREATED)


class WorkQueue(CaseAPIView):
    """Your work queue: the open cases of your agency assigned to you or to nobody (all of
    them for a supervisor), overdue first, then by the nearest deadline of the case or of
    an open task."""

    serializer_class = QueueItemSerializer
    pagination_class = None

    @extend_schema(responses={200: QueueItemSerializer(many=True), 403: FORBIDDEN})
    def get(self, request: Request) -> Response:
        items = queries.work_queue(user_of(request))
        record_list(request.user, "cases.case", [i.case.pk for i in items], searched=False)
        return Response(
            [
                {
                    "case": CaseSerializer(i.case).data,
                    "due": i.due,
                    "overdue": i.overdue,
                    "what": i.what,
                }
                for i in items
            ]
        )


class CaseDetail(CaseAPIView):
    """One case. PATCH edits `summary`, `plan` and the durable solution (a protection
    case; for a child the solution itself is decided only by the best-interests
    determination, its progress here) and must carry the `version` you read; a stale one
    is refused with 409 and the current case."""

    serializer_class = CaseDetailSerializer

    @extend_schema(responses={200: CaseDetailSerializer, 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id)
        return Response(CaseDetailSerializer(case).data)

    @extend_schema(
        request=CaseUpdateSerializer,
        responses={
            200: CaseDetailSerializer,
            400: BAD_INPUT,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def patch(self, request: Request, case_id: str) -> Response:
        serializer = CaseUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            actions.update_case(
                acting_user=user_of(request),
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


class CaseTransitions(CaseAPIView):
    """The transitions you may make now: the steps of the case's table from its state,
    for your roles, that no safeguard and no rule of the type refuses now, each with the
    fields it requires (name, type, label, whether required, the choices allowed) and
    whether it would wait for a supervisor's approval. A listed step is refused only for
    its data (400) or for a change someone made meanwhile (409)."""

    serializer_class = CaseSerializer
    pagination_class = None

    @extend_schema(responses={200: ALLOWED_TRANSITIONS, 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id, view="transitions")
        allowed = queries.allowed_transitions(user_of(request), case)
        return Response([option.describe() for option in allowed])


class CaseTransitionMake(CaseAPIView):
    """Makes the transition `name` (the names of cases.md; each type's body is one of the
    request schemas below). The body carries the `version` you read and the fields the
    transition requires (see `GET …/transitions/`). 200 with the case when the state
    changed; 202 with the case when the decision waits for a supervisor's approval (the
    state has not changed; the supervisor answers from the approval queue); 400 field
    errors for missing or bad data; 404 for an unknown name or a case you may not see;
    409 with the reason when the workflow, the role or a safeguard forbids it now, or the
    version is stale. A refusal changes nothing."""

    serializer_class = CaseDetailSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "name",
                str,
                OpenApiParameter.PATH,
                enum=ALL_TRANSITION_NAMES,
                description="A transition of the case's type (docs/cases.md).",
            )
        ],
        request=transition_request_schema(),
        responses={
            200: CaseDetailSerializer,
            202: OpenApiResponse(
                CaseDetailSerializer,
                description="The decision waits for a supervisor's approval; "
                "`pending_approval` names it.",
            ),
            400: BAD_INPUT,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def post(self, request: Request, case_id: str, name: str) -> Response:
        data = dict(request.data.items()) if hasattr(request.data, "items") else {}
        version = data.pop("version", None)
        try:
            case = actions.transition_case(
                acting_user=user_of(request), case_id=case_id, name=name, version=version, data=data
            )
        except Conflict as exc:
            raise _with_current(request, case_id, exc) from None
        try:
            body = _case_body(request, case.pk)
        except NotFound:
            # Transferred to another agency: the user made the change, and sees its result
            # this once; from now on the case is the other agency's.
            body = dict(CaseDetailSerializer(case).data)
        waiting = body.get("pending_approval") is not None
        return Response(body, status=status.HTTP_202_ACCEPTED if waiting else status.HTTP_200_OK)


class CaseHistory(CaseAPIView):
    """The transitions made on the case, oldest first: who, when, from, to, reasons, the
    data, and who approved."""

    serializer_class = HistorySerializer
    pagination_class = None

    @extend_schema(responses={200: HistorySerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id, view="history")
        return Response(HistorySerializer(case.history.all(), many=True).data)


def _timeline_entry(entry: dict[str, Any]) -> dict[str, Any]:
    item = entry["item"]
    kind = entry["kind"]
    shapes: dict[str, Any] = {
        "transition": (HistorySerializer, "by"),
        "approval": (ApprovalSerializer, "requested_by"),
        "note": (NoteSerializer, "by"),
        "task": (TaskSerializer, "created_by"),
        "document": (CaseDocumentSerializer, "uploaded_by"),
        "service": (ServiceSerializer, "by"),
    }
    serializer, by = shapes[kind]
    who = getattr(item, by, None)
    return {
        "kind": kind,
        "at": entry["at"],
        "by": who.username if who else None,
        "item": serializer(item).data,
    }


class CaseTimeline(CaseAPIView):
    """Everything that happened to the case, in time order."""

    serializer_class = TimelineEntrySerializer
    pagination_class = None

    @extend_schema(
        responses={200: TimelineEntrySerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND}
    )
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id, view="timeline")
        return Response([_timeline_entry(e) for e in queries.timeline(case)])


class CaseHousehold(CaseAPIView):
    """The cases of your agency for everyone in the person's household (family links),
    together."""

    serializer_class = CaseSerializer
    pagination_class = None

    @extend_schema(responses={200: CaseSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id, audited=False)
        cases = queries.household_cases(user_of(request), case)
        record_list(request.user, "cases.case", [c.pk for c in cases], searched=False)
        return Response(CaseSerializer(cases, many=True).data)


class ApprovalQueue(CaseAPIView):
    """Decisions of your agency's cases waiting for a supervisor, oldest first."""

    serializer_class = ApprovalSerializer

    @extend_schema(responses={200: ApprovalSerializer(many=True), 403: FORBIDDEN})
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(queries.approval_queue(user_of(request))) or []
        record_list(request.user, "cases.approval", [a.pk for a in page], searched=False)
        return self.get_paginated_response(ApprovalSerializer(page, many=True).data)


class ApprovalApprove(CaseAPIView):
    """A supervisor of the owning agency approves a waiting decision: the checks are made
    again (a safeguard may have arisen since), then the case moves."""

    required_verb = Verb.APPROVE_DECISIONS
    serializer_class = CaseDetailSerializer

    @extend_schema(
        request=None,
        responses={200: CaseDetailSerializer, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT},
    )
    def post(self, request: Request, approval_id: str) -> Response:
        case = actions.approve(acting_user=user_of(request), approval_id=approval_id)
        return Response(_case_body(request, case.pk))


class ApprovalSendBack(CaseAPIView):
    """A supervisor sends a waiting decision back, with reasons; the case stays, and the
    caseworker may decide again."""

    required_verb = Verb.APPROVE_DECISIONS
    serializer_class = SendBackSerializer

    @extend_schema(
        request=SendBackSerializer,
        responses={
            200: CaseDetailSerializer,
            400: BAD_INPUT,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def post(self, request: Request, approval_id: str) -> Response:
        serializer = SendBackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = actions.send_back(
            acting_user=user_of(request),
            approval_id=approval_id,
            reasons=serializer.validated_data["reasons"],
        )
        return Response(_case_body(request, case.pk))


class CaseTasks(CaseAPIView):
    """Tasks of a case, with their deadline; open ones first, by due date."""

    serializer_class = TaskSerializer
    pagination_class = None

    @extend_schema(responses={200: TaskSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id, view="tasks")
        return Response(TaskSerializer(case.tasks.all(), many=True).data)

    @extend_schema(
        request=TaskSerializer,
        responses={201: TaskSerializer, 400: BAD_INPUT, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def post(self, request: Request, case_id: str) -> Response:
        serializer = TaskSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        task = actions.add_task(
            acting_user=user_of(request),
            case_id=case_id,
            title=serializer.validated_data["title"],
            due=serializer.validated_data.get("due"),
        )
        return Response(TaskSerializer(task).data, status=status.HTTP_201_CREATED)


class TaskDone(CaseAPIView):
    """Marks a task done."""

    serializer_class = TaskSerializer

    @extend_schema(request=None, responses={200: TaskSerializer, 403: FORBIDDEN, 404: NOT_FOUND})
    def post(self, request: Request, task_id: str) -> Response:
        task = actions.complete_task(acting_user=user_of(request), task_id=task_id)
        return Response(TaskSerializer(task).data)


class CaseNotes(CaseAPIView):
    """Notes on a case, oldest first."""

    serializer_class = NoteSerializer
    pagination_class = None

    @extend_schema(responses={200: NoteSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id, view="notes")
        return Response(NoteSerializer(case.notes.all(), many=True).data)

    @extend_schema(
        request=NoteSerializer,
        responses={201: NoteSerializer, 400: BAD_INPUT, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def post(self, request: Request, case_id: str) -> Response:
        serializer = NoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = actions.add_note(
            acting_user=user_of(request), case_id=case_id, text=serializer.validated_data["text"]
        )
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)


class CaseServices(CaseAPIView):
    """Services delivered to the person in this case."""

    serializer_class = ServiceSerializer
    pagination_class = None

    @extend_schema(responses={200: ServiceSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id, view="services")
        return Response(ServiceSerializer(case.services.all(), many=True).data)

    @extend_schema(
        request=ServiceSerializer,
        responses={201: ServiceSerializer, 400: BAD_INPUT, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def post(self, request: Request, case_id: str) -> Response:
        serializer = ServiceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        item = actions.record_service(
            acting_user=user_of(request),
            case_id=case_id,
            service=data["service"],
            provider=data.get("provider", ""),
            delivered_on=data["delivered_on"],
        )
        return Response(ServiceSerializer(item).data, status=status.HTTP_201_CREATED)


class CaseDocuments(CaseAPIView):
    """The documents of a case. POST uploads one (multipart): PDF, JPEG or PNG, at most
    10 MB, its type checked by its content; stored outside the database, under
    $CROSSROADS_HOME/media/cases/ with a random name."""

    serializer_class = DocumentUploadSerializer
    parser_classes = [MultiPartParser, FormParser, NFCJSONParser]
    pagination_class = None

    @extend_schema(
        responses={200: CaseDocumentSerializer(many=True), 403: FORBIDDEN, 404: NOT_FOUND}
    )
    def get(self, request: Request, case_id: str) -> Response:
        case = queries.case_detail(user_of(request), case_id, view="documents")
        return Response(CaseDocumentSerializer(case.documents.all(), many=True).data)

    @extend_schema(
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={
            201: CaseDocumentSerializer,
            400: BAD_INPUT,
            403: FORBIDDEN,
            404: NOT_FOUND,
            413: TOO_LARGE,
        },
    )
    def post(self, request: Request, case_id: str) -> Response:
        try:
            document = actions.upload_document(
                acting_user=user_of(request),
                case_id=case_id,
                title=str(request.POST.get("title", "")),
                uploaded=request.FILES.get("file"),
            )
        except actions.DocumentTooLarge as exc:
            return Response(exc.errors, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        return Response(CaseDocumentSerializer(document).data, status=status.HTTP_201_CREATED)


class CaseDocumentDownload(CaseAPIView):
    """Downloads one document of the case (audited)."""

    serializer_class = CaseDocumentSerializer

    @extend_schema(
        responses={
            # The content type is the one the upload was recognised as (actions.SIGNATURES).
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The file, as a download."
            ),
            (200, "image/jpeg"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The file, as a download."
            ),
            (200, "image/png"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The file, as a download."
            ),
            403: FORBIDDEN,
            404: NOT_FOUND,
        }
    )
    def get(self, request: Request, case_id: str, document_id: str) -> FileResponse:
        return queries.case_document_download(user_of(request), case_id, document_id)
