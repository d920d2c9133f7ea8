from django.urls import path

from . import api

urlpatterns = [
    path("cases/", api.CaseListCreate.as_view(), name="api-cases"),
    path("cases/queue/", api.WorkQueue.as_view(), name="api-case-queue"),
    path("cases/approvals/", api.ApprovalQueue.as_view(), name="api-case-approvals"),
    path(
        "cases/approvals/<str:approval_id>/approve/",
        api.ApprovalApprove.as_view(),
        name="api-case-approval-approve",
    ),
    path(
        "cases/approvals/<str:approval_id>/send-back/",
        api.ApprovalSendBack.as_view(),
        name="api-case-approval-send-back",
    ),
    path("cases/tasks/<str:task_id>/done/", api.TaskDone.as_view(), name="api-case-task-done"),
    path("cases/<str:case_id>/", api.CaseDetail.as_view(), name="api-case"),
    path(
        "cases/<str:case_id>/transitions/",
        api.CaseTransitions.as_view(),
        name="api-case-transitions",
    ),
    path(
        "cases/<str:case_id>/transitions/<str:name>/",
        api.CaseTransitionMake.as_view(),
        name="api-case-transition",
    ),
    path("cases/<str:case_id>/history/", api.CaseHistory.as_view(), name="api-case-history"),
    path("cases/<str:case_id>/timeline/", api.CaseTimeline.as_view(), name="api-case-timeline"),
    path("cases/<str:case_id>/household/", api.CaseHousehold.as_view(), name="api-case-household"),
    path("cases/<str:case_id>/tasks/", api.CaseTasks.as_view(), name="api-case-tasks"),
    path("cases/<str:case_id>/notes/", api.CaseNotes.as_view(), name="api-case-notes"),
    path("cases/<str:case_id>/services/", api.CaseServices.as_view(), name="api-case-services"),
    path("cases/<str:case_id>/documents/", api.CaseDocuments.as_view(), name="api-case-documents"),
    path(
        "cases/<str:case_id>/documents/<str:document_id>/",
        api.CaseDocumentDownload.as_view(),
        name="api-case-document",
    ),
]
