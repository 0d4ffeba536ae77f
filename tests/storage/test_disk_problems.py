"""A full disk and a read-only folder each get one human sentence, never endless recursion or "an unexpected
problem" (issue 16, item 9). Real SQLCipher vaults on a real, tiny tmpfs (filled up, or remounted read-only)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.errors import DISK_FULL, READ_ONLY, StorageFull, StorageReadOnly, storage_problem
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.storage.disks import fill, read_only, small_disk

FLOOR = KdfParams.floor()


def _vault_with_unfinished_wal(folder: Path) -> Vault:
    """A vault whose last session ended without a checkpoint (its -wal still holds commits), as after a crash."""
    Vault(folder).create(TEST_PASSPHRASE, kdf_params=FLOOR)[0].lock()
    script = (
        "import os\n"
        "from app.storage.vault import Vault\n"
        "from app.core.workspace import Workspace\n"
        f"u = Vault({str(folder)!r}).unlock({TEST_PASSPHRASE!r})\n"
        "ws = Workspace(u)\n"
        "for i in range(20): ws.records.create('person', {'preferred_name': f'Test Person {i}'})\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    return Vault(folder)


def test_unlock_on_a_full_disk_says_so_instead_of_recursing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        vault = _vault_with_unfinished_wal(disk / "vault")
        (vault.data_dir / "vault.db-shm").unlink()  # SQLite must make it again, and there is no room for it
        filler = fill(disk)
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(300)  # the old check went round in circles until Python stopped it
        try:
            with pytest.raises(StorageFull) as full:
                vault.unlock(TEST_PASSPHRASE)
        finally:
            sys.setrecursionlimit(limit)
        assert full.value.message == DISK_FULL
        filler.unlink()
        unlocked = vault.unlock(TEST_PASSPHRASE)  # nothing was lost
        assert Workspace(unlocked).people.count() == 20
        unlocked.lock()


def test_saving_on_a_full_disk_says_the_disk_is_full(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        vault = Vault(disk / "vault")
        unlocked, _ = vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)
        ws = Workspace(unlocked)
        person = ws.records.create("person", {"preferred_name": "Test Person One"})
        filler = fill(disk)
        with pytest.raises(StorageFull) as full:
            for _ in range(500):  # until the write-ahead log needs a page it cannot have
                ws.records.create(
                    "note_entry",
                    {"body": os.urandom(3000).hex(), "parent_type": "person", "parent_id": person.id},
                    person_id=person.id,
                )
        assert "disk is full" in full.value.message
        filler.unlink()
        ws.records.create("person", {"preferred_name": "Test Person After"})
        unlocked.lock()


def test_a_read_only_data_folder_is_named_not_unexpected(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        vault = Vault(disk / "vault")
        vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)[0].lock()
        (tmp_path / "pass.txt").write_text(TEST_PASSPHRASE + "\n")
        with read_only(disk):
            with pytest.raises(StorageReadOnly) as refused:
                vault.unlock(TEST_PASSPHRASE)
            assert refused.value.message == READ_ONLY
            run = subprocess.run(
                [sys.executable, "-m", "app.cli", "vault", "unlock-check", "--data-dir", str(vault.data_dir),
                 "--passphrase-file", str(tmp_path / "pass.txt")],
                capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
            )  # fmt: skip
            assert run.returncode == 1
            assert READ_ONLY in run.stderr and "unexpected" not in run.stderr
        vault.unlock(TEST_PASSPHRASE).lock()


def test_os_errors_map_to_one_sentence_each() -> None:
    import errno

    assert isinstance(storage_problem(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))), StorageFull)
    assert isinstance(storage_problem(OSError(errno.EROFS, os.strerror(errno.EROFS))), StorageReadOnly)
    assert storage_problem(OSError(errno.ENOENT, "gone")) is None
    wrapped = RuntimeError("outer")
    wrapped.__cause__ = OSError(errno.ENOSPC, "full")
    assert isinstance(storage_problem(wrapped), StorageFull)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes through folder permissions")
def test_a_folder_without_write_permission_is_named_not_unexpected(tmp_path: Path) -> None:
    """Where no file system can be remounted (not root), the same sentence for a folder made read-only by chmod."""
    vault = Vault(tmp_path / "vault")
    vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)[0].lock()
    (vault.data_dir / "vault.lock").unlink()
    os.chmod(vault.data_dir, 0o500)
    try:
        with pytest.raises((StorageReadOnly, StorageFull)) as refused:
            vault.unlock(TEST_PASSPHRASE)
        assert "unexpected" not in refused.value.message
    finally:
        os.chmod(vault.data_dir, 0o700)


def test_a_half_done_change_on_a_read_only_disk_waits_and_says_why(tmp_path: Path) -> None:
    from app.core import vault_access as va

    with small_disk(tmp_path / "disk") as disk:
        vault = Vault(disk / "vault")
        vault.create(TEST_PASSPHRASE, kdf_params=FLOOR)[0].lock()
        os.replace(vault.key_path, vault.previous_key_path)  # a passphrase change killed between its renames
        with read_only(disk):
            assert va.finish_interrupted(Vault(vault.data_dir)) == [READ_ONLY]  # no crash at the window's start
        assert va.finish_interrupted(Vault(vault.data_dir))  # writable again: put back, and said
        vault.unlock(TEST_PASSPHRASE).lock()
