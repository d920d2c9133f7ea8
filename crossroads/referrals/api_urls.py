from django.urls import path

from . import api

urlpatterns = [
    path("referrals/", api.ReferralListCreate.as_view(), name="api-referrals"),
    path("referrals/<str:referral_id>/", api.ReferralDetail.as_view(), name="api-referral"),
    path(
        "referrals/<str:referral_id>/accept/",
        api.ReferralAccept.as_view(),
        name="api-referral-accept",
    ),
    path(
        "referrals/<str:referral_id>/decline/",
        api.ReferralDecline.as_view(),
        name="api-referral-decline",
    ),
    path("consents/", api.ConsentListCreate.as_view(), name="api-consents"),
    path("consents/<str:consent_id>/", api.ConsentDetail.as_view(), name="api-consent"),
    path(
        "consents/<str:consent_id>/withdraw/",
        api.ConsentWithdraw.as_view(),
        name="api-consent-withdraw",
    ),
]
