"""Pages of offline work: the conflicts an offline change met, resolved by a person field
by field; and the installable app's own files (manifest, service worker, offline page)."""

from __future__ import annotations

from typing import Any

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record, record_list
from crossroads.core.exceptions import InvalidInput

from . import actions, queries
from .serializers import KindSerializers


@login_required
def conflict_list(request: HttpRequest) -> HttpResponse:
    require_role(request.user, "change_person")
    user = user_of(request)
    conflicts = list(
        queries.open_conflicts_visible_to(user)
        .select_related("person", "made_by")
        .order_by("created_at")[:200]
    )
    # The page shows each person's names and values: one list row naming them all.
    record_list(user, "registry.person", [c.person_id for c in conflicts], searched=False)
    return render(request, "offline/conflict_list.html", {"conflicts": conflicts})


@login_required
def conflict_resolve(request: HttpRequest, conflict_id: str) -> HttpResponse:
    require_role(request.user, "change_person")
    conflict = queries.conflict_visible_to(user_of(request), conflict_id)
    if conflict is None:
        from crossroads.core.exceptions import NotFound

        raise NotFound()
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        choices = {name: request.POST.get(name, "") for name in conflict.fields}
        try:
            actions.resolve_conflict(
                acting_user=user_of(request),
                conflict_id=conflict.pk,
                choices=choices,
                serializers=KindSerializers({"request": request}),
            )
        except InvalidInput as exc:
            errors = exc.errors
        else:
            messages.success(request, _("Conflict resolved."))
            return redirect("registry:person_detail", person_id=conflict.person_id)
    if request.method == "GET":
        record(
            user_of(request), AuditAction.READ, conflict.person, detail={"view": "sync_conflict"}
        )
    rows: list[dict[str, Any]] = [
        {
            "name": name,
            "offline": values["offline"],
            "server": values["server"],
            "errors": errors.get(name, []),
        }
        for name, values in conflict.fields.items()
    ]
    return render(request, "offline/conflict_resolve.html", {"conflict": conflict, "rows": rows})


# The installable app: its page works without a connection and without a session (it
# carries no one's data); the account is unlocked in the page itself (static offline/app.js).
SHELL_ROWS = 6


# Pyodide compiles WebAssembly: this page alone may ('wasm-unsafe-eval', not 'unsafe-eval').
@csp_update({"script-src": ["'wasm-unsafe-eval'"]})
def offline_app(request: HttpRequest) -> HttpResponse:
    from crossroads.households.models import Relationship

    relationships = [c for c in Relationship.choices if c[0] != Relationship.HEAD]
    from crossroads.referrals.sheets import normalise_language
    from crossroads.screening.vocab import NEED_CHOICES

    from .engine_files import pyodide_available

    response = render(
        request,
        "offline/app.html",
        {
            "rows": range(SHELL_ROWS),
            "relationships": relationships,
            "engine": pyodide_available(),
            "needs": NEED_CHOICES,
            "sheet_language": normalise_language(get_language()) or "eng",
        },
    )
    # Kept by the service worker, revalidated when online; no personal data in it.
    response["Cache-Control"] = "no-cache"
    return response


def service_worker(request: HttpRequest) -> HttpResponse:
    import hashlib

    from django.templatetags.static import static

    version = hashlib.sha256(
        "|".join(static(p) for p in ("crossroads/app.css", "offline/app.js")).encode()
        + _app_js_digest()
    ).hexdigest()[:12]
    from .engine_files import PYODIDE_FILES, engine_bundle, pyodide_available, sheet_bundle

    version = hashlib.sha256(f"{version}{sheet_bundle()[1]}".encode()).hexdigest()[:12]
    engine = pyodide_available()
    if engine:
        version = hashlib.sha256(f"{version}{engine_bundle()[1]}".encode()).hexdigest()[:12]
    response = render(
        request,
        "offline/sw.js",
        {"version": version, "engine": engine, "pyodide_files": sorted(PYODIDE_FILES)},
        content_type="text/javascript",
    )
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


def _app_js_digest() -> bytes:
    import hashlib

    from django.contrib.staticfiles import finders

    path = finders.find("offline/app.js")
    if not path:
        return b""
    with open(str(path), "rb") as handle:
        return hashlib.sha256(handle.read()).digest()


def manifest(request: HttpRequest) -> HttpResponse:
    import json

    from django.templatetags.static import static
    from django.urls import reverse

    body = {
        "name": "Crossroads",
        "short_name": "Crossroads",
        "description": str(_("First contact, with or without a connection")),
        "start_url": reverse("offline:app"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#f6f7f9",
        "theme_color": "#12305a",
        "icons": [{"src": static("offline/icon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    response = HttpResponse(json.dumps(body), content_type="application/manifest+json")
    response["Cache-Control"] = "no-cache"
    return response


def engine_bundle_view(request: HttpRequest) -> HttpResponse:
    from .engine_files import engine_bundle

    body, digest = engine_bundle()
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "no-cache"
    response["ETag"] = f'"{digest}"'
    return response


def sheet_bundle_view(request: HttpRequest) -> HttpResponse:
    """The information sheet's words, for a sheet printed with no connection: the same
    public text as the printed page's, no one's data."""
    from .engine_files import sheet_bundle

    body, digest = sheet_bundle()
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "no-cache"
    response["ETag"] = f'"{digest}"'
    return response


def pyodide_file(request: HttpRequest, name: str) -> HttpResponseBase:
    from django.http import FileResponse

    from crossroads.core.exceptions import NotFound

    from .engine_files import PYODIDE_FILES

    path = PYODIDE_FILES.get(name)
    if path is None or not path.is_file():
        raise NotFound()
    types = {
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".zip": "application/zip",
        ".json": "application/json",
    }
    response = FileResponse(
        path.open("rb"), content_type=types.get(path.suffix, "application/octet-stream")
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
