"""The way out when a vault will not open, driven as a person would: a damaged key file is mended with the recovery
code; a truncated database is replaced by the latest backup. Real SQLCipher files, the KDF at the floor."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.errors import WrongPassphrase
from app.storage import keyfile
from app.storage.kdf import KdfParams
from app.storage.vault import UnlockedVault, Vault
from app.ui.qt import (
    QApplication,
    QLineEdit,
    Qt,
    QWidget,
)
from app.ui.recover_dialog import describe_backup, find_backups
from tests.ui.helpers import UnlockHost as Host
from tests.ui.helpers import assert_all_named, button, click, field, shot, use_readable_font

PASSPHRASE = "a long test passphrase"
NEW_PASSPHRASE = "lantern orbit cactus meadow"


def type_into(qtbot, root: QWidget, name: str, text: str) -> None:
    target = field(root, name)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(target, text)


# --- vaults ------------------------------------------------------------------------------------------------------


@pytest.fixture
def made(tmp_path: Path) -> tuple[Vault, str]:
    """A vault with one fictional person, two backups in <data dir>/backups (one older), locked; and its code."""
    vault = Vault(tmp_path / "data")
    unlocked, code = vault.create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        Workspace(unlocked).records.create("person", {"preferred_name": "Wrenna Example", "is_demo": True})
        vault.backup_dir.mkdir()
        older = unlocked.backup(vault.backup_dir)
        older.rename(older.with_name("offramp-manual-2020-01-02T030405Z.offramp-backup"))
        unlocked.backup(vault.backup_dir)
    finally:
        unlocked.lock()
    return vault, code


def damage_key_file(vault: Vault) -> None:
    body = json.loads(vault.key_path.read_text())
    ct = bytearray(keyfile._unb64(body["pass_wrap"]["ct"]))
    ct[3] ^= 0x40
    body["pass_wrap"]["ct"] = keyfile._b64(bytes(ct))
    vault.key_path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n")


def truncate_database(vault: Vault) -> None:
    size = vault.db_path.stat().st_size
    with open(vault.db_path, "r+b") as fh:
        fh.truncate(size // 2 + 100)


@pytest.fixture
def make_host(make_unlock_host: Callable[..., Host]) -> Callable[[Vault], Host]:
    return make_unlock_host


def unlock_with_passphrase(qtbot, host: Host, passphrase: str = PASSPHRASE) -> None:
    page = host.page
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)


def wait_idle(qtbot, host: Host) -> None:
    qtbot.waitUntil(lambda: not host.runner.busy, timeout=20_000)


# --- a damaged key file: the recovery code --------------------------------------------------------------------------


def test_damaged_key_file_the_recovery_code_opens_it_with_a_new_passphrase(
    qtbot, made: tuple[Vault, str], make_host: Callable[[Vault], Host]
) -> None:
    vault, code = made
    damage_key_file(vault)
    host = make_host(vault)
    page = host.page
    assert not page.way_out.isVisible()

    unlock_with_passphrase(qtbot, host)
    qtbot.waitUntil(lambda: page.way_out.isVisible(), timeout=10_000)
    assert "key file is damaged" in page.status.text()
    assert "Traceback" not in page.status.text()
    assert page.unlock_button.isEnabled()  # not a wrong passphrase: no waiting
    assert button(page, "Use my recovery code").isVisible()
    assert button(page, "Restore the latest backup").isVisible()
    assert_all_named(page)
    shot(host, "100-unlock-damaged-key-file")

    click(qtbot, page, "Use my recovery code")
    dialog = page.recover_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert_all_named(dialog)
    # Typed the way people do: small letters, spaces instead of dashes.
    type_into(qtbot, dialog, "Recovery code", code.lower().replace("-", " "))
    type_into(qtbot, dialog, "New passphrase", NEW_PASSPHRASE)
    type_into(qtbot, dialog, "New passphrase again", NEW_PASSPHRASE)
    shot(dialog, "100-recover-dialog")
    with qtbot.waitSignal(page.unlocked, timeout=20_000) as opened:
        click(qtbot, dialog, "Open the vault")
    unlocked = opened.args[0]
    assert isinstance(unlocked, UnlockedVault) and unlocked.is_open
    assert not dialog.isVisible()
    assert page.status.text() == ""
    assert not page.way_out.isVisible()
    assert [row.preferred_name for row in Workspace(unlocked).people.search("")] == ["Wrenna Example"]
    unlocked.lock()
    host.opened.clear()

    # The new passphrase opens it from now on; the old one does not.
    Vault(vault.data_dir).unlock(NEW_PASSPHRASE).lock()
    with pytest.raises(WrongPassphrase):
        Vault(vault.data_dir).unlock(PASSPHRASE)


def test_the_recovery_dialog_checks_before_any_slow_work(
    qtbot, made: tuple[Vault, str], make_host: Callable[[Vault], Host]
) -> None:
    vault, code = made
    damage_key_file(vault)
    host = make_host(vault)
    page = host.page
    unlock_with_passphrase(qtbot, host)
    qtbot.waitUntil(lambda: page.way_out.isVisible(), timeout=10_000)
    click(qtbot, page, "Use my recovery code")
    dialog = page.recover_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)

    broken = mistype_group_2(code)
    type_into(qtbot, dialog, "Recovery code", broken)
    click(qtbot, dialog, "Open the vault")
    assert "Group 2" in dialog.status.text()
    assert not host.runner.busy

    field(dialog, "Recovery code").clear()
    type_into(qtbot, dialog, "Recovery code", code)
    type_into(qtbot, dialog, "New passphrase", NEW_PASSPHRASE)
    type_into(qtbot, dialog, "New passphrase again", NEW_PASSPHRASE + "x")
    click(qtbot, dialog, "Open the vault")
    assert "not the same" in dialog.status.text()
    shot(dialog, "100-recover-dialog-mismatch")
    assert not host.runner.busy
    click(qtbot, dialog, "Cancel")
    assert not dialog.isVisible()
    assert host.opened == []


def test_a_key_file_unreadable_as_a_whole_offers_only_the_backup(
    qtbot, made: tuple[Vault, str], make_host: Callable[[Vault], Host]
) -> None:
    vault, _code = made
    vault.key_path.write_bytes(b"\x00garbage\xff")
    host = make_host(vault)
    unlock_with_passphrase(qtbot, host)
    qtbot.waitUntil(lambda: host.page.way_out.isVisible(), timeout=10_000)
    assert "cannot be read at all" in host.page.status.text()
    assert not host.page.recover_button.isVisible()  # the code is wrapped inside that file: it cannot help
    assert host.page.restore_button.isVisible()


# --- a truncated database: the latest backup -------------------------------------------------------------------------


def test_truncated_database_the_latest_backup_is_restored_and_opens(
    qtbot, made: tuple[Vault, str], make_host: Callable[[Vault], Host]
) -> None:
    vault, _code = made
    truncate_database(vault)
    host = make_host(vault)
    page = host.page

    unlock_with_passphrase(qtbot, host)
    qtbot.waitUntil(lambda: page.way_out.isVisible(), timeout=10_000)
    assert "incomplete" in page.status.text()
    assert not page.recover_button.isVisible()  # a recovery code cannot mend a database
    shot(host, "100-unlock-truncated-database")

    click(qtbot, page, "Restore the latest backup")
    dialog = page.restore_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert_all_named(dialog)
    backups = find_backups(vault.backup_dir)
    assert len(backups) == 2
    assert "2020" in backups[1].name  # newest first
    assert dialog.backups.count() == 2
    assert dialog.backups.currentRow() == 0
    assert dialog.backups.currentItem().text() == describe_backup(backups[0])
    assert dialog.selected_backup() == backups[0]
    assert dialog.backups.item(1).text().startswith("Backup — 2 January 2020")

    type_into(qtbot, dialog, "Passphrase", PASSPHRASE)
    shot(dialog, "100-restore-dialog")
    click(qtbot, dialog, "Restore this backup")
    qtbot.waitUntil(lambda: dialog.continue_button.isVisible(), timeout=20_000)
    assert "replaced-by-restore-" in dialog.done_text.text()
    kept = [p for p in vault.data_dir.iterdir() if p.name.startswith("replaced-by-restore-")]
    assert len(kept) == 1 and (kept[0] / "vault.db").exists()
    assert str(kept[0]) in dialog.done_text.text()
    assert_all_named(dialog)
    shot(dialog, "100-restore-dialog-done")

    with qtbot.waitSignal(page.unlocked, timeout=5_000) as opened:
        click(qtbot, dialog, "Open my vault")
    unlocked = opened.args[0]
    assert unlocked.is_open
    names = [row.preferred_name for row in Workspace(unlocked).people.search("", limit=10)]
    assert names == ["Wrenna Example"]
    unlocked.lock()
    host.opened.clear()
    Vault(vault.data_dir).unlock(PASSPHRASE, full_check=True).lock()  # and it opens, every page checked


def test_restore_with_the_recovery_code_sets_a_new_passphrase(
    qtbot, made: tuple[Vault, str], make_host: Callable[[Vault], Host]
) -> None:
    vault, code = made
    truncate_database(vault)
    host = make_host(vault)
    page = host.page
    unlock_with_passphrase(qtbot, host)
    qtbot.waitUntil(lambda: page.way_out.isVisible(), timeout=10_000)
    click(qtbot, page, "Restore the latest backup")
    dialog = page.restore_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)

    click(qtbot, dialog, "Use my recovery code instead")
    assert not field_visible(dialog, "Passphrase")
    type_into(qtbot, dialog, "Recovery code", code)
    type_into(qtbot, dialog, "New passphrase", NEW_PASSPHRASE)
    type_into(qtbot, dialog, "New passphrase again", NEW_PASSPHRASE)
    shot(dialog, "100-restore-dialog-recovery-code")
    click(qtbot, dialog, "Restore this backup")
    qtbot.waitUntil(lambda: dialog.continue_button.isVisible(), timeout=20_000)
    with qtbot.waitSignal(page.unlocked, timeout=5_000) as opened:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # however it closes, the open vault is handed over
    opened.args[0].lock()
    host.opened.clear()
    Vault(vault.data_dir).unlock(NEW_PASSPHRASE).lock()


def mistype_group_2(code: str) -> str:
    """The code with one character of group 2 changed so that its check character catches it (a change that
    happens to keep the check right, 1 in 32, would be a different code, not a typo the sheet can catch)."""
    from app.errors import MalformedRecoveryCode
    from app.storage import recovery

    for replacement in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
        broken = code[:6] + replacement + code[7:]
        try:
            recovery.parse(broken)
        except MalformedRecoveryCode as exc:
            if "Group 2" in exc.message:
                return broken
    raise AssertionError("no single-character typo in group 2 was caught")


def field_visible(root: QWidget, name: str) -> bool:
    return any(e.isVisible() for e in root.findChildren(QLineEdit) if e.accessibleName() == name)


def test_a_wrong_passphrase_for_the_backup_changes_nothing(
    qtbot, made: tuple[Vault, str], make_host: Callable[[Vault], Host]
) -> None:
    vault, _code = made
    truncate_database(vault)
    before = sorted(p.name for p in vault.data_dir.iterdir())
    host = make_host(vault)
    page = host.page
    unlock_with_passphrase(qtbot, host)
    qtbot.waitUntil(lambda: page.way_out.isVisible(), timeout=10_000)
    click(qtbot, page, "Restore the latest backup")
    dialog = page.restore_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog, "Passphrase", "not the passphrase at all")
    click(qtbot, dialog, "Restore this backup")
    qtbot.waitUntil(lambda: "does not open" in dialog.status.text(), timeout=20_000)
    assert dialog.isVisible() and button(dialog, "Restore this backup").isEnabled()
    assert sorted(p.name for p in vault.data_dir.iterdir()) == before


def test_choose_another_file(qtbot, made: tuple[Vault, str], make_host: Callable[[Vault], Host],
                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    vault, _code = made
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    copy = elsewhere / "my copy.offramp-backup"
    copy.write_bytes(find_backups(vault.backup_dir)[0].read_bytes())
    truncate_database(vault)
    host = make_host(vault)
    page = host.page
    unlock_with_passphrase(qtbot, host)
    qtbot.waitUntil(lambda: page.way_out.isVisible(), timeout=10_000)
    click(qtbot, page, "Restore the latest backup")
    dialog = page.restore_dialog
    assert dialog is not None

    from app.ui import file_dialogs

    monkeypatch.setattr(file_dialogs.QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    click(qtbot, dialog, "Choose another backup file")
    assert dialog.selected_backup() == copy
    assert dialog.backups.count() == 3 and dialog.backups.currentRow() == 0
    type_into(qtbot, dialog, "Passphrase", PASSPHRASE)
    click(qtbot, dialog, "Restore this backup")
    qtbot.waitUntil(lambda: dialog.continue_button.isVisible(), timeout=20_000)
    click(qtbot, dialog, "Open my vault")
    qtbot.waitUntil(lambda: len(host.opened) == 1, timeout=5_000)


# --- screenshots at 200 % ----------------------------------------------------------------------------------------


def test_screenshots_at_200_percent(qtbot, made: tuple[Vault, str], make_host: Callable[[Vault], Host]) -> None:
    vault, code = made
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_readable_font()
    original = app.font()
    bigger = app.font()
    bigger.setPointSizeF(original.pointSizeF() * 2)
    app.setFont(bigger)
    try:
        damage_key_file(vault)
        host = make_host(vault)
        page = host.page
        shot(host, "200-unlock-passphrase")
        unlock_with_passphrase(qtbot, host)
        qtbot.waitUntil(lambda: page.way_out.isVisible(), timeout=10_000)
        shot(host, "200-unlock-damaged-key-file")
        for widget in (page.recover_button, page.restore_button, page.unlock_button):
            assert widget.width() >= widget.sizeHint().width(), widget.accessibleName()
            assert widget.geometry().bottom() <= page.height()
        click(qtbot, page, "Use my recovery code")
        dialog = page.recover_dialog
        assert dialog is not None
        qtbot.waitExposed(dialog)
        type_into(qtbot, dialog, "Recovery code", code)
        shot(dialog, "200-recover-dialog")
        assert dialog.code.width() >= dialog.code.fontMetrics().horizontalAdvance(code)
        click(qtbot, dialog, "Cancel")

        click(qtbot, page, "Restore the latest backup")
        restore = page.restore_dialog
        assert restore is not None
        qtbot.waitExposed(restore)
        shot(restore, "200-restore-dialog")
        item = restore.backups.item(0)
        assert restore.backups.viewport().width() >= restore.backups.fontMetrics().horizontalAdvance(item.text())
        click(qtbot, restore, "Use my recovery code instead")
        shot(restore, "200-restore-dialog-recovery-code")
        click(qtbot, restore, "Cancel")
    finally:
        app.setFont(original)
