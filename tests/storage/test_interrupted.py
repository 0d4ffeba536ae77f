"""Every way out of a half-done change (issue 16, item 7): a process killed at each rename of a passphrase change
or a restore, in a real subprocess on a real vault, and the next start finishing or undoing it and saying so."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.errors import WrongPassphrase
from app.storage import repair
from app.storage.atomic import CRASH_AT_ENV, CRASH_EXIT_STATUS
from app.storage.backup import RESTORE_JOURNAL, current_vault_files
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE

FLOOR = KdfParams.floor()
NEW_PASSPHRASE = "violet harbor stamps quietly at dawn"

PASSPHRASE_STEPS = [
    "write:vault.key.prev",  # the copy of the current key file, before its rename
    "keyfile:previous-kept",
    "write:vault.key",  # the new key file, written and synced, before its rename
    "keyfile:new-in-place",
    "keyfile:previous-removed",
]


def offramp(data_dir: Path, *args: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop(CRASH_AT_ENV, None)
    if crash_at:
        env[CRASH_AT_ENV] = crash_at
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def _people(vault: Vault, passphrase: str) -> int:
    unlocked = vault.unlock(passphrase)
    try:
        return Workspace(unlocked).people.count()
    finally:
        unlocked.lock()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A vault with two fictional people, its passphrase files, and a backup taken when it had one person."""
    root = tmp_path_factory.mktemp("interrupted")
    data = root / "vault"
    unlocked, _code = Vault(data).create(TEST_PASSPHRASE, kdf_params=FLOOR)
    ws = Workspace(unlocked)
    ws.records.create("person", {"preferred_name": "Test Person One"})
    backups = root / "backups"
    backups.mkdir()
    unlocked.backup(backups)
    ws.records.create("person", {"preferred_name": "Test Person Two"})
    unlocked.lock()
    (root / "old.txt").write_text(TEST_PASSPHRASE + "\n")
    (root / "new.txt").write_text(NEW_PASSPHRASE + "\n")
    return root


