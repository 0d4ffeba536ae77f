"""The vault against real SQLCipher files: unlock, failures that change nothing, re-wrapping, recovery, backups."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from nacl.public import PrivateKey

from app.core.workspace import Workspace
from app.errors import (
    BackupError,
    DatabaseDamaged,
    DatabaseTruncated,
    KeyFileDamaged,
    MalformedRecoveryCode,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryCode,
)
from app.storage import keyfile, recovery
from app.storage.backup import restore_backup
from app.storage.engine import PAGE_SIZE
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE, snapshot_files

FLOOR = KdfParams.floor()
NEW_PASSPHRASE = "another long passphrase"


def _fill(unlocked, people: int = 40) -> list[str]:  # type: ignore[no-untyped-def]
    ws = Workspace(unlocked)
    ids = []
    for i in range(people):
        p = ws.records.create("person", {"preferred_name": f"Test Person {i:03d}", "aliases": [f"Alias{i}"]})
        ws.records.create(
            "note_entry", {"body": "x" * 300, "parent_type": "person", "parent_id": p.id}, person_id=p.id
        )
        ids.append(p.id)
    return ids


@pytest.fixture
def filled_vault(tmp_data_dir: Path) -> Vault:
    vault = Vault(tmp_data_dir)
    unlocked, _code = vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)
    _fill(unlocked, 120)
    unlocked.lock()
    return vault


# --- create, unlock, lock --------------------------------------------------------------------------------------


def test_create_then_unlock_and_lock(tmp_data_dir: Path) -> None:
    vault = Vault(tmp_data_dir)
    unlocked, code = vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)
    assert len(code.split("-")) == recovery.GROUPS
    ids = _fill(unlocked, 3)
    unlocked.lock()
    assert not unlocked.is_open
    with pytest.raises(VaultLocked):
        unlocked.session()
    assert not any(unlocked._dk), "locking zeroes the data key"

    again = vault.unlock(TEST_PASSPHRASE)
    ws = Workspace(again)
    assert {r.id for r in ws.people.search("")} == set(ids)
    again.lock()
    assert (tmp_data_dir / "vault.key").stat().st_mode & 0o777 == 0o600


def test_database_is_encrypted_and_useless_without_the_key(filled_vault: Vault) -> None:
    head = filled_vault.db_path.read_bytes()[:16]
    assert not head.startswith(b"SQLite format 3")
    import sqlcipher3

    conn = sqlcipher3.connect(str(filled_vault.db_path))
    conn.execute("PRAGMA key = 'a long test passphrase'")  # the passphrase is not the key
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_create_refuses_an_existing_vault_and_weak_passphrases(tmp_data_dir: Path) -> None:
    with pytest.raises(WeakPassphrase):
        Vault(tmp_data_dir).create("short", kdf_params=FLOOR)
    assert not any(tmp_data_dir.iterdir()), "a refused create leaves nothing behind"
    unlocked, _ = Vault(tmp_data_dir).create(TEST_PASSPHRASE, kdf_params=FLOOR)
    unlocked.lock()
    before = snapshot_files(tmp_data_dir)
    with pytest.raises(VaultExists):
        Vault(tmp_data_dir).create(TEST_PASSPHRASE, kdf_params=FLOOR)
    assert snapshot_files(tmp_data_dir) == before


def test_unlock_an_empty_folder_says_there_is_no_vault(tmp_data_dir: Path) -> None:
    with pytest.raises(VaultNotFound) as err:
        Vault(tmp_data_dir).unlock(TEST_PASSPHRASE)
    assert "no Offramp vault" in err.value.message


def test_kdf_never_goes_below_the_floor() -> None:
    with pytest.raises(ValueError):
        KdfParams(2, 64 * 1024)
    with pytest.raises(ValueError):
        KdfParams(3, 32 * 1024)
    assert KdfParams.floor() == KdfParams(3, 64 * 1024, 1)


def test_the_same_passphrase_typed_in_another_unicode_form_opens(tmp_data_dir: Path) -> None:
    composed = "café con leche por favor"  # é as one code point
    decomposed = "cafe\u0301 con leche por favor"
    unlocked, _ = Vault(tmp_data_dir).create(composed, kdf_params=FLOOR)
    unlocked.lock()
    Vault(tmp_data_dir).unlock(decomposed).lock()


def test_one_process_per_vault(filled_vault: Vault) -> None:
    first = filled_vault.unlock(TEST_PASSPHRASE)
    with pytest.raises(VaultInUse) as err:
        filled_vault.unlock(TEST_PASSPHRASE)
    assert "already open" in err.value.message
    first.lock()
    filled_vault.unlock(TEST_PASSPHRASE).lock()


# --- four failures, four messages, nothing changed ------------------------------------------------------------


def _damage_key_file(vault: Vault) -> None:
    body = json.loads(vault.key_path.read_text())
    ct = bytearray(keyfile._unb64(body["pass_wrap"]["ct"]))
    ct[3] ^= 0x40
    body["pass_wrap"]["ct"] = keyfile._b64(bytes(ct))
    vault.key_path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n")


def _truncate(vault: Vault) -> None:
    size = vault.db_path.stat().st_size
    with open(vault.db_path, "r+b") as fh:
        fh.truncate(size // 2 + 100)


def _truncate_on_page_boundary(vault: Vault) -> None:
    pages = vault.db_path.stat().st_size // PAGE_SIZE
    with open(vault.db_path, "r+b") as fh:
        fh.truncate((pages // 2) * PAGE_SIZE)


def _flip_byte_in_a_middle_page(vault: Vault) -> None:
    pages = vault.db_path.stat().st_size // PAGE_SIZE
    offset = (pages // 2) * PAGE_SIZE + 1000
    with open(vault.db_path, "r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0x01]))


def _flip_byte_in_the_person_table(vault: Vault) -> None:
    """Damage the first page of the person table's tree: any read of the people reads it, but the unlock's cheap
    checks (page one, the schema) do not. (A page "in the middle" may be an empty index's, which no scan reads.)"""
    from sqlalchemy import text

    unlocked = vault.unlock(TEST_PASSPHRASE)
    with unlocked.session() as s:
        root = int(s.execute(text("SELECT rootpage FROM sqlite_master WHERE name = 'person'")).scalar_one())
    unlocked.lock()
    offset = (root - 1) * PAGE_SIZE + 1000
    with open(vault.db_path, "r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0x01]))


def _flip_byte_in_page_one(vault: Vault) -> None:
    with open(vault.db_path, "r+b") as fh:
        fh.seek(200)
        byte = fh.read(1)
        fh.seek(200)
        fh.write(bytes([byte[0] ^ 0x01]))


def _unlock_message(vault: Vault, passphrase: str, *, full_check: bool) -> tuple[type, str]:
    with pytest.raises(Exception) as err:
        vault.unlock(passphrase, full_check=full_check)
    return type(err.value), err.value.message  # type: ignore[attr-defined]


@pytest.mark.parametrize("full_check", [False, True], ids=["quick-unlock", "full-check"])
def test_four_failures_give_four_distinct_messages_and_change_nothing(
    tmp_path: Path, full_check: bool
) -> None:
    def fresh(name: str) -> Vault:
        vault = Vault(tmp_path / name)
        unlocked, _ = vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)
        _fill(unlocked, 150)
        unlocked.lock()
        return vault

    results: dict[str, tuple[type, str]] = {}
    cases = {
        "wrong passphrase": (lambda v: None, "not the passphrase at all"),
        "damaged key file": (_damage_key_file, TEST_PASSPHRASE),
        "truncated database": (_truncate, TEST_PASSPHRASE),
        "flipped byte": (_flip_byte_in_a_middle_page if full_check else _flip_byte_in_page_one, TEST_PASSPHRASE),
    }
    for name, (damage, passphrase) in cases.items():
        vault = fresh(name.replace(" ", "-"))
        damage(vault)
        before = snapshot_files(vault.data_dir)
        results[name] = _unlock_message(vault, passphrase, full_check=full_check)
        assert snapshot_files(vault.data_dir) == before, f"{name}: the files changed"

    assert results["wrong passphrase"][0] is WrongPassphrase
    assert results["damaged key file"][0] is KeyFileDamaged
    assert results["truncated database"][0] is DatabaseTruncated
    assert results["flipped byte"][0] is DatabaseDamaged
    messages = [message for _cls, message in results.values()]
    assert len(set(messages)) == 4, messages
    for message in messages:
        assert message.endswith(".") and "\n" not in message and "Traceback" not in message
        assert "Nothing was changed" in message or "passphrase does not open" in message


def test_truncation_on_a_page_boundary_is_still_truncation(filled_vault: Vault) -> None:
    _truncate_on_page_boundary(filled_vault)
    before = snapshot_files(filled_vault.data_dir)
    for full_check in (False, True):
        with pytest.raises(DatabaseTruncated):
            filled_vault.unlock(TEST_PASSPHRASE, full_check=full_check)
    assert snapshot_files(filled_vault.data_dir) == before


def test_full_check_names_how_many_parts_are_damaged(filled_vault: Vault) -> None:
    _flip_byte_in_a_middle_page(filled_vault)
    health = filled_vault.check(TEST_PASSPHRASE)
    assert len(health.damaged_pages) == 1
    with pytest.raises(DatabaseDamaged) as err:
        health.raise_if_bad()
    assert "1 damaged part found" in err.value.message


def test_damage_met_after_a_quick_unlock_is_a_human_error(filled_vault: Vault) -> None:
    _flip_byte_in_the_person_table(filled_vault)
    unlocked = filled_vault.unlock(TEST_PASSPHRASE)  # the cheap checks cannot see that page
    from sqlalchemy import text

    from app.models import Base

    with pytest.raises(DatabaseDamaged) as err, unlocked.session() as s:
        for table in [*Base.metadata.tables, "person_fts"]:
            s.execute(text(f"SELECT * FROM {table}")).all()  # noqa: S608 - our own table names
    assert "Restore the vault from its latest backup" in err.value.message
    unlocked.lock()


def test_unreadable_key_file(filled_vault: Vault) -> None:
    filled_vault.key_path.write_bytes(b"\x00garbage\xff")
    with pytest.raises(KeyFileDamaged) as err:
        filled_vault.unlock(TEST_PASSPHRASE)
    assert "cannot be read at all" in err.value.message


def test_a_wrap_moved_to_another_vault_does_not_open_it(tmp_path: Path) -> None:
    a, b = Vault(tmp_path / "a"), Vault(tmp_path / "b")
    for v in (a, b):
        v.create(TEST_PASSPHRASE, kdf_params=FLOOR)[0].lock()
    kf_a, kf_b = keyfile.load(a.key_path), keyfile.load(b.key_path)
    kf_b.pass_wrap = kf_a.pass_wrap  # checksums are recomputed on save: only the AEAD binding stops this
    kf_b.save(b.key_path)
    with pytest.raises(WrongPassphrase):
        b.unlock(TEST_PASSPHRASE)


# --- passphrase change and recovery ---------------------------------------------------------------------------


def _digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_passphrase_change_rewraps_only(filled_vault: Vault) -> None:
    unlocked = filled_vault.unlock(TEST_PASSPHRASE)
    unlocked.engine.dispose()  # checkpoint the WAL so the file on disk is settled before we compare
    db_before = _digest(filled_vault.db_path)
    key_before = filled_vault.key_path.read_bytes()

    with pytest.raises(WrongPassphrase):
        unlocked.change_passphrase("not the current one", NEW_PASSPHRASE, kdf_params=FLOOR)
    unlocked.change_passphrase(TEST_PASSPHRASE, NEW_PASSPHRASE, kdf_params=FLOOR)
    assert _digest(filled_vault.db_path) == db_before, "the database must not be rewritten"
    assert filled_vault.key_path.read_bytes() != key_before
    assert not filled_vault.previous_key_path.exists(), "the previous generation goes once the new one opened"
    unlocked.lock()

    with pytest.raises(WrongPassphrase):
        filled_vault.unlock(TEST_PASSPHRASE)
    again = filled_vault.unlock(NEW_PASSPHRASE)
    assert Workspace(again).people.count() == 120
    again.lock()


def test_recovery_code_opens_and_sets_a_new_passphrase(tmp_data_dir: Path) -> None:
    vault = Vault(tmp_data_dir)
    unlocked, code = vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)
    _fill(unlocked, 5)
    unlocked.lock()

    with pytest.raises(WrongRecoveryCode):
        vault.recover(recovery.generate()[0], NEW_PASSPHRASE, kdf_params=FLOOR)
    typo = code[:6] + ("0" if code[6] != "0" else "1") + code[7:]
    with pytest.raises(MalformedRecoveryCode) as err:
        vault.recover(typo, NEW_PASSPHRASE, kdf_params=FLOOR)
    assert "Group 2" in err.value.message

    # Typed loosely: lower case, spaces instead of dashes.
    recovered = vault.recover(code.lower().replace("-", " "), NEW_PASSPHRASE, kdf_params=FLOOR)
    assert Workspace(recovered).people.count() == 5
    recovered.lock()
    with pytest.raises(WrongPassphrase):
        vault.unlock(TEST_PASSPHRASE)
    vault.unlock(NEW_PASSPHRASE).lock()


