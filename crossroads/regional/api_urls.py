from django.urls import path

from . import api

urlpatterns = [
    path("publications/", api.Publications.as_view(), name="api-publications"),
    path(
        "publications/<str:publication_id>/",
        api.PublicationDetail.as_view(),
        name="api-publication",
    ),
    path(
        "publications/<str:publication_id>/bundle/",
        api.PublicationBundle.as_view(),
        name="api-publication-bundle",
    ),
    path("regional/", api.Regional.as_view(), name="api-regional"),
    path("regional/bundles/", api.RegionalBundles.as_view(), name="api-regional-bundles"),
]
