"""Errors nobody caught: the calm dialog, and a log line that says what kind and where, never what it said."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import logs
from app.errors import OfframpError, WrongPassphrase
from app.ui.errors import UNEXPECTED_BODY, ErrorHandlers, human_message, install_error_handlers, qt_message_summary
from app.ui.qt import QApplication, QFont, QMainWindow, QPushButton, QVBoxLayout, QWidget
from tests.ui.helpers import shot

NAME = "Marisol Placeholder"  # fictional, and what an error's text could quote


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    logs.setup_logging(folder, level=logging.DEBUG)
    yield folder
    logs.stop_logging()


def written(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / logs.FILE_NAME).read_text(encoding="utf-8")


def _line_of(marker: str) -> int:
    """The line of this file that holds ``marker`` (so the assertion follows the code if lines move)."""
    for number, line in enumerate(Path(__file__).read_text(encoding="utf-8").splitlines(), start=1):
        if marker in line and "_line_of" not in line:
            return number
    raise AssertionError(marker)


@pytest.fixture
def handlers(qtbot) -> Iterator[tuple[ErrorHandlers, QMainWindow]]:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_error_handlers(app, lambda: window)
    yield installed, window
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def test_human_message_is_the_errors_own_sentence_or_the_fallback(log_dir: Path) -> None:
    assert human_message(WrongPassphrase("That passphrase did not open the vault."), "fallback") == (
        "That passphrase did not open the vault."
    )
    assert human_message(OfframpError("A plain sentence."), "fallback") == "A plain sentence."
    assert "error" not in written(log_dir).lower()  # a person's own mistake is not a fault to log

    try:
        empty: dict[str, str] = {}
        empty[NAME]  # raised here: a KeyError whose text is a name
    except KeyError as exc:
        shown = human_message(exc, "The list could not be loaded. Please try again.")
    assert shown == "The list could not be loaded. Please try again."
    text = written(log_dir)
    assert f"KeyError at ui/test_errors.py:{_line_of('empty[NAME]  # raised here')}" in text
    assert NAME not in text and "Marisol" not in text


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_calm_dialog_and_logs_only_its_type_and_place(  # type: ignore[no-untyped-def]
    qtbot, handlers: tuple[ErrorHandlers, QMainWindow], log_dir: Path
) -> None:
    installed, window = handlers
    holder = QWidget(window)
    box = QVBoxLayout(holder)
    button = QPushButton("Save", holder)
    button.setAccessibleName("Save")
    box.addWidget(button)
    window.setCentralWidget(holder)

    def save() -> None:
        raise ValueError(f"could not save {NAME}")  # the slot fails here

    button.clicked.connect(save)
    button.click()

    qtbot.waitUntil(lambda: installed.dialog is not None and installed.dialog.isVisible(), timeout=5000)
    dialog = installed.dialog
    assert dialog is not None
    assert dialog.parent() is window and dialog.isModal()
    assert dialog.body.text() == UNEXPECTED_BODY
    assert "unexpected problem" in dialog.body.text()
    assert dialog.accessibleName()
    shot(dialog, "unexpected-problem")

    text = written(log_dir)
    assert f"unexpected error: ValueError at ui/test_errors.py:{_line_of('# the slot fails here')}" in text
    assert NAME not in text and "could not save" not in text and "Traceback" not in text

    # A second error while the dialog is open is logged, but does not stack a second dialog.
    button.click()
    qtbot.wait(50)
    assert len([w for w in window.findChildren(QWidget) if w.objectName() == "unexpected_problem"]) == 1
    assert written(log_dir).count("unexpected error: ValueError") == 2

    dialog.buttons.buttons()[0].click()
    assert not dialog.isVisible()
    assert button.isEnabled()  # the app carries on


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_background_thread_reaches_the_window(  # type: ignore[no-untyped-def]
    qtbot, handlers: tuple[ErrorHandlers, QMainWindow], log_dir: Path
) -> None:
    installed, _window = handlers

    def work() -> None:
        raise RuntimeError(NAME)  # the thread fails here

    thread = threading.Thread(target=work, name="test-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: installed.dialog is not None and installed.dialog.isVisible(), timeout=5000)
    text = written(log_dir)
    assert f"in a background thread: RuntimeError at ui/test_errors.py:{_line_of('# the thread fails here')}" in text
    assert NAME not in text


def test_qt_warnings_go_to_the_log_without_what_they_quote(  # type: ignore[no-untyped-def]
    qtbot, handlers: tuple[ErrorHandlers, QMainWindow], log_dir: Path
) -> None:
    QFont().setPointSize(-1)  # a real warning from Qt: "QFont::setPointSize: Point size <= 0 (-1), …"
    text = written(log_dir)
    assert "WARNING qt: default: QFont::setPointSize" in text
    assert "(-1)" not in text and "must be greater" not in text

    assert qt_message_summary(f"QFile::open: could not open /home/someone/{NAME}.pdf").startswith("QFile::open ")
    assert NAME not in qt_message_summary(f"QFile::open: could not open /home/someone/{NAME}.pdf")
    assert NAME not in qt_message_summary(f"{NAME}: cannot be shown")
    assert "Marisol" not in qt_message_summary("Marisol: cannot be shown")


def test_the_app_installs_the_handlers_and_its_test_hook_quits_once_the_caseload_is_shown(tmp_path: Path) -> None:
    """``python -m app`` as a person starts it (a real process), with the bundle test's hook: unlock with the
    passphrase from a file, quit 0 once the caseload is painted; the error handlers are in place by then."""
    import os
    import subprocess
    import sys

    from app.core.workspace import Workspace
    from app.storage.kdf import KdfParams
    from app.storage.vault import Vault
    from tests.conftest import TEST_PASSPHRASE

    folder = tmp_path / "vault"
    unlocked, _code = Vault(folder).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        Workspace(unlocked).records.create("person", {"preferred_name": NAME})
    finally:
        unlocked.lock()
    secret = tmp_path / "passphrase"
    secret.write_text(TEST_PASSPHRASE + "\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from app.ui.app import main\n"
        f"code = main(['--data-dir', {str(folder)!r}])\n"
        "print('excepthook:', type(getattr(sys.excepthook, '__self__', None)).__name__)\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path)}
    env.update({"OFFRAMP_TEST_QUIT_WHEN_CASELOAD_SHOWN": "1", "OFFRAMP_TEST_PASSPHRASE_FILE": str(secret)})
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "caseload shown: 1 people" in done.stdout
    assert "excepthook: ErrorHandlers" in done.stdout
    assert NAME not in done.stdout

    # The passphrase file is honoured only together with the hook: without it nothing unlocks by itself.
    del env["OFFRAMP_TEST_QUIT_WHEN_CASELOAD_SHOWN"]
    script_without = script.replace(
        "code = main",
        "from app.ui.qt import QApplication, QTimer\nqt_app = QApplication(['offramp'])\n"
        "def stop():\n"
        "    opened = [w for w in qt_app.topLevelWidgets() if getattr(w, '_unlocked', None) is not None]\n"
        "    print('unlocked:', bool(opened), flush=True)\n"
        "    qt_app.exit(7)\n"
        "QTimer.singleShot(3000, stop)\ncode = main",
    )
    left = subprocess.run(
        [sys.executable, "-c", script_without], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert left.returncode == 7, left.stderr  # still on the unlock page when the timer closed it
    assert "caseload shown" not in left.stdout
    assert "unlocked: False" in left.stdout


@pytest.mark.qt_no_exception_capture
def test_after_quick_exit_an_error_is_logged_and_nothing_pops_up(qtbot, log_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # As the app wires it: the dialog's parent is the window while it is visible, else None.
    installed = install_error_handlers(app, lambda: window if window.isVisible() else None)
    try:
        window.hide()  # what quick exit does first
        button = QPushButton("Save")
        button.clicked.connect(lambda: 1 / 0)
        button.click()
        qtbot.wait(100)
        assert installed.dialog is None
        assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "unexpected_problem"]
        assert "unexpected error: ZeroDivisionError" in written(log_dir)
    finally:
        installed.uninstall()
