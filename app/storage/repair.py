"""Ways out of a half-done change: what a crash, a power cut or a killed command left in the vault folder.

Two changes of the folder take more than one rename: changing the passphrase (a copy of the key file is kept as
``vault.key.prev`` while the new one goes in) and restoring a backup (the current vault moves aside, the backup's
files move in, with ``restore-in-progress.json`` written first). :func:`finish_interrupted` runs before anything
else looks at the folder (the window's start, every ``offramp vault`` command): it finds such a state, finishes the
change when everything it needs is there, otherwise puts the folder back as it was, and says what it did in one
sentence each. A passphrase change that did finish on disk but not in the person's mind is met at unlock instead
(:func:`roll_back_passphrase_change`): the passphrase from before it still opens the vault and the change is undone.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.i18n import N_, _
from app.errors import KeyFileDamaged, WrongPassphrase
from app.storage import keyfile
from app.storage.atomic import atomic_copy, fsync_dir
from app.storage.lock import InstanceLock

if TYPE_CHECKING:
    from app.storage.vault import Vault

CHANGE_UNDONE = N_(
    "A passphrase change was interrupted before it finished, so Offramp put the vault back as it was. "
    "Open it with the passphrase you used before the change."
)
CHANGE_ROLLED_BACK = N_(
    "A passphrase change was interrupted before it finished, so your previous passphrase opened the vault and "
    "still does. Choose a new one again whenever you like."
)
KEY_CHANGE_UNDONE = N_(
    "A change to the vault's key file (a new recovery code, or today's PIN) was interrupted before it finished, so "
    "Offramp put it back as it was: the recovery code you had before still works."
)
RESTORE_FINISHED = N_(
    "A restore from a backup was interrupted; Offramp has now finished it. "
    "The vault it replaced is kept in the folder {aside}."
)
RESTORE_FINISHED_INTO_EMPTY = N_("A restore from a backup was interrupted; Offramp has now finished it.")
RESTORE_UNDONE = N_(
    "A restore from a backup was interrupted before it could finish, so Offramp put the vault back as it was. "
    "You can restore the backup again."
)


def finish_interrupted(vault: Vault) -> list[str]:
    """Finish or undo whatever a crash left half done in ``vault``'s folder; one sentence per thing done.

    Takes the vault's instance lock for the time it works, so nothing is moved under a running Offramp
    (VaultInUse then). A folder with nothing half done is not touched at all.
    """
    data_dir = vault.data_dir
    if not data_dir.is_dir() or not _anything_half_done(vault):
        return []
    done: list[str] = []
    with InstanceLock(vault.lock_path):
        journal = _read_journal(data_dir)
        if journal is not None:
            done.append(resolve_restore(data_dir, journal, forward=True))
        if not vault.key_path.exists() and vault.previous_key_path.exists():
            # Left by a passphrase change that moved the key file away before writing the new one.
            os.replace(vault.previous_key_path, vault.key_path)
            fsync_dir(data_dir)
            done.append(_(CHANGE_UNDONE))
        _remove_temp_files(data_dir)
    vault.notices.extend(done)
    return done


def _anything_half_done(vault: Vault) -> bool:
    from app.storage.backup import RESTORE_JOURNAL

    data_dir = vault.data_dir
    if (data_dir / RESTORE_JOURNAL).exists():
        return True
    if not vault.key_path.exists() and vault.previous_key_path.exists():
        return True
    return any(_temp_files(data_dir))


def _temp_files(data_dir: Path) -> list[Path]:
    """Temp files of our atomic writes (``.vault.key.<pid>.<random>.tmp``) left by a process that died mid-write."""
    from app.storage.backup import RESTORE_JOURNAL
    from app.storage.vault import DB_NAME, KEY_NAME

    prefixes = tuple(f".{name}." for name in (DB_NAME, KEY_NAME, f"{KEY_NAME}.prev", RESTORE_JOURNAL))
    return [p for p in data_dir.iterdir() if p.name.startswith(prefixes) and p.name.endswith(".tmp")]


def _remove_temp_files(data_dir: Path) -> None:
    for leftover in _temp_files(data_dir):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _read_journal(data_dir: Path) -> dict[str, Any] | None:
    from app.storage.backup import RESTORE_JOURNAL

    path = data_dir / RESTORE_JOURNAL
    try:
        journal = json.loads(path.read_text("ascii"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        journal = {}
    if not isinstance(journal, dict):
        journal = {}
    return journal


def resolve_restore(data_dir: Path, journal: dict[str, Any], *, forward: bool) -> str:
    """Finish (``forward``, when both staged files are still there or in place) or undo the restore ``journal``
    describes; removes the journal last and returns what was done, in a sentence."""
    from app.storage.backup import RESTORE_JOURNAL
    from app.storage.vault import DB_NAME, KEY_NAME

    present = [n for n in journal.get("present", []) if isinstance(n, str) and "/" not in n]
    aside_name = journal.get("aside")
    aside = data_dir / aside_name if isinstance(aside_name, str) and "/" not in aside_name else None
    staged = {
        KEY_NAME: data_dir / str(journal.get("staged_key", "")),
        DB_NAME: data_dir / str(journal.get("staged_db", "")),
    }

    def placed(name: str) -> bool:
        # In the folder and not the old one: the old one was there before, and is now aside (or never was).
        target = data_dir / name
        return target.exists() and (name not in present or (aside is not None and (aside / name).exists()))

    can_finish = bool(journal) and all(
        (staged[n].name and staged[n].is_file()) or placed(n) for n in (KEY_NAME, DB_NAME)
    )
    if forward and can_finish:
        if aside is not None:
            aside.mkdir(mode=0o700, exist_ok=True)
            for name in present:
                still_old = (data_dir / name).exists() and not (aside / name).exists()
                if name in staged and not staged[name].is_file():
                    still_old = False  # its new file is in place already
                if still_old:
                    os.replace(data_dir / name, aside / name)
            fsync_dir(aside)
        for name, path in staged.items():
            if path.is_file():
                os.replace(path, data_dir / name)
        message = _(RESTORE_FINISHED).format(aside=aside.name) if aside is not None else _(RESTORE_FINISHED_INTO_EMPTY)
    else:
        for name in (KEY_NAME, DB_NAME):
            if placed(name):
                (data_dir / name).unlink()  # the backup's copy: the backup file itself still has it
        if aside is not None and aside.is_dir():
            for item in aside.iterdir():
                if not (data_dir / item.name).exists():
                    os.replace(item, data_dir / item.name)
            with contextlib.suppress(OSError):
                aside.rmdir()
        for path in staged.values():
            if path.name:
                with contextlib.suppress(OSError):
                    path.unlink()
        message = _(RESTORE_UNDONE)
    fsync_dir(data_dir)
    with contextlib.suppress(FileNotFoundError):
        (data_dir / RESTORE_JOURNAL).unlink()
    fsync_dir(data_dir)
    return message


def roll_back_passphrase_change(vault: Vault, passphrase: str) -> tuple[keyfile.KeyFile, bytearray]:
    """At unlock, after ``passphrase`` failed the current key file: when the previous generation of this vault's key
    file is still there (a change that did not finish) and ``passphrase`` opens it, put it back and return it with
    the data key. Otherwise the WrongPassphrase stands."""
    prev = vault.previous_key_path
    wrong = WrongPassphrase(
        _("That passphrase does not open this vault. Check Caps Lock and the keyboard language, then try again.")
    )
    if not prev.exists():
        raise wrong
    try:
        current_header = keyfile.load(vault.key_path).header
        previous = keyfile.load(prev)
    except (KeyFileDamaged, OSError):
        raise wrong from None
    if previous.header.get("vault_id") != current_header.get("vault_id"):
        raise wrong
    dk = previous.open_with_passphrase(passphrase)  # WrongPassphrase when this is not it either
    try:
        with InstanceLock(vault.lock_path):
            atomic_copy(prev, vault.key_path)
            prev.unlink()
            fsync_dir(vault.data_dir)
    except BaseException:
        for i in range(len(dk)):
            dk[i] = 0
        raise
    vault.notices.append(_(CHANGE_ROLLED_BACK))
    return keyfile.load(vault.key_path), dk


def roll_back_unfinished_change(vault: Vault, current: keyfile.KeyFile, passphrase: str) -> keyfile.KeyFile:
    """At unlock, after ``passphrase`` opened the current key file while the previous generation is still there
    (a change that did not finish: a new recovery code never shown, a PIN never confirmed): when the same
    passphrase opens the previous generation of this vault too, put it back, so the recovery code the person holds
    keeps working. Returns the key file now in place."""
    prev = vault.previous_key_path
    try:
        if prev.read_bytes() == vault.key_path.read_bytes():
            return current  # stopped before the new file went in: nothing to undo (the copy goes at unlock)
        previous = keyfile.load(prev)
    except (KeyFileDamaged, OSError):
        return current
    if previous.header.get("vault_id") != current.header.get("vault_id"):
        return current
    try:
        dk = previous.open_with_passphrase(passphrase)
    except (WrongPassphrase, KeyFileDamaged):
        return current  # a passphrase change that did finish on disk: the new file stays
    for i in range(len(dk)):
        dk[i] = 0
    with InstanceLock(vault.lock_path):
        atomic_copy(prev, vault.key_path)
        prev.unlink()
        fsync_dir(vault.data_dir)
    vault.notices.append(_(KEY_CHANGE_UNDONE))
    return keyfile.load(vault.key_path)
