"""The one door the desktop app opens the vault through (app.core.vault_access), against real SQLCipher vaults."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from app.core import vault_access as va
from app.errors import (
    DatabaseDamaged,
    KeyFileDamaged,
    MalformedRecoveryCode,
    VaultExists,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryCode,
)
from app.storage import keyfile, recovery
from tests.conftest import TEST_PASSPHRASE, InMemoryKeyring, snapshot_files

FLOOR = va.KdfParams.floor()
NEW_PASSPHRASE = "another long passphrase"
PIN = "482915"
MORNING = dt.datetime(2030, 3, 4, 9, 30)  # naive: local wall-clock time


def _created(data_dir: Path) -> va.NewVault:
    return va.create_vault(va.open_folder(data_dir), TEST_PASSPHRASE, kdf_params=FLOOR)


def _damage_pass_wrap(vault: va.Vault) -> None:
    body = json.loads(vault.key_path.read_text())
    ct = bytearray(keyfile._unb64(body["pass_wrap"]["ct"]))
    ct[3] ^= 0x40
    body["pass_wrap"]["ct"] = keyfile._b64(bytes(ct))
    vault.key_path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n")


def _damage_recovery_wrap(vault: va.Vault) -> None:
    body = json.loads(vault.key_path.read_text())
    body["recovery_wrap"]["kind"] = "something else"  # the checksum no longer matches: this section is damaged
    vault.key_path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n")


def _flip_byte_in_page_one(vault: va.Vault) -> None:
    with open(vault.db_path, "r+b") as fh:
        fh.seek(200)
        byte = fh.read(1)
        fh.seek(200)
        fh.write(bytes([byte[0] ^ 0x01]))


# --- create, unlock and the three ways it can fail ---------------------------------------------------------------


def test_create_gives_the_open_vault_and_a_recovery_code_that_reopens_it(tmp_data_dir: Path) -> None:
    made = _created(tmp_data_dir)
    unlocked, code = made  # a plain pair too, for the task runner's "dropped" path
    assert unlocked is made.unlocked and code == made.recovery_code
    assert len(code.split("-")) == va.RECOVERY_CODE_GROUPS
    assert [va.recovery_code_group(code, i) for i in range(va.RECOVERY_CODE_GROUPS)] == code.split("-")
    va.check_recovery_code(code)  # the code as printed reads back
    unlocked.lock()

    vault = va.open_folder(tmp_data_dir)
    assert va.has_vault(vault)
    reopened = va.unlock(vault, TEST_PASSPHRASE)
    assert reopened.is_open
    reopened.lock()

    with pytest.raises(VaultExists):
        _created(tmp_data_dir)
    with pytest.raises(WeakPassphrase):
        va.check_new_passphrase("short")
    with pytest.raises(MalformedRecoveryCode, match="Group 2"):
        va.check_recovery_code(code[:6] + ("0" if code[6] != "0" else "1") + code[7:])


def test_an_empty_folder_has_no_vault(tmp_data_dir: Path) -> None:
    vault = va.open_folder(tmp_data_dir)
    assert not va.has_vault(vault)
    assert not va.recovery_code_can_help(vault)
    state = va.quick_unlock_state(vault)
    assert not state.available and not state.worth_saying


def test_wrong_passphrase_damaged_key_file_and_damaged_database_are_three_typed_errors(tmp_data_dir: Path) -> None:
    _created(tmp_data_dir).unlocked.lock()
    vault = va.open_folder(tmp_data_dir)

    before = snapshot_files(tmp_data_dir)
    with pytest.raises(WrongPassphrase) as wrong:
        va.unlock(vault, "not the passphrase at all")
    assert snapshot_files(tmp_data_dir) == before

    _damage_pass_wrap(vault)
    before = snapshot_files(tmp_data_dir)
    with pytest.raises(KeyFileDamaged) as damaged_key:
        va.unlock(vault, TEST_PASSPHRASE)
    assert snapshot_files(tmp_data_dir) == before
    # Only the passphrase wrap is damaged: the printed recovery code is still a way in.
    assert va.recovery_code_can_help(vault)

    messages = {wrong.value.message, damaged_key.value.message}
    assert len(messages) == 2 and all(m.endswith(".") for m in messages)


def test_a_damaged_database_is_its_own_error(tmp_data_dir: Path) -> None:
    _created(tmp_data_dir).unlocked.lock()
    vault = va.open_folder(tmp_data_dir)
    _flip_byte_in_page_one(vault)
    before = snapshot_files(tmp_data_dir)
    with pytest.raises(DatabaseDamaged):
        va.unlock(vault, TEST_PASSPHRASE)
    assert snapshot_files(tmp_data_dir) == before


def test_the_recovery_code_cannot_help_when_its_own_wrap_is_damaged(tmp_data_dir: Path) -> None:
    _created(tmp_data_dir).unlocked.lock()
    vault = va.open_folder(tmp_data_dir)
    assert va.recovery_code_can_help(vault)
    _damage_recovery_wrap(vault)
    assert not va.recovery_code_can_help(vault)
    vault.key_path.write_text("not a key file")
    assert not va.recovery_code_can_help(vault)


# --- recover, change the passphrase, back up and restore ---------------------------------------------------------


def test_recover_with_the_code_sets_a_new_passphrase(tmp_data_dir: Path) -> None:
    unlocked, code = _created(tmp_data_dir)
    unlocked.lock()
    vault = va.open_folder(tmp_data_dir)
    _damage_pass_wrap(vault)

    another_vaults_code = recovery.generate()[0]  # well formed, but it opens nothing here
    with pytest.raises(WrongRecoveryCode):
        va.recover(vault, another_vaults_code, NEW_PASSPHRASE, kdf_params=FLOOR)
    recovered = va.recover(vault, code, NEW_PASSPHRASE, kdf_params=FLOOR)
    recovered.lock()
    va.unlock(vault, NEW_PASSPHRASE).lock()
    with pytest.raises(WrongPassphrase):
        va.unlock(vault, TEST_PASSPHRASE)


def test_change_passphrase_asks_for_the_current_one(tmp_data_dir: Path) -> None:
    unlocked, _code = _created(tmp_data_dir)
    try:
        with pytest.raises(WrongPassphrase):
            va.change_passphrase(unlocked, "not the passphrase at all", NEW_PASSPHRASE, kdf_params=FLOOR)
        with pytest.raises(WeakPassphrase):
            va.change_passphrase(unlocked, TEST_PASSPHRASE, "short", kdf_params=FLOOR)
        va.change_passphrase(unlocked, TEST_PASSPHRASE, NEW_PASSPHRASE, kdf_params=FLOOR)
        va.confirm_passphrase(unlocked, NEW_PASSPHRASE)
        with pytest.raises(WrongPassphrase):
            va.confirm_passphrase(unlocked, TEST_PASSPHRASE)
    finally:
        unlocked.lock()
    va.unlock(va.open_folder(tmp_data_dir), NEW_PASSPHRASE).lock()


def test_back_up_then_restore_with_the_passphrase_keeps_the_replaced_files(
    tmp_data_dir: Path, tmp_path: Path
) -> None:
    unlocked, _code = _created(tmp_data_dir)
    folder = tmp_path / "usb"
    folder.mkdir()
    try:
        archive = va.back_up(unlocked, folder)
    finally:
        unlocked.lock()
    assert archive.name.endswith(va.BACKUP_SUFFIX) and archive.parent == folder

    vault = va.open_folder(tmp_data_dir)
    _flip_byte_in_page_one(vault)
    moved = va.restore_backup(vault, archive, passphrase=TEST_PASSPHRASE)
    assert moved is not None and moved.is_dir()
    va.unlock(vault, TEST_PASSPHRASE).lock()


def test_restore_into_an_empty_folder_with_the_recovery_code(tmp_data_dir: Path, tmp_path: Path) -> None:
    unlocked, code = _created(tmp_data_dir)
    try:
        archive = va.back_up(unlocked, tmp_path)
    finally:
        unlocked.lock()
    empty = va.open_folder(tmp_path / "elsewhere")
    assert va.restore_backup(empty, archive, recovery_code=code) is None
    va.recover(empty, code, NEW_PASSPHRASE, kdf_params=FLOOR).lock()


# --- quick unlock ----------------------------------------------------------------------------------------------


def test_quick_unlock_set_up_try_and_forget(tmp_data_dir: Path, keyring_backend: InMemoryKeyring) -> None:
    unlocked, _code = _created(tmp_data_dir)
    assert va.keyring_problem() is None
    assert not va.quick_unlock_state(unlocked, MORNING).available
    with pytest.raises(va.InvalidPin):
        va.check_pin("12a4")
    ends = va.set_up_quick_unlock(unlocked, PIN, now=MORNING, day_ends_at_hour=18)
    assert ends == va.pin_day_end(MORNING, 18)
    assert (ends.hour, ends.minute) == (18, 0)
    state = va.quick_unlock_state(unlocked, MORNING)
    assert state.available and "18:00" in state.reason and not state.worth_saying
    unlocked.lock()

    vault = va.open_folder(tmp_data_dir)
    with pytest.raises(va.WrongPin) as wrong:
        va.unlock_with_pin(vault, "000000", now=MORNING)
    assert wrong.value.tries_left == 2
    va.unlock_with_pin(vault, PIN, now=MORNING).lock()

    va.forget_quick_unlock(vault)
    assert not keyring_backend.secrets
    state = va.quick_unlock_state(vault, MORNING)
    assert not state.available and not state.worth_saying
    with pytest.raises(va.QuickUnlockUnavailable):
        va.unlock_with_pin(vault, PIN, now=MORNING)


def test_the_end_of_the_day_is_a_reason_worth_saying(tmp_data_dir: Path, keyring_backend: InMemoryKeyring) -> None:
    unlocked, _code = _created(tmp_data_dir)
    va.set_up_quick_unlock(unlocked, PIN, now=MORNING, day_ends_at_hour=18)
    unlocked.lock()
    evening = MORNING.replace(hour=19)
    state = va.quick_unlock_state(va.open_folder(tmp_data_dir), evening)
    assert not state.available and state.worth_saying
    assert "end of the working day" in state.reason


# --- small things the window needs ----------------------------------------------------------------------------------


def test_save_file_writes_privately_and_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "safety plan.pdf"
    va.save_file(target, b"first")
    va.save_file(target, b"second, longer")
    assert target.read_bytes() == b"second, longer"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temp file left beside it


def test_storage_versions_name_sqlcipher_and_sqlite() -> None:
    found = dict(va.storage_versions())
    assert set(found) == {"SQLCipher", "SQLite"}
    assert found["SQLite"][0].isdigit() and found["SQLCipher"][0].isdigit()
