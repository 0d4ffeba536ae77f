"""Typed errors that carry one plain, human sentence.

Every layer raises these (or subclasses) for anything a person can cause or fix: a wrong passphrase, a damaged file,
a value that does not fit. The UI and the CLI show ``message`` as it is; nothing personal ever goes into it.
"""

from __future__ import annotations


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
