"""``python -m crossroads.engines.identity dedupe ...`` / ``search ...``."""

import sys

from .cli import main

sys.exit(main())
