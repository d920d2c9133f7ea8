from django.urls import path

from . import views

app_name = "emergency"

urlpatterns = [
    path("", views.influx_list, name="influx_list"),
    path("queue/", views.full_screening_queue, name="queue"),
    path("<uuid:influx_id>/", views.influx_detail, name="influx_detail"),
    path("person/<uuid:person_id>/short/", views.short_screening, name="short_screening"),
]
