"""The vault as the desktop app reaches it: the one door between the windows and the storage layer.

The UI never imports ``app.storage`` (an import-linter contract holds it to that); everything it does with the vault
goes through here, in the words of the job: open a folder, unlock it (with the passphrase or today's PIN), create a
vault with its recovery code, recover with that code, change the passphrase, back up and restore, set up or forget
quick unlock, save a file the person asked for, and name the storage libraries for the About box.

Each failure a person can cause arrives as a typed error with one human sentence (``app.errors``): a wrong
passphrase (:class:`~app.errors.WrongPassphrase`), a damaged key file (:class:`~app.errors.KeyFileDamaged`) and a
damaged database (:class:`~app.errors.DatabaseDamaged`) are three different errors, and none of them changes a
file. The PIN has its own three (:class:`WrongPin`, :class:`InvalidPin`, :class:`QuickUnlockUnavailable`).

This module is deliberately thin: it adds no behaviour of its own, so the storage tests still describe what happens.
The handles it gives out (:class:`Vault` for a folder, :class:`UnlockedVault` for an open vault) are the storage
layer's own classes, passed through; the UI holds them and hands them back, and what it may read from them
(``identity``, ``is_open``, ``lock()``) is named here too. Where the UI used to read raw key-file sections it gets
a small typed answer instead (:func:`recovery_code_can_help`, :class:`QuickUnlockState`).

Slow calls (everything that derives a key: unlock, create, recover, change passphrase, restore, PIN set-up) belong
on the task runner, never on the UI thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from app.core.i18n import N_, _
from app.errors import KeyFileDamaged
from app.storage import backup as _backup
from app.storage import keyfile as _keyfile
from app.storage import quick_unlock as _qu
from app.storage import recovery as _recovery
from app.storage.atomic import atomic_write_bytes as _atomic_write_bytes
from app.storage.kdf import KdfParams
from app.storage.quick_unlock import InvalidPin, QuickUnlockUnavailable, WrongPin
from app.storage.vault import Identity, UnlockedVault, Vault, check_new_passphrase

#: A PIN is this many digits, at least and at most (for the field's length and the hint beside it).
PIN_MIN_DIGITS = _qu.PIN_MIN_DIGITS
PIN_MAX_DIGITS = _qu.PIN_MAX_DIGITS
#: How many groups a printed recovery code has.
RECOVERY_CODE_GROUPS = _recovery.GROUPS
#: How a backup file's name ends (for the file picker and for finding backups in a folder).
BACKUP_SUFFIX = _backup.SUFFIX


class NewVault(NamedTuple):
    """What creating a vault gives: the vault, open, and its recovery code to show and print once."""

    unlocked: UnlockedVault
    recovery_code: str


# --- the folder and unlocking ------------------------------------------------------------------------------------


def open_folder(data_dir: Path | str) -> Vault:
    """The vault in ``data_dir`` (there may be none yet: see :func:`has_vault`). Reads nothing, holds no key."""
    return Vault(data_dir)


def has_vault(vault: Vault) -> bool:
    """True when the folder holds a vault (or what is left of one: a key file or a database alone)."""
    return vault.exists()


def finish_interrupted(vault: Vault) -> list[str]:
    """Finish or undo what a crash left half done in the folder (a restore, a passphrase change), before anything
    else looks at it; one sentence per thing done, to show on the unlock screen. Quick (renames only). Returns []
    when another Offramp has the vault open: it is not ours to touch then, and unlocking will say so."""
    from app.errors import OfframpError, StorageFull, StorageReadOnly, VaultInUse, storage_problem

    try:
        vault.finish_interrupted()
    except VaultInUse:
        return []
    except (OSError, StorageFull, StorageReadOnly) as exc:  # the half-done change waits; the window still opens
        problem = storage_problem(exc)
        return [problem.message if isinstance(problem, OfframpError) else _(_NOT_FINISHED)]
    return vault.take_notices()


_NOT_FINISHED = N_(
    "A change to the vault's files was interrupted and could not be finished or undone just now. "
    "Nothing was deleted; start Offramp again, and if this stays, ask your IT contact for help."
)


def take_notices(vault: Vault) -> list[str]:
    """What the last unlock finished or undone of an interrupted change (the previous passphrase opened the vault
    because a change of it never finished), said once."""
    return vault.take_notices()


def unlock(vault: Vault, passphrase: str) -> UnlockedVault:
    """Open the vault with the passphrase. Slow on purpose (Argon2id): call it on the task runner.

    Raises WrongPassphrase, KeyFileDamaged, DatabaseDamaged, VaultInUse or VaultNotFound, each with its sentence.
    """
    return vault.unlock(passphrase)


def unlock_with_pin(vault: Vault, pin: str, *, now: dt.datetime | None = None) -> UnlockedVault:
    """Open the vault with today's PIN. Raises :class:`WrongPin` (with ``tries_left``; at 0 the PIN is off),
    :class:`InvalidPin` (not a PIN at all, nothing counted), :class:`QuickUnlockUnavailable` (the passphrase is
    needed now), or anything :func:`unlock` can raise."""
    return _qu.unlock_with_pin(vault, pin, now)


def recovery_code_can_help(vault: Vault) -> bool:
    """True when the key file is readable and still holds a sound personal recovery-code wrap: then "Use my
    recovery code" is a way out worth offering. An enrolled vault (its key is with the office) answers False."""
    try:
        kf = _keyfile.load(vault.key_path)
    except (KeyFileDamaged, OSError):
        return False
    wrap = kf.recovery_wrap
    return isinstance(wrap, dict) and wrap.get("kind") == "code" and "recovery_wrap" not in kf.damaged


