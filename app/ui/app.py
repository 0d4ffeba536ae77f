"""Start the desktop app: ``python -m app [--data-dir FOLDER]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli import default_data_dir
from app.core.vault_access import Vault
from app.memory import disable_core_dumps
from app.ui import i18n, palette
from app.ui.clipboard import protect_copies
from app.ui.collector import collect_on_main_thread
from app.ui.main_window import MainWindow
from app.ui.qt import QApplication, QEvent, QLocale, QObject, QTimer, QTranslator


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="offramp-app", description="Open Offramp.")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="the folder that holds the vault (default: the platform's)"
    )
    parser.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)  # set by app.demo.run
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


_TRANSLATORS: list[QTranslator] = []


def use_chosen_language(app: QApplication) -> str:
    """Install the translators for the language setting (or ``OFFRAMP_LANGUAGE``); a change applies at next start."""
    from app.core import i18n as core_i18n
    from app.core.settings import LANGUAGE, Settings

    language = core_i18n.resolve(Settings().get(LANGUAGE), system=QLocale.system().name())
    _TRANSLATORS.extend(i18n.install(app, language))  # kept alive as long as the app
    return language


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()  # a crash must not leave the passphrase, the key or records in a core file
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
    use_chosen_language(app)
    palette.apply(app)  # the system's light, dark or high-contrast scheme, and a focus ring on every control
    protect_copies(app)  # what the app's fields copy is plain text that clipboard managers keep out of history
    collect_on_main_thread(app)  # a cycle holding a widget is never freed on the vault's worker thread
    from app.core.logs import setup_logging
    from app.ui.errors import install_error_handlers

    setup_logging()

    window = MainWindow(
        Vault(data_dir), demo=args.demo, create_hint=create_hint(data_dir, is_default=args.data_dir is None)
    )
    # An error nobody caught shows the calm dialog over the window (and its kind and place go to the log).
    install_error_handlers(app, lambda: window if window.isVisible() else None)
    window.quick_exited.connect(app.quit)
    window.show()
    if os.environ.get("OFFRAMP_EXIT_WHEN_SHOWN") == "1":  # for bench/ui.py: end once the window is shown and painted
        # At once: the bench times the start, not the wait for the background imports to finish before a quit.
        QTimer.singleShot(0, lambda: (window.repaint(), os._exit(0)))
    if os.environ.get(TEST_QUIT_WHEN_CASELOAD_SHOWN) == "1":
        _quit_when_caseload_shown(app, window, os.environ.get(TEST_PASSPHRASE_FILE))
    return int(app.exec())


# --- for tests only -------------------------------------------------------------------------------------------
# The frozen bundle's test (tests/installer/test_bundle.py) proves the installed program unlocks a vault and shows
# the caseload. Never set these in an office: the second one reads a passphrase from a file, and is honoured only
# together with the first, which quits the app as soon as the caseload is on screen.

#: "1": once the caseload has been painted after an unlock, print "caseload shown: N people" and quit with status 0
#: (status 3 when it has not happened within TEST_TIMEOUT_SECONDS).
TEST_QUIT_WHEN_CASELOAD_SHOWN = "OFFRAMP_TEST_QUIT_WHEN_CASELOAD_SHOWN"
#: A file whose first line is the passphrase to unlock with; read only when TEST_QUIT_WHEN_CASELOAD_SHOWN is "1".
TEST_PASSPHRASE_FILE = "OFFRAMP_TEST_PASSPHRASE_FILE"  # noqa: S105 - the name of a variable, not a secret
TEST_TIMEOUT_SECONDS = 60


class _CaseloadPainted(QObject):
    """Quits the app at the first paint of the caseload's table once its rows have arrived."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._watching = False
        self._done = False
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._check)
        self._poll.start()

    def _check(self) -> None:
        page = self._window._caseload_page
        if self._watching or page is None or self._window.pages.currentWidget() is not page:
            return
        if page.model.loading or page.model.total is None:
            return
        self._watching = True
        self._poll.stop()
        page.table.viewport().installEventFilter(self)
        page.table.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            page = self._window.caseload_page
            # Only a count: the bundle's test checks the people it made are there, and nothing names them.
            print(f"caseload shown: {page.model.total} people", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def _quit_when_caseload_shown(app: QApplication, window: MainWindow, passphrase_file: str | None) -> None:
    watcher = _CaseloadPainted(app, window)
    if passphrase_file:
        passphrase = Path(passphrase_file).read_text(encoding="utf-8").splitlines()[0]

        def unlock() -> None:
            window.unlock_page.passphrase.setText(passphrase)
            window.unlock_page.try_unlock()

        QTimer.singleShot(0, unlock)

    def give_up() -> None:
        if not watcher._done:
            # Which page it stopped on, and the unlock page's status (product text, never data), to see why.
            page = type(window.pages.currentWidget()).__name__
            status = window.unlock_page.status.text()
            print(f"caseload not shown in time (on {page}; {status!r})", file=sys.stderr, flush=True)
            app.exit(3)

    QTimer.singleShot(TEST_TIMEOUT_SECONDS * 1000, give_up)
