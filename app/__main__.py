"""``python -m app`` opens the desktop app (the ``offramp`` command is the CLI, in app.cli)."""

from app.ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
