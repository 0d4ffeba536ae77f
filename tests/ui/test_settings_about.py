"""The settings dialog (made from the declarations) and the About dialog, driven as a person would."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import settings as declared
from app.core.settings import Settings
from app.storage import quick_unlock as qu
from app.storage.versions import sqlcipher_version
from app.ui.about import AboutDialog, versions
from app.ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QSpinBox,
    Qt,
    QWidget,
)
from app.ui.settings_dialog import SettingsDialog, choice_text, duration_words
from tests.ui.helpers import assert_all_named, shot, use_readable_font


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text, not boxes, for the screenshots to mean anything."""



@pytest.fixture
def scale(request: pytest.FixtureRequest) -> Iterator[int]:
    """1 or 2: the text size the dialog is made at (200 % as a person with large text would have it)."""
    factor = getattr(request, "param", 1)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_readable_font()
    original = app.font()
    if factor != 1:
        bigger = app.font()
        bigger.setPointSizeF(original.pointSizeF() * factor)
        app.setFont(bigger)
    try:
        yield factor
    finally:
        app.setFont(original)



def by_name(root: QWidget, kind: type, name: str) -> QWidget:
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"expected one {kind.__name__} named {name!r}, found {len(found)}"
    return found[0]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config")


def open_dialog(qtbot, settings: Settings, **kwargs: object) -> SettingsDialog:
    dialog = SettingsDialog(settings, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


# --- settings ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1, 2], indirect=True, ids=["100", "200"])
def test_every_declared_setting_has_a_control_in_plain_words(qtbot, settings: Settings, scale: int) -> None:
    dialog = open_dialog(qtbot, settings, keyring_problem=lambda: None)
    office = {
        declared.QUICK_UNLOCK_ALLOWED_BY_OFFICE,
        declared.SURVIVOR_COPY_ALLOWED_BY_OFFICE,
        declared.UNSYNCED_WARNING_DAYS,
    }
    editable = [s for s in declared.ALL if s not in office]
    assert sorted(dialog.editors) == sorted(s.key for s in editable)
    assert not {s.key for s in office} & set(dialog.editors)  # the office's, not the person's
    lock = by_name(dialog, QComboBox, declared.IDLE_LOCK_SECONDS.label)
    assert isinstance(lock, QComboBox)
    assert [lock.itemText(i) for i in range(lock.count())] == [
        "Immediately", "1 minute", "2 minutes", "5 minutes", "10 minutes", "15 minutes", "30 minutes", "1 hour",
    ]
    assert lock.currentText() == "5 minutes"  # the default
    assert isinstance(by_name(dialog, QCheckBox, declared.LOCK_ON_SCREEN_LOCK.label), QCheckBox)
    assert isinstance(by_name(dialog, QSpinBox, declared.CLIPBOARD_CLEAR_SECONDS.label), QSpinBox)
    day_end = by_name(dialog, QComboBox, declared.DAY_ENDS_AT_HOUR.label)
    assert isinstance(day_end, QComboBox) and day_end.count() == 24
    assert not day_end.isEnabled()  # it only matters once quick unlock is on
    assert_all_named(dialog)
    shot(dialog, f"{scale * 100}-settings")
    # Nothing is cut off: the buttons are inside the dialog and wide enough for their words.
    for button in (dialog.ok_button, dialog.cancel_button):
        assert button.width() >= button.sizeHint().width()
        assert dialog.rect().contains(button.mapTo(dialog, button.rect().bottomRight()))
    assert lock.width() >= lock.minimumSizeHint().width()
    if scale == 1:  # at the usual size every setting shows at once; at 200 % they may scroll, OK and Cancel stay
        assert dialog.body_scroll.verticalScrollBar().maximum() == 0


def test_choosing_a_lock_time_saves_it(qtbot, settings: Settings, tmp_path: Path, scale: int) -> None:
    dialog = open_dialog(qtbot, settings, keyring_problem=lambda: None)
    lock = by_name(dialog, QComboBox, declared.IDLE_LOCK_SECONDS.label)
    assert isinstance(lock, QComboBox)
    lock.setFocus()
    while lock.currentText() != "15 minutes":
        qtbot.keyClick(lock, Qt.Key.Key_Down)
    quick = by_name(dialog, QCheckBox, declared.QUICK_UNLOCK_ENABLED.label)
    qtbot.mouseClick(quick, Qt.MouseButton.LeftButton)
    assert isinstance(quick, QCheckBox) and quick.isChecked()
    assert by_name(dialog, QComboBox, declared.DAY_ENDS_AT_HOUR.label).isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=2_000) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert sorted(saved.args[0]) == sorted([declared.IDLE_LOCK_SECONDS.key, declared.QUICK_UNLOCK_ENABLED.key])

    again = Settings(tmp_path / "config")  # as the next start of the app reads it
    assert again.get(declared.IDLE_LOCK_SECONDS) == 900
    assert again.get(declared.QUICK_UNLOCK_ENABLED) is True


