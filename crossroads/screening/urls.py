from django.urls import path

from . import views

app_name = "screening"

# The saved screening's page (`screening_detail`) sends referrals, so the referrals app serves
# it; the wiring adds it to these routes (crossroads/urls.py).

urlpatterns = [
    path("", views.screening_list, name="screening_list"),
    path("person/<uuid:person_id>/new/", views.interview, name="interview"),
    path("safeguards/<uuid:safeguard_id>/lift/", views.lift, name="lift_safeguard"),
]
