from django.urls import path

from . import views

app_name = "screening"

urlpatterns = [
    path("", views.screening_list, name="screening_list"),
    path("person/<uuid:person_id>/new/", views.interview, name="interview"),
    path("<uuid:screening_id>/", views.screening_detail, name="screening_detail"),
    path("safeguards/<uuid:safeguard_id>/lift/", views.lift, name="lift_safeguard"),
]
