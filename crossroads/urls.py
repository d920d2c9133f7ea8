from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from crossroads import search
from crossroads import views as account_views
from crossroads.core import views as core_views
from crossroads.offline import views as offline_views
from crossroads.referrals import screening_views
from crossroads.screening import urls as screening_urls

urlpatterns = [
    path("", account_views.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("logout/", core_views.LogoutView.as_view(), name="logout"),
    path(
        "account/",
        include(
            ([path("language/", account_views.language, name="language")], "accounts"),
        ),
    ),
    path("search/", search.search_page, name="search"),
    path("names/<str:language>.json", core_views.name_lists, name="name_lists"),
    path("people/", include("crossroads.registry.urls")),
    path("households/", include("crossroads.households.urls")),
    path("imports/", include("crossroads.imports.urls")),
    path("emergency/", include("crossroads.emergency.urls")),
    path("offline/", include("crossroads.offline.urls")),
    path("sw.js", offline_views.service_worker, name="service-worker"),
    path(
        "screening/",
        include(
            (
                [
                    *screening_urls.urlpatterns,
                    path(
                        "<uuid:screening_id>/",
                        screening_views.screening_detail,
                        name="screening_detail",
                    ),
                ],
                screening_urls.app_name,
            )
        ),
    ),
    path("referrals/", include("crossroads.referrals.urls")),
    path("cases/", include("crossroads.cases.urls")),
    path("identity/", include("crossroads.identity.urls")),
    path("access/", include("crossroads.access.urls")),
    path("sheets/", include("crossroads.referrals.sheet_urls")),
    path("statistics/", include("crossroads.statistics.urls")),
    path("regional/", include("crossroads.regional.urls")),
    path("frameworks/", include("crossroads.frameworks.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("crossroads.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: the CSP refuses inline scripts.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
]

# Under /api/ these answer JSON; everywhere else, the site's own pages.
handler400 = "crossroads.core.views.bad_request"
handler403 = "crossroads.core.views.permission_denied"
handler404 = "crossroads.core.views.not_found"
handler500 = "crossroads.core.views.server_error"
