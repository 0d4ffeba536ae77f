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
        {}[NAME]  # raised here: a KeyError whose text is a name
    except KeyError as exc:
        shown = human_message(exc, "The list could not be loaded. Please try again.")
    assert shown == "The list could not be loaded. Please try again."
    text = written(log_dir)
    assert f"KeyError at ui/test_errors.py:{_line_of('{}[NAME]  # raised here')}" in text
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
