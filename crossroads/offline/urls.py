from django.urls import path

from . import views

app_name = "offline"

urlpatterns = [
    path("app/", views.offline_app, name="app"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("engine.json", views.engine_bundle_view, name="engine_bundle"),
    path("sheets.json", views.sheet_bundle_view, name="sheet_bundle"),
    path("pyodide/<str:name>", views.pyodide_file, name="pyodide_file"),
    path("conflicts/", views.conflict_list, name="conflict_list"),
    path("conflicts/<uuid:conflict_id>/", views.conflict_resolve, name="conflict_resolve"),
]
