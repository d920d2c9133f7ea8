from django.urls import include, path

from crossroads import search
from crossroads.access import trail_api as audit_api
from crossroads.accounts import api as accounts_api
from crossroads.emergency import api as emergency_api
from crossroads.households import api as households_api
from crossroads.imports import api as imports_api
from crossroads.offline import api as offline_api
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
    path("households/", households_api.HouseholdCreate.as_view(), name="api-households"),
    path("imports/", imports_api.ImportListCreate.as_view(), name="api-imports"),
    path("imports/<str:job_id>/", imports_api.ImportDetail.as_view(), name="api-import"),
    path(
        "imports/<str:job_id>/resume/", imports_api.ImportResume.as_view(), name="api-import-resume"
    ),
    path("influxes/", emergency_api.InfluxListCreate.as_view(), name="api-influxes"),
    path("influxes/<str:influx_id>/", emergency_api.InfluxDetail.as_view(), name="api-influx"),
    path(
        "short-screenings/",
        emergency_api.ShortScreeningCreate.as_view(),
        name="api-short-screenings",
    ),
    path(
        "full-screening-queue/",
        emergency_api.FullScreeningQueue.as_view(),
        name="api-full-screening-queue",
    ),
    path("sync/", offline_api.SyncBatch.as_view(), name="api-sync"),
    path("sync/conflicts/", offline_api.ConflictList.as_view(), name="api-sync-conflicts"),
    path(
        "sync/conflicts/<str:conflict_id>/resolve/",
        offline_api.ConflictResolve.as_view(),
        name="api-sync-conflict-resolve",
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
