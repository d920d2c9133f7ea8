from django.urls import path

from . import views

app_name = "registry"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("register/", views.person_register, name="person_register"),
    path("<uuid:person_id>/", views.person_detail, name="person_detail"),
    path("<uuid:person_id>/edit/", views.person_edit, name="person_edit"),
    path("<uuid:person_id>/audit/", views.person_audit, name="person_audit"),
]
