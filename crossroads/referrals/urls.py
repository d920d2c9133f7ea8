from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("sent/", views.outbox, name="outbox"),
    path("overdue/", views.overdue, name="overdue"),
    path("<uuid:referral_id>/", views.referral_detail, name="referral_detail"),
    path("<uuid:referral_id>/accept/", views.referral_accept, name="referral_accept"),
    path("<uuid:referral_id>/decline/", views.referral_decline, name="referral_decline"),
    path("person/<uuid:person_id>/send/", views.send_referral, name="send_referral"),
    path("person/<uuid:person_id>/consents/", views.person_consents, name="person_consents"),
    path("consents/<uuid:consent_id>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
]