def test_cancel_changes_nothing(qtbot, settings: Settings, tmp_path: Path, scale: int) -> None:
    dialog = open_dialog(qtbot, settings, keyring_problem=lambda: None)
    lock = by_name(dialog, QComboBox, declared.IDLE_LOCK_SECONDS.label)
    assert isinstance(lock, QComboBox)
    lock.setFocus()
    qtbot.keyClick(lock, Qt.Key.Key_End)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "config" / "settings.json").exists()
    assert Settings(tmp_path / "config").get(declared.IDLE_LOCK_SECONDS) == 300


@pytest.mark.parametrize("scale", [1, 2], indirect=True, ids=["100", "200"])
def test_quick_unlock_is_disabled_and_explained_without_a_keyring(qtbot, settings: Settings, scale: int) -> None:
    dialog = open_dialog(qtbot, settings, keyring_problem=lambda: qu.NO_KEYRING)
    quick = by_name(dialog, QCheckBox, declared.QUICK_UNLOCK_ENABLED.label)
    assert not quick.isEnabled()
    assert dialog.quick_unlock_note.isVisible()
    assert dialog.quick_unlock_note.text() == qu.NO_KEYRING
    shot(dialog, f"{scale * 100}-settings-no-keyring")


def test_quick_unlock_is_disabled_and_explained_when_the_office_forbids_it(
    qtbot, settings: Settings, scale: int
) -> None:
    settings.set(declared.QUICK_UNLOCK_ALLOWED_BY_OFFICE, False)
    settings.set(declared.QUICK_UNLOCK_ENABLED, True)
    dialog = open_dialog(qtbot, settings, keyring_problem=lambda: None)
    quick = by_name(dialog, QCheckBox, declared.QUICK_UNLOCK_ENABLED.label)
    assert not quick.isEnabled() and not quick.isChecked()
    assert "office" in dialog.quick_unlock_note.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert settings.get(declared.QUICK_UNLOCK_ENABLED) is True  # the person's wish is kept for when it is allowed


def test_the_real_keyring_check_is_used_by_default(qtbot, settings: Settings, keyring_backend: object) -> None:
    dialog = open_dialog(qtbot, settings)  # the in-memory keyring from conftest works
    assert dialog.quick_unlock_reason is None
    assert by_name(dialog, QCheckBox, declared.QUICK_UNLOCK_ENABLED.label).isEnabled()


def test_choice_words() -> None:
    assert [duration_words(s) for s in (0, 60, 120, 3600, 7200, 45)] == [
        "Immediately", "1 minute", "2 minutes", "1 hour", "2 hours", "45 seconds",
    ]
    assert choice_text(declared.DAY_ENDS_AT_HOUR, 23).startswith(("23", "11"))


# --- about -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1, 2], indirect=True, ids=["100", "200"])
def test_about_lists_the_versions_and_the_data_folder(qtbot, tmp_path: Path, scale: int) -> None:
    data = tmp_path / "data"
    dialog = AboutDialog(data)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = [name for name, _version in versions()]
    assert names == ["Offramp", "Python", "Qt", "PySide6", "SQLCipher", "SQLite"]
    assert dialog.version_labels["SQLCipher"].text() == sqlcipher_version()
    assert dialog.version_labels["SQLCipher"].text().startswith("4.")
    assert dialog.version_labels["Qt"].text().startswith("6.")
    assert dialog.data_folder.text() == str(data)
    rows = [dialog.version_labels[name] for name in names]
    for upper, lower in itertools.pairwise(rows):
        assert upper.geometry().bottom() < lower.geometry().top(), "version rows overlap"
        assert upper.height() >= upper.sizeHint().height()
    assert_all_named(dialog)
    shot(dialog, f"{scale * 100}-about")
    assert dialog.rect().contains(dialog.close_button.geometry())
    with qtbot.waitSignal(dialog.finished, timeout=2_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
