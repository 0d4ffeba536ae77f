"""The frozen ``offramp`` command (vault create, check, backup...), shipped beside the app for IT staff."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
