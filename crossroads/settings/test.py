"""The test suite: fast hashing for fixtures (production still hashes with Argon2)."""

from .development import *  # noqa: F403
from .development import PASSWORD_HASHERS

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
AUDIT_FLUSH_ALLOWED = True
# Background tasks run at once, in the test's own thread and transaction.
HUEY = {"huey_class": "huey.SqliteHuey", "name": "crossroads-test", "immediate": True}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "throttle",
    },
}