def test_recovery_code_still_works_when_only_the_passphrase_wrap_is_damaged(tmp_data_dir: Path) -> None:
    vault = Vault(tmp_data_dir)
    unlocked, code = vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)
    unlocked.lock()
    _damage_key_file(vault)
    with pytest.raises(KeyFileDamaged) as err:
        vault.unlock(TEST_PASSPHRASE)
    assert "recovery code" in err.value.message
    vault.recover(code, NEW_PASSPHRASE, kdf_params=FLOOR).lock()
    vault.unlock(NEW_PASSPHRASE).lock()


def test_new_recovery_code_replaces_the_old_one(new_vault) -> None:  # type: ignore[no-untyped-def]
    unlocked, old_code = new_vault
    new_code = unlocked.new_recovery_code()
    unlocked.lock()
    vault = unlocked.vault
    with pytest.raises(WrongRecoveryCode):
        vault.recover(old_code, NEW_PASSPHRASE, kdf_params=FLOOR)
    vault.recover(new_code, NEW_PASSPHRASE, kdf_params=FLOOR).lock()


def test_office_recovery_key_opens_an_enrolled_vault(new_vault) -> None:  # type: ignore[no-untyped-def]
    unlocked, code = new_vault
    office = PrivateKey.generate()
    unlocked.set_office_recovery(bytes(office.public_key))
    assert unlocked.recovery_kind == "office"
    unlocked.lock()
    vault = unlocked.vault
    with pytest.raises(WrongRecoveryCode):
        vault.recover(code, NEW_PASSPHRASE, kdf_params=FLOOR)
    with pytest.raises(WrongRecoveryCode):
        vault.recover_with_office_key(bytes(PrivateKey.generate()), NEW_PASSPHRASE, kdf_params=FLOOR)
    vault.recover_with_office_key(bytes(office), NEW_PASSPHRASE, kdf_params=FLOOR).lock()
    vault.unlock(NEW_PASSPHRASE).lock()


