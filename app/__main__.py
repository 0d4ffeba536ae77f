"""``python -m app`` opens the desktop app (the ``offramp`` command is the CLI, in app.cli).

The window needs Qt, which only the ``desktop`` extra installs (``pip install offramp`` is the client and its CLI):
without it this says so in one sentence, before anything imports Qt, instead of ending in a traceback.
"""

import importlib.util
import sys

NO_WINDOW = "Offramp's window is not installed here; to add it, run: pip install 'offramp[desktop]'"


def has_qt() -> bool:
    """Whether Qt for Python can be imported here, found without importing it."""
    try:
        return importlib.util.find_spec("PySide6") is not None
    except (ImportError, ValueError):
        return False


def main() -> int:
    if not has_qt():
        print(NO_WINDOW, file=sys.stderr)
        return 1
    from app.ui.app import main as window

    return window()


if __name__ == "__main__":
    raise SystemExit(main())
