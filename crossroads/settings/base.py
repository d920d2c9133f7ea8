"""Settings shared by every environment."""

from __future__ import annotations

import os
from datetime import timedelta
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
    "axes",
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
    "crossroads.households",
    "crossroads.imports",
    "crossroads.emergency",
    "crossroads.offline",
    "huey.contrib.djhuey",
    "crossroads.regional",
    "crossroads.frameworks",
    "crossroads.demo",
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
    # Last: turns a locked-out login (page, admin or API token) into its 429 answer.
    "axes.middleware.AxesMiddleware",
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
                "crossroads.access.context_processors.perms",
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
    # "database is locked" for the officer who saves while a colleague does. Connections
    # are kept (one per server thread) with a page cache and memory-mapped reads, so a
    # request does not open the file and warm a cold cache again; planner statistics are
    # kept by `crossroads.core.planner`.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32000; "
            "PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 300

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a login while its door is locked (crossroads/accounts/lockout.py).
AUTHENTICATION_BACKENDS = [
    "crossroads.accounts.lockout.LockedDoorBackend",
    "django.contrib.auth.backends.ModelBackend",
]
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
# Persian (Dari/Farsi) proves the pages for officers of Iran and Afghanistan, right to left;
# its catalogue is a machine translation awaiting native review.
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("fa", _("Persian"))]
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

# Login throttling on every door (the login page, the administration's login, the API token
# endpoint), by django-axes: failures within the lock-out window counted by username from one
# address (10), by address whatever the username (30) and by username from anywhere (30);
# then the door stays shut, even for the right password, until the window has passed.
LOGIN_FAILURE_LIMITS = [(["username", "ip_address"], 10), ("ip_address", 30), ("username", 30)]
AXES_LOCKOUT_PARAMETERS = [parameter for parameter, _limit in LOGIN_FAILURE_LIMITS]
AXES_FAILURE_LIMIT = 10  # the handler scales each count to this one number
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_HANDLER = "crossroads.accounts.lockout.LoginLockoutHandler"
AXES_LOCKOUT_CALLABLE = "crossroads.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "crossroads.accounts.lockout.client_address"
AXES_DISABLE_ACCESS_LOG = True  # logins and failures are in the audit trail already
AXES_VERBOSE = False

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
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "crossroads.core.schema.pages_start_at_one",
    ],
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

# The task queue of background work (bulk imports): Huey, storing its queue in SQLite under
# CROSSROADS_HOME, so that nothing but Python is needed; a deployment may point it at Redis
# with CROSSROADS_TASK_QUEUE=redis://host:6379/0. Its consumer runs beside the web server
# (`make run` starts it from crossroads/gunicorn_conf.py) or alone (`crossroads run_huey`).
TASK_QUEUE_URL = os.environ.get("CROSSROADS_TASK_QUEUE", "")
if TASK_QUEUE_URL.startswith(("redis://", "rediss://", "unix://")):
    HUEY: dict[str, object] = {
        "huey_class": "huey.RedisHuey",
        "name": "crossroads",
        "url": TASK_QUEUE_URL,
        "immediate": False,
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "crossroads",
        "filename": str(CROSSROADS_HOME / "tasks.sqlite3"),
        "immediate": False,
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
