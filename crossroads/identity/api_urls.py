from django.urls import path

from . import api

urlpatterns = [
    path("persons/check/", api.PersonCheck.as_view(), name="api-persons-check"),
    path("duplicates/", api.DuplicateList.as_view(), name="api-duplicates"),
    path(
        "duplicates/<str:candidate_id>/distinct/",
        api.DuplicateDistinct.as_view(),
        name="api-duplicate-distinct",
    ),
    path("merges/", api.MergeCreate.as_view(), name="api-merges"),
    path("merges/<str:merge_id>/undo/", api.MergeUndo.as_view(), name="api-merge-undo"),
]
