from django.urls import path

from . import api

urlpatterns = [
    path(
        "access-requests/",
        api.AccessRequestListCreate.as_view(),
        name="api-access-requests",
    ),
    path(
        "access-requests/<str:request_id>/grant/",
        api.AccessRequestGrant.as_view(),
        name="api-access-request-grant",
    ),
    path(
        "access-requests/<str:request_id>/refuse/",
        api.AccessRequestRefuse.as_view(),
        name="api-access-request-refuse",
    ),
]
