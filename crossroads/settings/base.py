"""Settings shared by every environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
CROSSROADS_HOME = Path(os.environ.get("CROSSROADS_HOME", "var")).resolve()

INSTALLED_APPS = [
    "crossroads.accounts.apps.CrossroadsAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "crossroads.core",
    "crossroads.accounts",
    "crossroads.audit",
    "crossroads.access",
    "crossroads.registry",
    "crossroads.screening",
    "crossroads.referrals",
    "crossroads.cases",
    "crossroads.identity",
    "crossroads.statistics",
    "crossroads.regional",
    "crossroads.frameworks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "crossroads.core.middleware.UserLanguageMiddleware",
    "crossroads.audit.middleware.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "crossroads.core.middleware.BadInputMiddleware",
]

ROOT_URLCONF = "crossroads.urls"
WSGI_APPLICATION = "crossroads.wsgi.application"
ASGI_APPLICATION = "crossroads.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "crossroads.core.context_processors.crossroads",
            ],
        },
    },
]

DEFAULT_SQLITE = f"sqlite:///{CROSSROADS_HOME / 'crossroads.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_SQLITE, conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the server read while a write is under way; a busy timeout instead of
    # "database is locked" for the officer who saves while a colleague does.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Argon2 first: the hash of every new or changed password (OWASP password storage advice).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
# One date format per language (crossroads/core/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["crossroads.core.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = CROSSROADS_HOME / "static"
MEDIA_ROOT = CROSSROADS_HOME / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Oversized input is refused (413), never half-read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

SESSION_COOKIE_AGE = 12 * 3600
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy on every response, pages and API alike: scripts and styles only
# from the app's own static files, never inline (so an injected <script> or on*= handler
# does not run), no plugins, no framing, forms posted only back here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "crossroads.core.authentication.LanguageTokenAuthentication",
        "crossroads.core.authentication.LanguageSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "crossroads.core.api.Pagination",
    "DEFAULT_SCHEMA_CLASS": "crossroads.core.schema.CrossroadsAutoSchema",
    "EXCEPTION_HANDLER": "crossroads.core.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["crossroads.core.parsers.NFCJSONParser"],
    # Tokens: every request from one address; failed ones (password guessing) for one
    # username from one address, and from one address whatever the username.
    "DEFAULT_THROTTLE_RATES": {
        "token": "120/min",
        "token_failures": "10/min",
        "token_failures_address": "30/min",
    },
    # Behind a reverse proxy, the number of proxies whose X-Forwarded-For is trusted;
    # 0: the connecting address, which a client cannot forge.
    "NUM_PROXIES": int(os.environ.get("CROSSROADS_NUM_PROXIES", "0")),
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Crossroads API",
    "DESCRIPTION": (
        "Registration, screening, referral and case work for mixed migration flows. "
        "Every read of a person is audited; a record you may not see answers 404, "
        "exactly like one that does not exist."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ReferralStatusEnum": "crossroads.referrals.models.Referral.Status",
        "DuplicateStatusEnum": "crossroads.identity.models.DuplicateCandidate.Status",
        "PathwayEnum": "crossroads.screening.vocab.PATHWAY_CHOICES",
        "NeedEnum": "crossroads.screening.vocab.NEED_CHOICES",
        "SafeguardEnum": "crossroads.screening.vocab.SAFEGUARD_CHOICES",
        "PriorityEnum": "crossroads.screening.vocab.PRIORITY_CHOICES",
    },
}

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Rate limits must hold across every server process, so they live on disk.
    "throttle": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CROSSROADS_HOME / "cache" / "throttle"),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
