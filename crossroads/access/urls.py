from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("requests/", views.access_requests, name="requests"),
    path("requests/ask/", views.ask, name="ask"),
    path("requests/<str:request_id>/answer/", views.answer, name="answer"),
]
