"""The settings screen for a vault enrolled with an office (issue 21, item 12): the office's policy is shown with the
office's values, read-only, under one plain sentence saying why; the idle lock offers nothing longer than the
office allows; pressing OK writes none of it into the settings file. A vault with no office shows none of it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import json
from pathlib import Path

import pytest

from app.core import office_policy
from app.core import settings as declared
from app.core.settings import Settings
from app.core.workspace import Workspace
from app.models import VaultMeta
from app.protocol.office_policy import OfficePolicy
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.main_window import MainWindow
from app.ui.qt import QCheckBox, QComboBox, QLabel, Qt, QWidget
from app.ui.quick_unlock import QuickUnlockDialog
from app.ui.settings_dialog import OFFICE_SETS, SettingsDialog
from tests.conftest import TEST_PASSPHRASE
from tests.ui.helpers import assert_all_named, shot, use_readable_font

POLICY = OfficePolicy(
    quick_unlock_allowed=False,
    survivor_copy_allowed=False,
    unsynced_warning_days=3,
    idle_lock_max_seconds=600,
    time_zone="America/Los_Angeles",
)


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    use_readable_font()


def by_name(root: QWidget, kind: type, name: str) -> QWidget:
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"expected one {kind.__name__} named {name!r}, found {len(found)}"
    return found[0]


def open_dialog(qtbot, settings: Settings) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, keyring_problem=lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_office_policy_is_shown_read_only_with_the_offices_values(qtbot, tmp_path: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "config"
    config.mkdir()
    # The file says otherwise (edited by hand): the screen shows the office's word, and keeps the file as it was.
    written = {"quick_unlock_allowed_by_office": True, "unsynced_warning_days": 30, "idle_lock_seconds": 3600}
    (config / "settings.json").write_text(json.dumps(written), encoding="utf-8")
    settings = Settings(config)
    settings.use_office_policy(POLICY)
    dialog = open_dialog(qtbot, settings)

    note = dialog.findChild(QLabel, "office-sets")
    assert isinstance(note, QLabel) and note.isVisible() and note.text() == OFFICE_SETS
    quick = by_name(dialog, QCheckBox, declared.QUICK_UNLOCK_ALLOWED_BY_OFFICE.label)
    copy = by_name(dialog, QCheckBox, declared.SURVIVOR_COPY_ALLOWED_BY_OFFICE.label)
    days = by_name(dialog, QComboBox, declared.UNSYNCED_WARNING_DAYS.label)
    assert isinstance(quick, QCheckBox) and isinstance(copy, QCheckBox) and isinstance(days, QComboBox)
    assert not quick.isChecked() and not copy.isChecked() and days.currentText() == "3"
    for widget in (quick, copy, days):
        assert widget.isVisible() and not widget.isEnabled()  # read-only: the office's, not this screen's
        assert widget.accessibleDescription() == OFFICE_SETS
    zone = dialog.findChild(QLabel, "office-time-zone")
    assert isinstance(zone, QLabel) and "America/Los_Angeles" in zone.text()

    lock = by_name(dialog, QComboBox, declared.IDLE_LOCK_SECONDS.label)
    assert isinstance(lock, QComboBox) and lock.isEnabled()
    assert lock.itemText(lock.count() - 1) == "10 minutes"  # nothing longer than the office allows
    assert lock.currentText() == "10 minutes"
    limit = dialog.findChild(QLabel, "office-idle-limit")
    assert isinstance(limit, QLabel) and "10 minutes" in limit.text()
    assert "office" in dialog.quick_unlock_note.text()  # quick unlock itself is off, and says why
    assert_all_named(dialog)
    shot(dialog, "settings-office-policy")

    with qtbot.waitSignal(dialog.saved, timeout=2_000) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] == []
    assert json.loads((config / "settings.json").read_text(encoding="utf-8")) == written


def test_a_vault_with_no_office_shows_no_office_policy(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(tmp_path / "config")
    settings.use_office_policy(None)
    dialog = open_dialog(qtbot, settings)
    assert dialog.findChild(QLabel, "office-sets") is None
    assert dialog.office_editors == {}
    lock = by_name(dialog, QComboBox, declared.IDLE_LOCK_SECONDS.label)
    assert isinstance(lock, QComboBox) and lock.itemText(lock.count() - 1) == "1 hour"


def test_the_window_takes_the_office_policy_from_the_vault_at_unlock(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, keyring_backend: object
) -> None:
    """The settings file asks for an hour's idle lock and a PIN; the vault's office says 1 minute and no PIN."""
    folder = tmp_path / "vault"
    unlocked, _code = Vault(folder).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    with Workspace(unlocked).session() as s, s.begin():
        s.merge(VaultMeta(key=office_policy.ENROLLED_KEY, value="office-1"))
        office_policy.remember(s, {"quick_unlock_allowed": False, "idle_lock_max_seconds": 60})
    unlocked.lock()
    settings = Settings(tmp_path / "config")
    settings.set(declared.QUICK_UNLOCK_ENABLED, True)
    settings.set(declared.IDLE_LOCK_SECONDS, 3600)

    win = MainWindow(Vault(folder), settings=settings, kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.unlock_page.passphrase.setFocus()
    qtbot.keyClicks(win.unlock_page.passphrase, TEST_PASSPHRASE)
    qtbot.keyClick(win.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=15_000)
    qtbot.waitUntil(lambda: settings.office is not None, timeout=5_000)
    assert win.idle.seconds == 60
    assert settings.get(declared.QUICK_UNLOCK_ALLOWED_BY_OFFICE) is False
    qtbot.wait(200)
    assert not [d for d in win.findChildren(QuickUnlockDialog) if d.isVisible()]  # no PIN offered
    win.close()
