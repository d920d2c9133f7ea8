from django.urls import path

from . import api

urlpatterns = [
    path("frameworks/", api.Frameworks.as_view(), name="api-frameworks"),
    path(
        "frameworks/<str:country>/changes/",
        api.FrameworkChanges.as_view(),
        name="api-framework-changes",
    ),
]
