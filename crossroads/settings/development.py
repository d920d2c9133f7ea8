"""Development and demo: runs with no environment at all; debug only when asked."""

import os

from ..core.secrets import generated_secret_key
from .base import *  # noqa: F403
from .base import CROSSROADS_HOME

DEBUG = os.environ.get("CROSSROADS_DEBUG", "") == "1"
SECRET_KEY = os.environ.get("SECRET_KEY") or generated_secret_key(CROSSROADS_HOME)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
