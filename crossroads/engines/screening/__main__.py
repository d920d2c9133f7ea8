"""``python -m crossroads.engines.screening FILE``: the same as ``crossroads screen FILE``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
