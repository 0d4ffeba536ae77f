"""Typed errors that carry one plain, human sentence.

Every layer raises these (or subclasses) for anything a person can cause or fix: a wrong passphrase, a damaged file,
a value that does not fit. The UI and the CLI show ``message`` as it is; nothing personal ever goes into it.
"""

from __future__ import annotations

from app.core.i18n import N_, _


class OfframpError(Exception):
    """Base for errors a person can understand. ``code`` is stable for scripts and tests."""

    code = "error"

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # Technical detail for IT staff (never names or notes); shown only on request.
        self.detail = detail

    def __str__(self) -> str:
        return self.message


# --- vault --------------------------------------------------------------------------------------------------


class VaultError(OfframpError):
    code = "vault"


class VaultNotFound(VaultError):
    code = "vault_not_found"


class VaultExists(VaultError):
    code = "vault_exists"


class WrongPassphrase(VaultError):
    code = "wrong_passphrase"


class WrongRecoveryCode(VaultError):
    code = "wrong_recovery_code"


class MalformedRecoveryCode(VaultError):
    code = "malformed_recovery_code"


class KeyFileDamaged(VaultError):
    code = "key_file_damaged"


class DatabaseDamaged(VaultError):
    code = "database_damaged"


class DatabaseTruncated(DatabaseDamaged):
    code = "database_truncated"


class VaultInUse(VaultError):
    code = "vault_in_use"


class VaultLocked(VaultError):
    code = "vault_locked"


class WeakPassphrase(VaultError):
    code = "weak_passphrase"


class MigrationFailed(VaultError):
    code = "migration_failed"


class BackupError(VaultError):
    code = "backup"


class StorageFull(VaultError):
    """The disk (or the quota) is full: nothing more can be written until there is space."""

    code = "storage_full"


class StorageReadOnly(VaultError):
    """The vault's folder cannot be written to (a read-only disk or folder)."""

    code = "storage_read_only"


DISK_FULL = N_(
    "The disk is full, so Offramp cannot open or save to the vault right now. Nothing already saved was lost. "
    "Free some space on this computer (empty the trash, move large files away), then try again."
)
READ_ONLY = N_(
    "The vault's folder cannot be written to right now (the disk or the folder is read-only), so Offramp cannot "
    "open or save the vault there. Nothing was changed. Ask your IT contact to make it writable again."
)
_FULL_ERRNOS = {28, 122}  # ENOSPC, EDQUOT
_READ_ONLY_ERRNOS = {30}  # EROFS


def storage_problem(exc: BaseException | None) -> OfframpError | None:
    """A full disk or a read-only folder met as an ``OSError`` or a database error, as our error with its one human
    sentence; None for anything else. Looks through ``__cause__``/``__context__`` (a library may wrap it)."""
    seen = 0
    while exc is not None and seen < 6:
        seen += 1
        if isinstance(exc, StorageFull | StorageReadOnly):
            return exc
        errno = getattr(exc, "errno", None) if isinstance(exc, OSError) else None
        if errno in _FULL_ERRNOS:
            return StorageFull(_(DISK_FULL), detail=type(exc).__name__)
        if errno in _READ_ONLY_ERRNOS:
            return StorageReadOnly(_(READ_ONLY), detail=type(exc).__name__)
        text = str(exc).lower() if not isinstance(exc, OSError) else ""
        if "database or disk is full" in text:
            return StorageFull(_(DISK_FULL), detail=type(exc).__name__)
        if "readonly database" in text or "read-only file system" in text:
            return StorageReadOnly(_(READ_ONLY), detail=type(exc).__name__)
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return None


class BackupOfAnotherVault(BackupError):
    """The backup opens with what was typed but is of another vault than the one in the folder: asked, not done."""

    code = "backup_of_another_vault"


# --- records ------------------------------------------------------------------------------------------------


class RecordError(OfframpError):
    code = "record"


class ValidationError(RecordError):
    """A value does not fit. ``field`` names the field (its attribute name) when there is one."""

    code = "validation"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class RecordNotFound(RecordError):
    code = "not_found"


class RecordDeleted(RecordError):
    code = "deleted"
