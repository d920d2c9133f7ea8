from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("", views.work_queue, name="work_queue"),
    path("open/", views.case_open, name="case_open"),
    path("approvals/", views.approval_queue, name="approval_queue"),
    path("approvals/<uuid:approval_id>/", views.approval_answer, name="approval_answer"),
    path("tasks/<uuid:task_id>/done/", views.task_done, name="task_done"),
    path("<uuid:case_id>/", views.case_detail, name="case_detail"),
    path("<uuid:case_id>/edit/", views.case_edit, name="case_edit"),
    path("<uuid:case_id>/household/", views.household, name="household"),
    path("<uuid:case_id>/transitions/<str:name>/", views.case_transition, name="case_transition"),
    path("<uuid:case_id>/add/<str:what>/", views.case_add, name="case_add"),
    path(
        "<uuid:case_id>/documents/<uuid:document_id>/",
        views.document_download,
        name="document_download",
    ),
]
