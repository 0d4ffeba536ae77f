"""Outside the vault (issue 16, item 4): choosing a file leaves no folder names in Qt's shared ``QtProject.conf``,
and copied text is offered as plain text only, with the hint clipboard managers honour to keep it out of their
history. Offscreen Qt, real dialogs accepted by a timer, the settings file under a temporary config folder."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ui import clipboard
from app.ui.file_dialogs import open_file_name, save_file_name
from app.ui.qt import QApplication, QFileDialog, QLineEdit, QSettings, QTextEdit, QTimer

PERSON_FOLDER = "Rowan Example files"  # a fictional person's name, as a folder an advocate made
UI = Path(__file__).resolve().parents[2] / "app" / "ui"


@pytest.fixture
def config_dir(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """Qt's user settings (QtProject.conf) go to a folder of this test's own."""
    folder = tmp_path / "config"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    try:
        yield folder
    finally:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])


def _accept_with(path: Path, tries: int = 100) -> None:
    """When the dialog is up, pick ``path`` and press its OK button, as a person would; again until it closes (an
    open dialog ignores OK until its folder has been read), and give up (Cancel) rather than hang."""

    def pick(left: int) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                if left <= 0:
                    widget.reject()
                    return
                widget.setDirectory(str(path.parent))
                name = widget.findChild(QLineEdit, "fileNameEdit")  # typed, as a person would
                if name is not None:
                    name.setText(path.name)
                else:
                    widget.selectFile(str(path))
                widget.accept()
                if widget.isVisible():
                    QTimer.singleShot(100, lambda: pick(left - 1))
                return
        if left > 0:
            QTimer.singleShot(50, lambda: pick(left - 1))

    QTimer.singleShot(50, lambda: pick(tries))


def _conf(config_dir: Path) -> Path:
    return config_dir / "QtProject.conf"


def test_qts_own_dialog_would_remember_the_persons_folder(config_dir: Path, tmp_path: Path) -> None:
    """The problem, reproduced: the plain Qt dialog writes the folder into QtProject.conf."""
    folder = tmp_path / PERSON_FOLDER
    folder.mkdir()
    _accept_with(folder / "letter.pdf")
    path, _filter = QFileDialog.getSaveFileName(
        None, "Save", str(folder / "letter.pdf"), "PDF (*.pdf)", "", QFileDialog.Option.DontUseNativeDialog
    )
    assert path == str(folder / "letter.pdf")
    assert "Rowan%20Example" in _conf(config_dir).read_text()


def test_saving_through_our_helper_leaves_no_trace(config_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / PERSON_FOLDER
    folder.mkdir()
    _accept_with(folder / "letter.pdf")
    path, _filter = save_file_name(None, "Save the letter", folder / "letter.pdf", "PDF (*.pdf)")
    assert path == str(folder / "letter.pdf")
    assert not _conf(config_dir).exists()  # there was none before, so there is none after
    assert not any("Rowan" in p.read_text(errors="replace") for p in config_dir.rglob("*") if p.is_file())


def test_opening_through_our_helper_puts_back_what_another_program_kept(config_dir: Path, tmp_path: Path) -> None:
    before = (
        "[FileDialog]\nhistory=file:///srv/another-program\nlastVisited=file:///srv/another-program\nviewMode=Detail\n"
    )
    _conf(config_dir).write_text(before)
    folder = tmp_path / PERSON_FOLDER
    folder.mkdir()
    chosen = folder / "providers.csv"
    chosen.write_text("name,categories\n")
    _accept_with(chosen)
    path, _filter = open_file_name(None, "Import providers", folder, "CSV files (*.csv)")
    assert path == str(chosen)
    after = _conf(config_dir).read_text()
    assert "Rowan" not in after
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    assert sorted(settings.allKeys()) == ["history", "lastVisited", "viewMode"]
    assert settings.value("lastVisited") == "file:///srv/another-program"


def test_a_cancelled_dialog_leaves_no_trace_either(config_dir: Path, tmp_path: Path) -> None:
    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                widget.setDirectory(str(tmp_path))
                widget.reject()
                return
        QTimer.singleShot(50, cancel)  # not up yet

    QTimer.singleShot(50, cancel)
    assert save_file_name(None, "Save", tmp_path / "x.pdf", "PDF (*.pdf)")[0] == ""
    assert not _conf(config_dir).exists()


def test_no_screen_calls_the_file_dialog_directly() -> None:
    """Every file choice goes through app/ui/file_dialogs.py, so none can forget to clean up."""
    direct = re.compile(r"QFileDialog\.get\w+\(")
    offenders = [
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if path.name != "file_dialogs.py" and direct.search(path.read_text())
    ]
    assert offenders == []


# --- the clipboard ---------------------------------------------------------------------------------------------


def _formats() -> list[str]:
    data = QApplication.clipboard().mimeData()
    assert data is not None
    return sorted(data.formats())


def test_a_sensitive_copy_is_plain_text_with_the_hint(qapp: QApplication) -> None:
    clipboard.copy_sensitive("24-CR-0042")
    assert _formats() == ["text/plain", "x-kde-passwordManagerHint"]
    data = QApplication.clipboard().mimeData()
    assert bytes(data.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert QApplication.clipboard().text() == "24-CR-0042"
    clipboard.guard().clear_ours()
    assert QApplication.clipboard().text() == ""


def test_what_a_field_copies_is_offered_as_plain_text_only(qapp: QApplication) -> None:
    clipboard.protect_copies(qapp)
    notes = QTextEdit()
    notes.setHtml("<p><b>Fictional</b> note about <i>Rowan</i></p>")
    notes.selectAll()
    notes.copy()
    assert _formats() == ["text/plain", "x-kde-passwordManagerHint"]  # no text/html, no OpenDocument fragment
    assert QApplication.clipboard().text() == "Fictional note about Rowan"

    field = QLineEdit()
    field.setText("555-0100")
    field.selectAll()
    field.copy()
    assert _formats() == ["text/plain", "x-kde-passwordManagerHint"]
    assert QApplication.clipboard().text() == "555-0100"
    QApplication.clipboard().clear()
