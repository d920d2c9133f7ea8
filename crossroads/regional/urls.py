from django.urls import path

from . import views

app_name = "regional"

urlpatterns = [
    path("", views.picture, name="picture"),
    path("publications/", views.publications, name="publications"),
    path("publications/<uuid:publication_id>/withdraw/", views.withdraw, name="withdraw"),
    path("publications/<uuid:publication_id>/bundle/", views.bundle, name="bundle"),
]
