from __future__ import annotations

from typing import Any

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of
from crossroads.core.parsers import NFCJSONParser

from . import actions
from .models import ImportJob, ImportRow, RowOutcome
from .serializers import ImportCreateSerializer, ImportJobSerializer, ImportRowSerializer

ROLE = OpenApiResponse(description="Only supervisors import.")


class ImportListCreate(GenericAPIView[Any]):
    """Bulk imports of the caller's agency, newest first."""

    serializer_class = ImportJobSerializer
    parser_classes = [MultiPartParser, FormParser, NFCJSONParser]

    @extend_schema(responses={200: ImportJobSerializer(many=True), 403: ROLE})
    def get(self, request: Request) -> Response:
        require_role(request.user, "import_persons")
        user = user_of(request)
        jobs = ImportJob.objects.filter(agency_id=user.home_agency_id).select_related(
            "file", "created_by"
        )
        page = self.paginate_queryset(jobs)
        return self.get_paginated_response(ImportJobSerializer(page, many=True).data)

    @extend_schema(
        request={"multipart/form-data": ImportCreateSerializer},
        responses={
            202: ImportJobSerializer,
            400: OpenApiResponse(
                description="`file`: not CSV or XLSX, unreadable, empty, over 100,000 rows; "
                "`mapping`: columns not recognised (the message lists the file's columns) "
                "or a mapping naming a column the file lacks. Nothing is stored."
            ),
            403: ROLE,
        },
        description="Uploads a CSV or XLSX file (a KoboToolbox or ODK export, Crossroads' own "
        "columns, or any layout with `mapping`) and queues a job: a dry run reports what "
        "each row would become; a run registers each valid row whole, as registered by you, "
        "and reports the others. A row registered before (from any file) is skipped.",
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "import_persons")
        serializer = ImportCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        job = actions.create_import(
            acting_user=user_of(request),
            name=upload.name or "",
            content=upload.read(),
            dry_run=serializer.validated_data["dry_run"],
            mapping=serializer.validated_data.get("mapping"),
        )
        job.refresh_from_db()
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class ImportDetail(GenericAPIView[Any]):
    serializer_class = ImportJobSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("outcome", enum=[c[0] for c in RowOutcome.choices], required=False),
            OpenApiParameter("page", int, required=False),
            OpenApiParameter("page_size", int, required=False),
        ],
        responses={
            200: inline_serializer(
                "ImportJobWithReport",
                {
                    "job": ImportJobSerializer(),
                    "report": inline_serializer(
                        "ImportReportPage",
                        {
                            "count": serializers.IntegerField(),
                            "next": serializers.CharField(allow_null=True),
                            "previous": serializers.CharField(allow_null=True),
                            "results": ImportRowSerializer(many=True),
                        },
                    ),
                },
            ),
            403: ROLE,
            404: OpenApiResponse(description="No such import, or not one of your agency."),
        },
        description="The job (`status`, `progress` 0–1, counts by outcome) and its report, a "
        "page of rows (`row` as the spreadsheet numbers it, `outcome`, `errors` naming the "
        "field and why, `duplicates` naming whom), filtered by `?outcome=`.",
    )
    def get(self, request: Request, job_id: str) -> Response:
        job = actions.access_import_by_id(user_of(request), job_id)
        rows = ImportRow.objects.filter(job=job).order_by("row")
        outcome = request.query_params.get("outcome")
        if outcome in RowOutcome.values:
            rows = rows.filter(outcome=outcome)
        page = self.paginate_queryset(rows)
        report = self.get_paginated_response(ImportRowSerializer(page, many=True).data).data
        return Response({"job": ImportJobSerializer(job).data, "report": report})


class ImportResume(GenericAPIView[Any]):
    serializer_class = ImportJobSerializer

    @extend_schema(
        request=None,
        responses={
            202: ImportJobSerializer,
            403: ROLE,
            404: OpenApiResponse(description="No such import."),
            409: OpenApiResponse(description="The import is finished."),
        },
        description="Queues again an import that stopped: it goes on from the first row not "
        "yet reported; rows registered already are never registered twice.",
    )
    def post(self, request: Request, job_id: str) -> Response:
        job = actions.resume_import(acting_user=user_of(request), job_id=job_id)
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)
