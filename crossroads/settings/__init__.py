"""Settings: development by default, production when CROSSROADS_ENV=production.

Every `crossroads` command works with no environment set: the SQLite database, uploads
and a generated secret key live under $CROSSROADS_HOME (default ./var).
"""

import os

_env = os.environ.get("CROSSROADS_ENV", "development").lower()

if _env == "production":
    from .production import *  # noqa: F403
elif _env == "test":
    from .test import *  # noqa: F403
else:
    from .development import *  # noqa: F403
