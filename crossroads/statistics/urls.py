from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("report/", views.report, name="report"),
    path("export/", views.export, name="export"),
]
