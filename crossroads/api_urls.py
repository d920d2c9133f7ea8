from django.urls import include, path

from crossroads import search
from crossroads.accounts import api as accounts_api
from crossroads.audit import api as audit_api
from crossroads.referrals import export_api
from crossroads.registry import api as registry_api
from crossroads.statistics import api as statistics_api

urlpatterns = [
    path("auth/token/", accounts_api.TokenView.as_view(), name="api-token"),
    path("countries/", accounts_api.CountryList.as_view(), name="api-countries"),
    path("countries/<str:code>/", accounts_api.CountryDetail.as_view(), name="api-country"),
    path("agencies/", accounts_api.AgencyList.as_view(), name="api-agencies"),
    path("agencies/<uuid:pk>/", accounts_api.AgencyDetail.as_view(), name="api-agency"),
    path("", include("crossroads.identity.api_urls")),
    path("persons/", registry_api.PersonListCreate.as_view(), name="api-persons"),
    path("persons/<str:person_id>/", registry_api.PersonDetail.as_view(), name="api-person"),
    path(
        "persons/<str:person_id>/export/",
        export_api.PersonExport.as_view(),
        name="api-person-export",
    ),
    path("audit/", audit_api.AuditTrail.as_view(), name="api-audit"),
    path("search/", search.ReferenceSearch.as_view(), name="api-search"),
    path("statistics/", statistics_api.Statistics.as_view(), name="api-statistics"),
    path("statistics/trends/", statistics_api.Trends.as_view(), name="api-statistics-trends"),
    path("statistics/gaps/", statistics_api.Gaps.as_view(), name="api-statistics-gaps"),
    path("statistics/export/", statistics_api.Export.as_view(), name="api-statistics-export"),
    path("", include("crossroads.screening.api_urls")),
    path("", include("crossroads.referrals.api_urls")),
    path("", include("crossroads.cases.api_urls")),
    path("", include("crossroads.access.api_urls")),
    path("", include("crossroads.regional.api_urls")),
    path("", include("crossroads.frameworks.api_urls")),
]
