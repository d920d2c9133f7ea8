from django.urls import path

from . import views

app_name = "identity"

urlpatterns = [
    path("duplicates/", views.review_queue, name="review_queue"),
    path("duplicates/<uuid:candidate_id>/decide/", views.decide, name="decide"),
    path("merges/<uuid:merge_id>/undo/", views.undo, name="undo"),
]
