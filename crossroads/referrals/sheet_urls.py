"""Information sheets for the person. Included by the project at `/sheets/`:
`path("sheets/", include("crossroads.referrals.sheet_urls"))`."""

from django.urls import path

from . import sheet_views

app_name = "sheets"

urlpatterns = [
    path(
        "screening/<uuid:screening_id>/",
        sheet_views.information_sheet,
        name="screening_sheet",
    ),
]