# --- creating, recovering, the passphrase ----------------------------------------------------------------------


def create_vault(vault: Vault, passphrase: str, *, kdf_params: KdfParams | None = None) -> NewVault:
    """Make a new personal vault in the folder. ``kdf_params`` None calibrates Argon2id to this computer (the
    product); tests pass ``KdfParams.floor()``. Raises VaultExists or WeakPassphrase and then writes nothing."""
    unlocked, code = vault.create(passphrase, kdf_params=kdf_params)
    return NewVault(unlocked, code)


def check_recovery_code(code: str) -> None:
    """Raise MalformedRecoveryCode naming the group to look at again, before any slow work; None when it reads."""
    _recovery.parse(code)


def recovery_code_group(code: str, index: int) -> str:
    """Group ``index`` (0-based) of a recovery code as printed, for "type back two groups"."""
    return _recovery.group_of(code, index)


def recover(
    vault: Vault, code: str, new_passphrase: str, *, kdf_params: KdfParams | None = None
) -> UnlockedVault:
    """Open the vault with the printed recovery code and set a new passphrase (the old one stops working).
    Raises MalformedRecoveryCode, WrongRecoveryCode, WeakPassphrase, KeyFileDamaged or DatabaseDamaged."""
    return vault.recover(code, new_passphrase, kdf_params=kdf_params)


def change_passphrase(
    unlocked: UnlockedVault, current: str, new: str, *, kdf_params: KdfParams | None = None
) -> None:
    """Choose a new passphrase. The current one is asked again, so an unattended screen cannot do it; today's PIN
    ends with it. Raises WrongPassphrase or WeakPassphrase and then changes nothing."""
    unlocked.change_passphrase(current, new, kdf_params=kdf_params)


def confirm_passphrase(unlocked: UnlockedVault, passphrase: str) -> None:
    """Raise WrongPassphrase unless ``passphrase`` opens this open vault's key file; changes nothing. For steps
    that must not start unless they can finish (enrolment seals the key again with it)."""
    unlocked.verify_passphrase(passphrase)


# --- backups ---------------------------------------------------------------------------------------------------


def back_up(unlocked: UnlockedVault, folder: Path | str) -> Path:
    """Write an encrypted backup of the open vault into ``folder``; returns the file. Opens with the same
    passphrase or recovery code. Raises BackupError when the folder is not there."""
    return unlocked.backup(folder)


def restore_backup(
    vault: Vault,
    archive: Path | str,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    replace_other_vault: bool = False,
) -> Path | None:
    """Put the backup ``archive`` in place of the vault, checked first with what the person typed; the vault is
    not opened (unlock or recover it next). Returns the folder the replaced files were moved to, None when the
    folder had no vault. Raises BackupError (BackupOfAnotherVault for another vault's backup, unless
    ``replace_other_vault``: ask first with :func:`other_vault_question`), WrongPassphrase, WrongRecoveryCode or
    VaultInUse, changing nothing."""
    return _backup.restore_backup(
        archive,
        vault.data_dir,
        passphrase=passphrase,
        recovery_code=recovery_code,
        replace_other_vault=replace_other_vault,
    )


def other_vault_question(vault: Vault, archive: Path | str) -> str | None:
    """When ``archive`` is another vault's backup, the question to ask before it replaces this one (when and on
    which computer each was created); None when it is this vault's. Quick, reads no secret; BackupError when the
    file is not a backup."""
    return _backup.other_vault_question(archive, vault.data_dir)


# --- quick unlock ------------------------------------------------------------------------------------------------

#: Reasons quick unlock is off that are worth saying in place of the usual "type your passphrase" line; the rest
#: ("not set up", a damaged key file the unlock itself will name) are not.
_WORTH_SAYING = frozenset({_qu.EXPIRED, _qu.TOO_MANY_TRIES, _qu.KEYRING_HALF_GONE, _qu.NO_KEYRING})


