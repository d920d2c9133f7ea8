from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.import_list, name="import_list"),
    path("files/<uuid:file_id>/", views.import_mapping, name="mapping"),
    path("<uuid:job_id>/", views.import_detail, name="import_detail"),
    path("<uuid:job_id>/run/", views.import_run, name="import_run"),
    path("<uuid:job_id>/resume/", views.import_resume, name="import_resume"),
]
