"""Ways out of a bad state, as the window meets them (issue 16): a restore killed midway is finished at the next
start and the unlock screen says so, instead of the first-run wizard greeting a vault that was only moved aside."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import subprocess
import sys
from pathlib import Path

from app.core.settings import Settings
from app.core.workspace import Workspace
from app.storage.atomic import CRASH_AT_ENV, CRASH_EXIT_STATUS
from app.storage.kdf import KdfParams
from app.storage.vault import Vault

PASSPHRASE = "a long test passphrase"


def _vault_with_backup(folder: Path) -> tuple[Vault, Path]:
    vault = Vault(folder)
    unlocked, _code = vault.create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        Workspace(unlocked).records.create("person", {"preferred_name": "Wrenna Example", "is_demo": True})
        vault.backup_dir.mkdir()
        archive = unlocked.backup(vault.backup_dir)
    finally:
        unlocked.lock()
    return vault, archive


def test_a_restore_killed_midway_is_finished_and_said_on_the_unlock_screen(qtbot, tmp_path: Path) -> None:
    from app.ui.main_window import MainWindow

    vault, archive = _vault_with_backup(tmp_path / "data")
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "vault", "restore", str(archive), "--data-dir", str(vault.data_dir),
         "--passphrase-file", str(tmp_path / "pass.txt")],
        env={**os.environ, CRASH_AT_ENV: "restore:aside:vault.key"},
        capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
    )
    assert run.returncode == CRASH_EXIT_STATUS, run.stderr
    assert not vault.key_path.exists() and not vault.db_path.exists()  # the state the window used to misread

    win = MainWindow(Vault(vault.data_dir), settings=Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    assert win.first_run_page is None
    assert win.pages.currentWidget() is win.unlock_page
    said = win.unlock_page.status.text()
    assert said.startswith("A restore from a backup was interrupted; Offramp has now finished it.")
    assert win.unlock_page.passphrase.isVisibleTo(win)


def test_another_vaults_backup_is_restored_only_after_naming_whose_it_is(
    qtbot, tmp_path: Path, make_unlock_host
) -> None:
    from tests.ui.helpers import click, field

    vault, _own = _vault_with_backup(tmp_path / "data")
    for own in vault.backup_dir.iterdir():
        own.unlink()
    other, other_archive = _vault_with_backup(tmp_path / "other")
    other_archive.rename(vault.backup_dir / other_archive.name)
    device = other.key_path.read_text().split('"device_id": "')[1][:8]

    host = make_unlock_host(vault)
    dialog = host.page.open_restore_dialog()
    qtbot.keyClicks(field(dialog, "Passphrase"), PASSPHRASE)
    click(qtbot, dialog, "Restore this backup")
    assert "another vault" in dialog.status.text() and device in dialog.status.text()
    assert not host.runner.busy  # nothing started: asked first
    assert dialog.restore_button.text() == "Replace this vault"
    click(qtbot, dialog, "Replace this vault with the other vault's backup")
    qtbot.waitUntil(lambda: dialog.continue_button.isVisible(), timeout=20_000)
    assert device in vault.key_path.read_text()
    for unlocked in [dialog._opened]:
        if unlocked is not None:
            unlocked.lock()


def test_typing_the_lock_cannot_save_on_a_full_disk_is_kept_and_comes_back(qtbot, tmp_path: Path) -> None:
    """Issue 16, item 9: the lock's draft save fails on a full disk; the window says the disk is full, keeps the
    typing in memory, and the next unlock (after space was freed) puts it back in its form."""
    from app.demo.people import generate
    from app.ui.main_window import MainWindow
    from app.ui.qt import Qt
    from tests.storage.disks import fill, small_disk
    from tests.ui.test_locking import _note_composer, open_first_person

    with small_disk(tmp_path / "disk", mib=24) as disk:
        vault = Vault(disk / "vault")
        unlocked, _ = vault.create(PASSPHRASE, kdf_params=KdfParams.floor())
        generate(Workspace(unlocked), persons=3, seed=5)
        unlocked.lock()
        win = MainWindow(Vault(vault.data_dir), settings=Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        field = win.unlock_page.passphrase
        field.setFocus()
        qtbot.keyClicks(field, PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=15_000)
        qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() > 0, timeout=15_000)
        person_id = open_first_person(qtbot, win, "notes")
        composer = _note_composer(win)
        composer.setFocus()
        qtbot.keyClicks(composer, "She wants to talk again on Thursday " + "and more " * 400)
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)

        filler = fill(disk)
        win.lock()
        qtbot.waitUntil(lambda: "disk is full" in win.unlock_page.status.text(), timeout=15_000)
        qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)

        filler.unlink()
        field.setFocus()
        qtbot.keyClicks(field, PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.person_page.location() == (person_id, "notes"), timeout=15_000)
        qtbot.waitUntil(lambda: "Thursday" in _note_composer(win).toPlainText(), timeout=10_000)
        win.close()


def test_a_pulled_record_with_malformed_charges_is_flagged_and_the_rest_shown(qtbot, page, ws, runner) -> None:
    """Issue 16, item 11: charges stored as an object (as a record pulled from the office could arrive) used to fail
    in a Qt slot when the person was opened; now the matter shows, the charges that fit with it, and a flag."""
    from sqlalchemy import update

    from app.core.record_shapes import FLAGGED
    from app.models import JusticeContact

    pid = ws.records.create("person", {"preferred_name": "Test Person One"}).id
    good = {"offence": "Trespass", "statute": "Demo Penal Code 140.05", "level": "violation"}
    jc = ws.records.create(
        "justice_contact", {"role": "witness", "docket_number": "BC-2024-CR-7", "charges": [good]}, person_id=pid
    )
    with ws.session() as s, s.begin():
        s.execute(
            update(JusticeContact).where(JusticeContact.id == jc.id).values(charges=[good, {"offence": 42}, "stray"])
        )
    # An exception in a slot fails the test (pytest-qt captures it): the window must open this person cleanly.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open(ws, pid, "justice")
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    section, editor = page.justice, page.justice.editor
    if editor.record_id != jc.id:
        section.matters.setCurrentRow(0)
    qtbot.waitUntil(lambda: editor.record_id == jc.id, timeout=10_000)
    assert editor.fields.widgets["docket_number"].text() == "BC-2024-CR-7"  # type: ignore[attr-defined]
    assert [row.offence.text() for row in editor.charges.rows] == ["Trespass"]
    assert editor.charges.error.text() == FLAGGED
    assert not editor.is_dirty()  # nothing changes the stored charges unless the person edits them
    stored = ws.records.get("justice_contact", jc.id)
    assert stored.charges == [good, {"offence": 42}, "stray"]


def test_damage_met_while_open_locks_names_it_and_offers_the_backup(qtbot, tmp_path: Path) -> None:
    """Issue 16, item 10: a damaged middle page used to open and then fail person by person ("could not be read,
    please try again"); now the window locks, says the database is damaged and offers the latest backup."""
    from app.demo.people import generate
    from app.ui.main_window import MainWindow
    from app.ui.qt import Qt
    from tests.storage.test_damaged_page import damage_middle_pages

    vault = Vault(tmp_path / "data")
    unlocked, _ = vault.create(PASSPHRASE, kdf_params=KdfParams.floor())
    generate(Workspace(unlocked), persons=120, seed=3)
    vault.backup_dir.mkdir()
    unlocked.backup(vault.backup_dir)
    unlocked.lock()
    damage_middle_pages(vault)

    win = MainWindow(Vault(vault.data_dir), settings=Settings(tmp_path / "config"), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    page = win.unlock_page

    def unlock() -> None:
        page.passphrase.setFocus()
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)

    unlock()
    qtbot.waitUntil(lambda: win.is_unlocked or page.way_out.isVisible(), timeout=15_000)
    if win.is_unlocked:  # the caseload read what it needed: open every person until a damaged page is met
        qtbot.waitUntil(lambda: win.caseload_page.model.rowCount() > 0 or page.way_out.isVisible(), timeout=15_000)
        for row in range(win.caseload_page.model.rowCount()):
            if page.way_out.isVisible():
                break
            person_id = win.caseload_page.model.person_id(row)
            win.person_page.open(win.workspace, person_id, "overview")  # type: ignore[arg-type]
            qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)
    qtbot.waitUntil(lambda: page.way_out.isVisible(), timeout=15_000)
    assert not win.is_unlocked and win.pages.currentWidget() is page
    assert "database is damaged" in page.status.text()
    assert page.restore_button.isVisible() and not page.recover_button.isVisible()

    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)
    unlock()  # again: this time every page is checked, and the damage is named before anything opens
    qtbot.waitUntil(lambda: "3 damaged parts found" in page.status.text(), timeout=15_000)
    assert page.restore_button.isVisible() and not win.is_unlocked
    dialog = page.open_restore_dialog()
    assert dialog.backups.count() == 1
    dialog.reject()
    win.close()
