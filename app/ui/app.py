"""Start the desktop app: ``python -m app [--data-dir FOLDER]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli import default_data_dir
from app.core.vault_access import Vault
from app.ui.main_window import MainWindow
from app.ui.qt import QApplication, QTimer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="offramp-app", description="Open Offramp.")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="the folder that holds the vault (default: the platform's)"
    )
    parser.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)  # set by app.demo_run
    parser.add_argument(
        "--self-test", action="store_true", help="check encryption and the window work here, then exit (0 = fine)"
    )
    return parser


def create_hint(data_dir: Path, *, is_default: bool) -> str:
    """The command that makes a vault in ``data_dir``, for the page that says there is none yet."""
    if is_default:
        return "offramp vault create"
    return f'offramp vault create --data-dir "{data_dir}"'


MIN_POINT_SIZE = 10.0


def use_readable_font(app: QApplication) -> None:
    """Keep the platform's font, but never smaller than 10 pt: people read this late at night, tired."""
    font = app.font()
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = build_parser().parse_known_args(sys.argv[1:] if argv is None else list(argv))
    if args.self_test:
        from app.self_test import run

        return run()
    data_dir: Path = args.data_dir if args.data_dir is not None else default_data_dir()

    existing = QApplication.instance()
    program = sys.argv[0] if sys.argv else "offramp"
    app = existing if isinstance(existing, QApplication) else QApplication([program, *qt_args])
    app.setApplicationName("Offramp")
    app.setOrganizationName("Offramp")
    use_readable_font(app)
    from app.core.logs import setup_logging

    setup_logging()

    window = MainWindow(
        Vault(data_dir), demo=args.demo, create_hint=create_hint(data_dir, is_default=args.data_dir is None)
    )
    window.quick_exited.connect(app.quit)
    window.show()
    if os.environ.get("OFFRAMP_EXIT_WHEN_SHOWN") == "1":  # for bench/ui.py: quit once the window is shown and painted
        QTimer.singleShot(0, lambda: (window.repaint(), app.quit()))
    return int(app.exec())