@dataclass(frozen=True)
class QuickUnlockState:
    """Whether today's PIN can be asked for now, and in plain words why (not)."""

    available: bool
    #: "Quick unlock is on until 18:00.", "The PIN stopped working at the end of the working day. …", …
    reason: str

    @property
    def worth_saying(self) -> bool:
        """True when the PIN is off for a reason the person should hear on the unlock screen (the day ended, three
        wrong tries, the keyring lost its half or there is no keyring)."""
        return not self.available and self.reason in {_(reason) for reason in _WORTH_SAYING}


#: What to assume when asking failed in some unforeseen way: the passphrase, said the usual way.
QUICK_UNLOCK_OFF = QuickUnlockState(False, _qu.NOT_SET_UP)


def quick_unlock_state(target: Vault | UnlockedVault, now: dt.datetime | None = None) -> QuickUnlockState:
    """Whether the PIN can be offered now. Tidies away a PIN that can never work again (the day ended)."""
    status = _qu.quick_unlock_status(target, now)
    return QuickUnlockState(status.available, status.reason)


def keyring_problem() -> str | None:
    """None when this computer has a working keyring for the PIN's secret, else why quick unlock is unavailable."""
    return _qu.keyring_problem()


def check_pin(pin: str) -> str:
    """The PIN as it will be used (surrounding spaces dropped), or :class:`InvalidPin` with what a PIN is."""
    return _qu.check_pin(pin)


def pin_day_end(now: dt.datetime | None, day_ends_at_hour: int) -> dt.datetime:
    """When a PIN chosen at ``now`` stops working: the next ``day_ends_at_hour``:00, local time."""
    return _qu.day_end(now, day_ends_at_hour)


def local_now(now: dt.datetime | None = None) -> dt.datetime:
    """``now`` (naive means local) or the current time, as an aware local time: the clock quick unlock uses."""
    return _qu.local_now(now)


def set_up_quick_unlock(
    unlocked: UnlockedVault, pin: str, *, now: dt.datetime | None = None, day_ends_at_hour: int = 23
) -> dt.datetime:
    """After a passphrase unlock: let ``pin`` open the vault until the day ends; returns when it stops working.
    Raises :class:`InvalidPin` or :class:`QuickUnlockUnavailable` (no working keyring), then nothing is written."""
    return _qu.enable_quick_unlock(unlocked, pin, now=now, day_ends_at_hour=day_ends_at_hour)


def forget_quick_unlock(target: Vault | UnlockedVault) -> None:
    """End today's PIN now, both halves (quick exit, quick unlock switched off). Never raises for a missing keyring
    or a damaged key file; pass the open vault when it is open."""
    _qu.forget_quick_unlock(target)


# --- files and versions --------------------------------------------------------------------------------------------


def save_file(target: Path, data: bytes) -> None:
    """Save a file the person asked for (a PDF, a recovery sheet): readable by this user only, written whole or not
    at all, so a full disk or a pulled USB stick never leaves half a document. Raises OSError."""
    _atomic_write_bytes(Path(target), data)


def storage_versions() -> list[tuple[str, str]]:
    """("SQLCipher", …) and ("SQLite", …) for the About box and support requests."""
    # Imported here: SQLCipher loads when the About box or a vault needs it, not when the app starts.
    from app.storage.versions import sqlcipher_version, sqlite_version

    return [("SQLCipher", sqlcipher_version()), ("SQLite", sqlite_version())]


__all__ = [
    "BACKUP_SUFFIX",
    "PIN_MAX_DIGITS",
    "PIN_MIN_DIGITS",
    "QUICK_UNLOCK_OFF",
    "RECOVERY_CODE_GROUPS",
    "Identity",
    "InvalidPin",
    "KdfParams",
    "NewVault",
    "QuickUnlockState",
    "QuickUnlockUnavailable",
    "UnlockedVault",
    "Vault",
    "WrongPin",
    "back_up",
    "change_passphrase",
    "check_new_passphrase",
    "check_pin",
    "check_recovery_code",
    "confirm_passphrase",
    "create_vault",
    "finish_interrupted",
    "forget_quick_unlock",
    "has_vault",
    "keyring_problem",
    "local_now",
    "open_folder",
    "other_vault_question",
    "pin_day_end",
    "quick_unlock_state",
    "recover",
    "recovery_code_can_help",
    "recovery_code_group",
    "restore_backup",
    "save_file",
    "set_up_quick_unlock",
    "storage_versions",
    "take_notices",
    "unlock",
    "unlock_with_pin",
]
