import sys

from crossroads.cli import main

sys.exit(main())
