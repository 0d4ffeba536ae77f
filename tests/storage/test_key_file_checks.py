"""A damaged checksum is reported, not fatal; a damaged recovery wrap is named by ``vault check``; another vault's
backup is not restored without asking (issue 16, item 8). Real key files and SQLCipher vaults, the KDF at the floor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.errors import BackupOfAnotherVault, WrongPassphrase
from app.storage import keyfile
from app.storage.backup import other_vault_question, restore_backup
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE, snapshot_files

FLOOR = KdfParams.floor()
NEW_PASSPHRASE = "violet harbor stamps quietly at dawn"


@pytest.fixture
def made(tmp_path: Path) -> tuple[Vault, str]:
    vault = Vault(tmp_path / "data")
    unlocked, code = vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)
    Workspace(unlocked).records.create("person", {"preferred_name": "Test Person One"})
    unlocked.lock()
    (tmp_path / "pass.txt").write_text(TEST_PASSPHRASE + "\n")
    return vault, code


def flip_checksum_byte(vault: Vault, section: str, *, to: bytes | None = None) -> None:
    """One byte of ``section``'s checksum in the file changed (XOR 1, or set to ``to``), nothing else."""
    raw = bytearray(vault.key_path.read_bytes())
    digest = json.loads(raw)["checksums"][section]
    at = raw.index(digest.encode("ascii")) + 7
    raw[at] = to[0] if to else raw[at] ^ 0x01
    vault.key_path.write_bytes(bytes(raw))


def check(vault: Vault, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "vault", "check", "--data-dir", str(vault.data_dir),
         "--passphrase-file", str(tmp_path / "pass.txt")],
        capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.mark.parametrize("section", ["header", "pass_wrap", "recovery_wrap"])
def test_one_flipped_byte_in_a_checksum_still_opens_with_passphrase_and_code(made, section: str) -> None:
    vault, code = made
    flip_checksum_byte(vault, section)

    unlocked = vault.unlock(TEST_PASSPHRASE)
    assert Workspace(unlocked).people.count() == 1
    unlocked.lock()
    notices = vault.take_notices()
    assert notices, "the damaged checksum is said, not silently ignored"

    unlocked = vault.recover(code, NEW_PASSPHRASE, kdf_params=FLOOR)  # the code works too
    assert Workspace(unlocked).people.count() == 1
    unlocked.lock()


def test_a_checksum_byte_that_breaks_the_json_is_still_not_fatal(made) -> None:
    vault, code = made
    flip_checksum_byte(vault, "pass_wrap", to=b'"')
    with pytest.raises(ValueError):
        json.loads(vault.key_path.read_bytes())
    vault.unlock(TEST_PASSPHRASE).lock()
    vault.recover(code, NEW_PASSPHRASE, kdf_params=FLOOR).lock()


def test_a_wrong_passphrase_is_still_a_wrong_passphrase(made) -> None:
    vault, _code = made
    with pytest.raises(WrongPassphrase):
        vault.unlock("not the passphrase at all")


def test_vault_check_names_a_damaged_recovery_wrap(made, tmp_path: Path) -> None:
    vault, _code = made
    sound = check(vault, tmp_path)
    assert sound.returncode == 0 and "check out" in sound.stdout

    body = json.loads(vault.key_path.read_text())
    ct = bytearray(keyfile._unb64(body["recovery_wrap"]["ct"]))
    ct[5] ^= 0x20
    body["recovery_wrap"]["ct"] = keyfile._b64(bytes(ct))
    vault.key_path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n")

    damaged = check(vault, tmp_path)
    assert damaged.returncode == 1, damaged.stdout
    assert keyfile.RECOVERY_DAMAGED in damaged.stdout
    vault.unlock(TEST_PASSPHRASE).lock()  # the passphrase is unaffected, and the unlock says so too
    assert keyfile.RECOVERY_DAMAGED in vault.take_notices()


def test_another_vaults_backup_with_the_same_passphrase_is_not_restored_without_asking(
    made, tmp_path: Path
) -> None:
    vault, _code = made
    other = Vault(tmp_path / "other")
    unlocked, _ = other.create(TEST_PASSPHRASE, kdf_params=FLOOR)
    backups = tmp_path / "backups"
    backups.mkdir()
    archive = unlocked.backup(backups)
    unlocked.lock()
    created = json.loads(other.key_path.read_text())["header"]
    before = snapshot_files(vault.data_dir)

    question = other_vault_question(archive, vault.data_dir)
    assert question is not None and created["device_id"][:8] in question
    with pytest.raises(BackupOfAnotherVault) as refused:
        restore_backup(archive, vault.data_dir, passphrase=TEST_PASSPHRASE)
    assert created["device_id"][:8] in refused.value.message
    day = created["created_at"][:10]
    assert str(int(day[8:])) in refused.value.message  # the day it was created
    assert snapshot_files(vault.data_dir) == before

    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "vault", "restore", str(archive), "--data-dir", str(vault.data_dir),
         "--passphrase-file", str(tmp_path / "pass.txt")],
        capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 1 and "--yes" in run.stderr and "another vault" in run.stderr
    assert snapshot_files(vault.data_dir) == before

    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "vault", "restore", str(archive), "--yes", "--data-dir",
         str(vault.data_dir), "--passphrase-file", str(tmp_path / "pass.txt")],
        capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(vault.key_path.read_text())["header"]["vault_id"] == created["vault_id"]

    # Its own backup is restored without a question.
    assert other_vault_question(archive, vault.data_dir) is None
