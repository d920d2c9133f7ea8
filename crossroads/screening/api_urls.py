from django.urls import path

from . import api

urlpatterns = [
    path("screenings/", api.ScreeningListCreate.as_view(), name="api-screenings"),
    path("screenings/preview/", api.ScreeningPreview.as_view(), name="api-screening-preview"),
    path("screenings/<str:screening_id>/", api.ScreeningDetail.as_view(), name="api-screening"),
    path(
        "safeguards/<str:safeguard_id>/lift/",
        api.SafeguardLift.as_view(),
        name="api-safeguard-lift",
    ),
]