# --- backups ---------------------------------------------------------------------------------------------------


def test_backup_restores_with_the_same_passphrase_and_keeps_the_replaced_vault(
    filled_vault: Vault, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    unlocked = filled_vault.unlock(TEST_PASSPHRASE)
    archive = unlocked.backup(usb)
    assert archive.parent == usb and archive.suffix == ".offramp-backup"
    assert os.stat(archive).st_mode & 0o777 == 0o600
    assert [p.name for p in usb.iterdir()] == [archive.name], "no temporary files left beside the backup"
    Workspace(unlocked).records.create("person", {"preferred_name": "Added After Backup"})
    unlocked.lock()

    before = snapshot_files(filled_vault.data_dir)
    with pytest.raises(WrongPassphrase):
        restore_backup(archive, filled_vault.data_dir, passphrase="not the passphrase")
    assert snapshot_files(filled_vault.data_dir) == before

    moved = restore_backup(archive, filled_vault.data_dir, passphrase=TEST_PASSPHRASE)
    assert moved is not None and (moved / "vault.db").exists() and (moved / "vault.key").exists()
    restored = filled_vault.unlock(TEST_PASSPHRASE, full_check=True)
    ws = Workspace(restored)
    assert ws.people.count() == 120
    assert ws.people.search("Added After Backup") == []
    restored.lock()


def test_restore_into_an_empty_folder_with_the_recovery_code(tmp_path: Path) -> None:
    vault = Vault(tmp_path / "a")
    unlocked, code = vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)
    _fill(unlocked, 4)
    archive = unlocked.backup(tmp_path)
    unlocked.lock()
    target = tmp_path / "new-laptop"
    assert restore_backup(archive, target, recovery_code=code) is None
    again = Vault(target).unlock(TEST_PASSPHRASE)
    assert Workspace(again).people.count() == 4
    again.lock()