def _copy(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(template / "vault", target)
    return target


def _backup_file(template: Path) -> Path:
    return next((template / "backups").iterdir())


@pytest.mark.parametrize("step", PASSPHRASE_STEPS)
def test_a_passphrase_change_killed_at_any_rename_is_finished_or_undone(
    template: Path, tmp_path: Path, step: str
) -> None:
    data = _copy(template, tmp_path)
    run = offramp(
        data, "vault", "change-passphrase", "--fast-kdf",
        "--passphrase-file", str(template / "old.txt"), "--new-passphrase-file", str(template / "new.txt"),
        crash_at=step,
    )
    assert run.returncode == CRASH_EXIT_STATUS, run.stderr

    vault = Vault(data)
    vault.finish_interrupted()
    assert vault.key_path.exists()
    assert not [p for p in data.iterdir() if p.name.endswith(".tmp")]
    new_is_in = PASSPHRASE_STEPS.index(step) >= PASSPHRASE_STEPS.index("keyfile:new-in-place")
    if new_is_in:
        if step == "keyfile:new-in-place":
            # The person never heard "changed": the passphrase from before still opens it, and says why.
            assert _people(vault, TEST_PASSPHRASE) == 2
            assert vault.take_notices() == [repair.CHANGE_ROLLED_BACK]
            assert not vault.previous_key_path.exists()
            assert _people(vault, TEST_PASSPHRASE) == 2
        else:
            assert _people(vault, NEW_PASSPHRASE) == 2
            with pytest.raises(WrongPassphrase):
                vault.unlock(TEST_PASSPHRASE)
    else:
        assert _people(vault, TEST_PASSPHRASE) == 2
        with pytest.raises(WrongPassphrase):
            vault.unlock(NEW_PASSPHRASE)


def test_the_old_half_state_no_key_file_only_the_previous_one_is_put_back(template: Path, tmp_path: Path) -> None:
    """What the earlier code left when killed between its renames: ``vault.key.prev`` and a hidden temp file."""
    data = _copy(template, tmp_path)
    vault = Vault(data)
    os.replace(vault.key_path, vault.previous_key_path)
    (data / ".vault.key.4242.deadbeef.tmp").write_bytes(b'{"format": "offramp-vault-key", "ver')
    assert not vault.exists() or not vault.key_path.exists()

    assert vault.finish_interrupted() == [repair.CHANGE_UNDONE]
    assert vault.key_path.exists() and not vault.previous_key_path.exists()
    assert not (data / ".vault.key.4242.deadbeef.tmp").exists()
    assert _people(vault, TEST_PASSPHRASE) == 2
    assert Vault(data).finish_interrupted() == []  # nothing left to do, nothing touched


def _restore_steps(template: Path) -> list[str]:
    present = current_vault_files(template / "vault")
    return [
        f"write:{RESTORE_JOURNAL}",
        "restore:journal-written",
        *(f"restore:aside:{name}" for name in present),
        "restore:key-in-place",
        "restore:database-in-place",
    ]


def test_a_restore_killed_at_any_rename_is_finished_or_undone(template: Path, tmp_path: Path) -> None:
    for i, step in enumerate(_restore_steps(template)):
        data = _copy(template, tmp_path / str(i))
        run = offramp(
            data, "vault", "restore", str(_backup_file(template)),
            "--passphrase-file", str(template / "old.txt"), crash_at=step,
        )
        assert run.returncode == CRASH_EXIT_STATUS, (step, run.stderr)

        vault = Vault(data)
        said = vault.finish_interrupted()
        assert vault.exists(), step  # never the first-run wizard over a vault moved aside
        assert not (data / RESTORE_JOURNAL).exists()
        assert not [p for p in data.iterdir() if p.name.endswith(".tmp")], step
        people = _people(vault, TEST_PASSPHRASE)
        if step.startswith("write:"):
            assert said == [] and people == 2, step  # the journal never landed: nothing had moved
        elif said == [repair.RESTORE_UNDONE]:
            assert people == 2, step
        else:
            assert len(said) == 1 and said[0].startswith("A restore from a backup was interrupted; Offramp has now")
            assert people == 1, step  # the backup's vault
            aside = [p for p in data.iterdir() if p.name.startswith("replaced-by-restore-")]
            assert len(aside) == 1 and (aside[0] / "vault.key").exists() and (aside[0] / "vault.db").exists()
            assert _people(Vault(aside[0]), TEST_PASSPHRASE) == 2, step
        # Every step with the journal written and both staged files still there is finished, not undone.
        if not step.startswith("write:"):
            assert said != [repair.RESTORE_UNDONE], step


def test_a_restore_whose_staged_file_vanished_puts_the_old_vault_back(template: Path, tmp_path: Path) -> None:
    data = _copy(template, tmp_path)
    run = offramp(
        data, "vault", "restore", str(_backup_file(template)),
        "--passphrase-file", str(template / "old.txt"), crash_at="restore:key-in-place",
    )
    assert run.returncode == CRASH_EXIT_STATUS
    for staged in data.glob(".vault.db.*.tmp"):
        staged.unlink()
    vault = Vault(data)
    assert vault.finish_interrupted() == [repair.RESTORE_UNDONE]
    assert _people(vault, TEST_PASSPHRASE) == 2
    assert not [p for p in data.iterdir() if p.name.startswith("replaced-by-restore-")]


def test_the_command_says_what_the_next_start_did(template: Path, tmp_path: Path) -> None:
    data = _copy(template, tmp_path)
    vault = Vault(data)
    os.replace(vault.key_path, vault.previous_key_path)
    run = offramp(data, "vault", "unlock-check", "--quick", "--passphrase-file", str(template / "old.txt"))
    assert run.returncode == 0, run.stderr
    assert repair.CHANGE_UNDONE in run.stdout


@pytest.mark.parametrize("step", ["keyfile:previous-kept", "keyfile:new-in-place"])
def test_a_new_recovery_code_killed_midway_keeps_the_old_code_working(
    template: Path, tmp_path: Path, step: str
) -> None:
    """The new code is shown only after the key file is replaced: killed before that, the person never saw it, so
    the code they hold must still work after the next unlock."""
    data = _copy(template, tmp_path)
    vault = Vault(data)
    unlocked = vault.unlock(TEST_PASSPHRASE)
    old_code = unlocked.new_recovery_code()  # the code the person wrote down
    unlocked.lock()
    script = (
        "from app.storage.vault import Vault\n"
        f"u = Vault({str(data)!r}).unlock({TEST_PASSPHRASE!r})\n"
        "print(u.new_recovery_code())\n"
    )
    env = {**os.environ, CRASH_AT_ENV: step}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == CRASH_EXIT_STATUS, run.stderr
    assert run.stdout == ""  # the new code was never shown

    vault = Vault(data)
    vault.finish_interrupted()
    assert _people(vault, TEST_PASSPHRASE) == 2
    if step == "keyfile:new-in-place":
        assert vault.take_notices() == [repair.KEY_CHANGE_UNDONE]
    assert not vault.previous_key_path.exists()
    unlocked = vault.recover(old_code, NEW_PASSPHRASE, kdf_params=FLOOR)
    unlocked.lock()
