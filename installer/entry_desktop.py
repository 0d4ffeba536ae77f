"""The frozen bundle's entry point: the desktop app, as ``python -m app`` (``--self-test`` included).

Called by the name ``offramp-cli`` (on Linux a symbolic link beside ``offramp`` in the bundle), it is the ``offramp``
command for IT staff instead, so the bundle carries one copy of the program for both. Windows and macOS get a
separate console program built from ``entry_cli.py``, since a windowed program there has no console to print to.
"""

import sys
from pathlib import PurePath

CLI_NAME = "offramp-cli"


def _called_as_cli() -> bool:
    name = PurePath(sys.argv[0]).name.lower() if sys.argv else ""
    return name.removesuffix(".exe") == CLI_NAME


def main() -> int:
    if _called_as_cli():
        from app.cli import main as cli_main

        return cli_main()
    from app.ui.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