def test_a_file_that_is_not_a_backup_is_refused(tmp_data_dir: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "holiday.offramp-backup"
    bogus.write_bytes(b"not a tar file at all")
    with pytest.raises(BackupError) as err:
        restore_backup(bogus, tmp_data_dir, passphrase=TEST_PASSPHRASE)
    assert "not an Offramp backup" in err.value.message
    assert not any(tmp_data_dir.iterdir())


def test_restore_refuses_while_the_vault_is_open(filled_vault: Vault, tmp_path: Path) -> None:
    unlocked = filled_vault.unlock(TEST_PASSPHRASE)
    archive = unlocked.backup(tmp_path)
    with pytest.raises(VaultInUse):
        restore_backup(archive, filled_vault.data_dir, passphrase=TEST_PASSPHRASE)
    unlocked.lock()


def test_calibration_never_goes_below_the_floor_and_aims_for_the_target() -> None:
    from app.storage.kdf import calibrate, derive

    easy = calibrate(target=(0.0, 0.1))
    assert easy == KdfParams.floor(), "a machine that meets the target at the floor stays at the floor"
    import time

    harder = calibrate(target=(0.4, 0.8))
    assert harder.time_cost >= 3 and harder.memory_kib >= 64 * 1024
    start = time.perf_counter()
    derive(b"x", b"0" * 16, harder)
    assert time.perf_counter() - start >= 0.2, "calibrated parameters cost real work"


def test_a_pending_wal_is_not_mistaken_for_truncation(filled_vault: Vault) -> None:
    """After a crash the newest pages live in the WAL: the page count exceeds the main file, legitimately."""
    import shutil

    unlocked = filled_vault.unlock(TEST_PASSPHRASE)
    conn = unlocked.engine.raw_connection()
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    Workspace(unlocked).records.create("person", {"preferred_name": "Written Before The Crash"})
    ws = Workspace(unlocked)
    for i in range(60):
        ws.records.create("person", {"preferred_name": f"Crash Person {i}", "contact_notes": "y" * 2000})
    crash = filled_vault.data_dir.parent / "crash-copy"
    crash.mkdir()
    for name in ("vault.db", "vault.db-wal", "vault.key"):
        shutil.copy2(filled_vault.data_dir / name, crash / name)
    conn.close()
    unlocked.lock()
    assert (crash / "vault.db-wal").stat().st_size > 0
    recovered = Vault(crash).unlock(TEST_PASSPHRASE)
    assert Workspace(recovered).people.count("Written Before") == 1
    recovered.lock()


def test_a_create_that_fails_half_way_leaves_nothing_behind(tmp_data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.storage import migrate

    def broken(engine, target="head"):  # type: ignore[no-untyped-def]
        raise OSError("disk full, simulated")

    monkeypatch.setattr(migrate, "upgrade", broken)
    with pytest.raises(OSError):
        Vault(tmp_data_dir).create(TEST_PASSPHRASE, kdf_params=FLOOR)
    monkeypatch.undo()
    assert not Vault(tmp_data_dir).exists()
    Vault(tmp_data_dir).create(TEST_PASSPHRASE, kdf_params=FLOOR)[0].lock()  # trying again works
