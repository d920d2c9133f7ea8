"""Django's own error pages, answered in JSON under `/api/`: a client of the API never
has to parse an HTML page, whether the path is unknown, the request malformed or the
server at fault."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def _is_api(request: HttpRequest) -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": _("The request is malformed.")}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": _("Your role does not allow this.")}, status=403)
    return defaults.permission_denied(request, exception)


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    if _is_api(request):
        # The same body as a record that does not exist, or that the caller may not see.
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": _("Something went wrong on the server.")}, status=500)
    return defaults.server_error(request)


class LogoutView(auth_views.LogoutView):
    """Log out, and tell the browser to forget the pages this account saw (its cache). The
    drafts are removed by the page's own script (drafts.js). Not "storage": that would also
    erase the offline app's records not yet sent, which are encrypted with their account's
    own key and must survive a log-out."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache"'
        return response


def name_lists(request: HttpRequest, language: str) -> HttpResponse:
    """The names the country and language fields suggest, in one staff language: no one's
    data, the same for every account, so the browser keeps it for a day."""
    from django.conf import settings
    from django.http import Http404
    from django.utils import translation

    from .names import country_options, language_options

    if language not in {code for code, _name in settings.LANGUAGES}:
        raise Http404()
    with translation.override(language):
        lists = {
            "countries": [name for _code, name in country_options()],
            "languages": [name for _code, name in language_options()],
        }
    response = JsonResponse(lists, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=86400"
    return response
