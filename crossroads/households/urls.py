from django.urls import path

from . import views

app_name = "households"

urlpatterns = [
    path("register/", views.household_register, name="household_register"),
    path("<uuid:household_id>/", views.household_detail, name="household_detail"),
]
