"""The local vault: create, unlock, lock, change passphrase, recover, back up and restore.

A random 32-byte data key (DK) is the raw SQLCipher key. It is never derived from the passphrase, so changing the
passphrase re-wraps 32 bytes in ``vault.key`` and never rewrites the database. Every failure that a person can
cause (wrong passphrase, damaged key file, damaged or truncated database, vault already open) raises a typed error
with one human sentence, and none of them writes, moves or deletes anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.i18n import _
from app.errors import (
    BackupError,
    KeyFileDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
)
from app.storage import keyfile, quick_unlock, recovery
from app.storage.atomic import atomic_copy, crash_point, fsync_dir
from app.storage.kdf import KdfParams, calibrate
from app.storage.lock import InstanceLock

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

# SQLAlchemy, Alembic and SQLCipher load when a vault is first opened, not when the app starts: the unlock screen
# needs none of them, and they are most of a cold start.

DB_NAME = "vault.db"
KEY_NAME = "vault.key"
LOCK_NAME = "vault.lock"
BACKUP_DIR = "backups"
MIN_PASSPHRASE_CHARS = 10


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a new passphrase that is too short, or that zxcvbn rates easy to guess (app/storage/strength.py)."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphrase(
            _(
                "Please choose a passphrase of at least {n} characters. "
                "A few unrelated words are easy to remember and hard to guess."
            ).format(n=MIN_PASSPHRASE_CHARS)
        )
    from app.storage.strength import too_easy_to_guess

    problem = too_easy_to_guess(passphrase)
    if problem is not None:
        raise WeakPassphrase(problem)


@dataclass(frozen=True)
class Identity:
    """Who this vault belongs to, read from the key file header (no secrets)."""

    vault_id: str
    user_id: str
    device_id: str
    team_id: str | None
    regime: str
    office_id: str | None
    kind: str  # "personal" or "enrolled"


class Vault:
    """A vault folder on disk. Holds no key: :meth:`unlock` returns an :class:`UnlockedVault`."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / DB_NAME
        self.key_path = self.data_dir / KEY_NAME
        self.lock_path = self.data_dir / LOCK_NAME
        self.backup_dir = self.data_dir / BACKUP_DIR
        #: Sentences saying what was finished or undone of an interrupted change (see :meth:`finish_interrupted`
        #: and :meth:`unlock`), for the unlock screen or the command to show once: :meth:`take_notices`.
        self.notices: list[str] = []
        #: Damage was met while the vault was open (a page the quick check at unlock does not read): the next
        #: unlock verifies every page, so it names the damage and offers the backup instead of opening again.
        self.damage_suspected = False

    @property
    def previous_key_path(self) -> Path:
        return self.key_path.with_name(KEY_NAME + ".prev")

    def exists(self) -> bool:
        return self.db_path.exists() or self.key_path.exists()

    def _require(self) -> None:
        if not self.key_path.exists() and not self.db_path.exists():
            raise VaultNotFound(_("There is no Offramp vault in this folder yet."))
        if not self.key_path.exists():
            raise KeyFileDamaged(
                _(
                    "The vault's key file is missing, so the vault cannot be opened. Nothing was changed. "
                    "Restore the vault from its latest backup."
                )
            )
        if not self.db_path.exists():
            from app.errors import DatabaseDamaged

            raise DatabaseDamaged(
                _(
                    "The vault's database file is missing. Nothing was changed. "
                    "Restore the vault from its latest backup."
                )
            )

    # --- create ------------------------------------------------------------------------------------------------

    def create(
        self,
        passphrase: str,
        *,
        kdf_params: KdfParams | None = None,
        user_id: str | None = None,
        device_id: str | None = None,
        team_id: str | None = None,
        regime: str = "advocacy",
    ) -> tuple[UnlockedVault, str]:
        """Make a new personal vault. Returns it unlocked, and the recovery code to show and print once."""
        if self.exists():
            raise VaultExists(_("There is already a vault in this folder; it was left as it is."))
        check_new_passphrase(passphrase)
        if regime not in ("advocacy", "prosecution"):
            raise ValueError("regime must be advocacy or prosecution")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(self.data_dir, 0o700)
        params = kdf_params or calibrate()
        lock = InstanceLock(self.lock_path)
        lock.acquire()
        dk = bytearray(os.urandom(32))
        code, secret = recovery.generate()
        header = {
            "vault_id": str(uuid.uuid4()),
            "kind": "personal",
            "office_id": None,
            "user_id": user_id or str(uuid.uuid4()),
            "device_id": device_id or str(uuid.uuid4()),
            "team_id": team_id,
            "regime": regime,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        kf = keyfile.KeyFile(header=header)
        from app.storage import migrate as migrations
        from app.storage.engine import make_engine, translate_errors

        engine: Engine | None = None
        try:
            kf.set_passphrase(dk, passphrase, params)
            kf.set_recovery_code(dk, secret)
            # The database first: a key file with no database is "damaged"; a database with no key file is lost.
            # Created private before SQLite opens it; its -wal and -shm files inherit the mode.
            os.close(os.open(self.db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            engine = make_engine(self.db_path, dk)
            with translate_errors():
                migrations.upgrade(engine)
            kf.save(self.key_path)
        except BaseException:
            if engine is not None:
                engine.dispose()
            # Nothing existed here before (checked above): take away the half-made vault, so trying again works.
            for leftover in (self.key_path, self.db_path, Path(f"{self.db_path}-wal"), Path(f"{self.db_path}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            _zero(dk)
            lock.release()
            raise
        return UnlockedVault(self, kf, dk, engine, lock), code

    # --- unlock ------------------------------------------------------------------------------------------------

    def unlock(self, passphrase: str, *, full_check: bool = False) -> UnlockedVault:
        self._require()
        kf = keyfile.load(self.key_path)
        try:
            dk = kf.open_with_passphrase(passphrase)
        except WrongPassphrase:
            # A passphrase change that stopped before it finished leaves the previous key file beside the new one:
            # the passphrase from before it still opens the vault, and the change is undone.
            kf, dk = self._roll_back_passphrase_change(passphrase)
        else:
            if self.previous_key_path.exists():
                # Another change of the key file (a new recovery code, today's PIN) stopped before it finished:
                # when the same passphrase opens the previous generation, that is put back.
                from app.storage import repair

                kf = repair.roll_back_unfinished_change(self, kf, passphrase)
        unlocked = self._open(kf, dk, full_check=full_check)
        self.notices.extend(keyfile.key_file_notes(kf))  # a damaged checksum or recovery wrap: said, not fatal
        return unlocked

    def _roll_back_passphrase_change(self, passphrase: str) -> tuple[keyfile.KeyFile, bytearray]:
        """The previous key file's data key when ``passphrase`` opens it (and it is this vault's), put back in place;
        else the WrongPassphrase that brought us here."""
        from app.storage import repair

        return repair.roll_back_passphrase_change(self, passphrase)

    def finish_interrupted(self) -> list[str]:
        """Finish or undo what a crash interrupted (a restore, a passphrase change), before anything else looks at
        the folder; returns (and keeps in :attr:`notices`) one sentence for each thing done. Raises VaultInUse
        when another Offramp has the vault open (then it is not ours to touch)."""
        from app.storage import repair

        return repair.finish_interrupted(self)

    def take_notices(self) -> list[str]:
        """The sentences not yet shown, once."""
        notices, self.notices = self.notices, []
        return notices

    def recover(
        self, code: str, new_passphrase: str, *, kdf_params: KdfParams | None = None
    ) -> UnlockedVault:
        """Open with the printed recovery code and set a new passphrase."""
        check_new_passphrase(new_passphrase)
        secret = recovery.parse(code)
        self._require()
        kf = keyfile.load(self.key_path)
        dk = kf.open_with_recovery_code(secret)
        return self._open_with_new_passphrase(kf, dk, new_passphrase, kdf_params)

    def recover_with_office_key(
        self, office_private_key: bytes, new_passphrase: str, *, kdf_params: KdfParams | None = None
    ) -> UnlockedVault:
        check_new_passphrase(new_passphrase)
        self._require()
        kf = keyfile.load(self.key_path)
        dk = kf.open_with_office_key(office_private_key)
        return self._open_with_new_passphrase(kf, dk, new_passphrase, kdf_params)

    def _open_with_new_passphrase(
        self, kf: keyfile.KeyFile, dk: bytearray, new_passphrase: str, kdf_params: KdfParams | None
    ) -> UnlockedVault:
        # A recovery only counts once the new passphrase is set: otherwise the vault is locked again, not left open.
        unlocked = self._open(kf, dk, full_check=False)
        try:
            unlocked.set_passphrase(new_passphrase, kdf_params=kdf_params)
        except BaseException:
            unlocked.lock()
            raise
        return unlocked

    def _open(self, kf: keyfile.KeyFile, dk: bytearray, *, full_check: bool) -> UnlockedVault:
        from app.storage import migrate as migrations
        from app.storage.engine import inspect_database, make_engine, translate_errors

        lock = InstanceLock(self.lock_path)
        engine: Engine | None = None
        try:
            lock.acquire()
            full_check = full_check or self.damage_suspected
            inspect_database(self.db_path, dk, full=full_check).raise_if_bad()
            if full_check:
                self.damage_suspected = False  # every page verified (a restored backup, or damage that was not)
            engine = make_engine(self.db_path, dk, on_damage=self._damage_met)
            with translate_errors():
                if migrations.needs_upgrade(engine):
                    engine.dispose()
                    from app.storage.backup import write_backup

                    self.backup_dir.mkdir(exist_ok=True)
                    write_backup(self, dk, self.backup_dir, reason="before-update")
                    migrations.upgrade(engine)
        except BaseException:
            if engine is not None:
                engine.dispose()
            _zero(dk)
            lock.release()
            raise
        unlocked = UnlockedVault(self, kf, dk, engine, lock)
        # The current key file has now unlocked once: the previous generation is no longer needed.
        with contextlib.suppress(OSError):
            self.previous_key_path.unlink()
        return unlocked

    def _damage_met(self) -> None:
        self.damage_suspected = True

    def check(self, passphrase: str) -> Any:
        """Verify the key file and every page of the database; returns the :class:`DatabaseHealth`."""
        self._require()
        kf = keyfile.load(self.key_path)
        dk = kf.open_with_passphrase(passphrase)
        from app.storage.engine import inspect_database

        lock = InstanceLock(self.lock_path)
        try:
            lock.acquire()
            health = inspect_database(self.db_path, dk, full=True)
            health.key_file = keyfile.key_file_notes(kf)
            return health
        finally:
            _zero(dk)
            lock.release()


class UnlockedVault:
    """An open vault: the engine, the data key and the instance lock. :meth:`lock` ends it."""

    def __init__(
        self, vault: Vault, kf: keyfile.KeyFile, dk: bytearray, engine: Engine, lock: InstanceLock
    ) -> None:
        self.vault = vault
        self._keyfile = kf
        self._dk = dk
        self._engine: Engine | None = engine
        self._lock = lock
        from sqlalchemy.orm import sessionmaker

        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    # --- identity and access -----------------------------------------------------------------------------------

    @property
    def identity(self) -> Identity:
        h = self._keyfile.header
        return Identity(
            vault_id=h["vault_id"],
            user_id=h["user_id"],
            device_id=h["device_id"],
            team_id=h.get("team_id"),
            regime=h.get("regime", "advocacy"),
            office_id=h.get("office_id"),
            kind=h.get("kind", "personal"),
        )

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked(_("The vault is locked. Unlock it again to go on."))
        return self._engine

    def session(self) -> Session:
        self.engine  # noqa: B018 - raises when locked
        return self._sessions()

    @property
    def recovery_kind(self) -> str | None:
        wrap = self._keyfile.recovery_wrap
        return None if wrap is None else str(wrap.get("kind"))

    # --- key management ----------------------------------------------------------------------------------------

    def change_passphrase(
        self, current: str, new: str, *, kdf_params: KdfParams | None = None
    ) -> None:
        """Re-wrap the data key under ``new``. ``current`` is asked again so an unattended screen cannot do it."""
        check_new_passphrase(new)
        on_disk = keyfile.load(self.vault.key_path)
        check = on_disk.open_with_passphrase(current)
        _zero(check)
        self.set_passphrase(new, kdf_params=kdf_params)

    def set_passphrase(self, new: str, *, kdf_params: KdfParams | None = None) -> None:
        check_new_passphrase(new)
        params = kdf_params or calibrate()
        updated = keyfile.KeyFile(
            header=dict(self._keyfile.header),
            pass_wrap=None,
            recovery_wrap=self._keyfile.recovery_wrap,
            quick_wrap=None,  # a new passphrase ends any quick-unlock wrap
        )
        updated.set_passphrase(self._dk, new, params)
        self._replace_keyfile(updated, passphrase=new)
        quick_unlock.forget_keyring_secret(self.identity.vault_id)  # and the keyring half of that wrap

    @property
    def quick_wrap(self) -> dict[str, Any] | None:
        """The quick-unlock section of the key file as this vault last wrote or read it (see quick_unlock.py)."""
        return self._keyfile.quick_wrap

    def set_quick_wrap(self, wrap: dict[str, Any] | None) -> None:
        """Store (or with ``None`` remove) the quick-unlock wrap; the rest of the key file stays as it is."""
        updated = keyfile.KeyFile(
            header=dict(self._keyfile.header),
            pass_wrap=self._keyfile.pass_wrap,
            recovery_wrap=self._keyfile.recovery_wrap,
            quick_wrap=wrap,
        )
        self._replace_keyfile(updated)

    def new_recovery_code(self) -> str:
        """Replace the recovery wrap with a new printed code (the old code stops working)."""
        code, secret = recovery.generate()
        updated = keyfile.KeyFile(
            header=dict(self._keyfile.header),
            pass_wrap=self._keyfile.pass_wrap,
            recovery_wrap=None,
            quick_wrap=self._keyfile.quick_wrap,
        )
        updated.set_recovery_code(self._dk, secret)
        self._replace_keyfile(updated)
        return code

    def set_office_recovery(self, office_public_key: bytes) -> None:
        updated = keyfile.KeyFile(
            header=dict(self._keyfile.header),
            pass_wrap=self._keyfile.pass_wrap,
            recovery_wrap=None,
            quick_wrap=self._keyfile.quick_wrap,
        )
        updated.set_office_recovery(self._dk, office_public_key)
        self._replace_keyfile(updated)

    def verify_passphrase(self, passphrase: str) -> None:
        """Check ``passphrase`` opens this vault's key file on disk (WrongPassphrase otherwise), changing nothing:
        for steps that must not start unless they can finish (enrolment)."""
        check = keyfile.load(self.vault.key_path).open_with_passphrase(passphrase)
        same = check == self._dk
        _zero(check)
        if not same or self._keyfile.pass_wrap is None:
            raise KeyFileDamaged(_("The key file on disk does not belong to this open vault; nothing was changed."))

    def record_enrolment(self, identity: dict[str, Any], office_public_key: bytes, passphrase: str) -> None:
        """Mark this vault as enrolled with an office: the new identity in the key file header, and the data key
        sealed to the office recovery key (in place of the personal recovery code).

        The header is the associated data of every wrap, so the passphrase wrap is made again under the same
        Argon2id parameters (``passphrase`` is asked for that) and a quick-unlock wrap ends.
        """
        allowed = {"user_id", "device_id", "team_id", "regime", "office_id"}
        if set(identity) - allowed:
            raise ValueError("only the identity fields change at enrollment")
        self.verify_passphrase(passphrase)
        pass_wrap = self._keyfile.pass_wrap
        assert pass_wrap is not None  # verify_passphrase refuses a key file without one
        header = {**self._keyfile.header, **identity, "kind": "enrolled"}
        updated = keyfile.KeyFile(header=header)
        updated.set_passphrase(self._dk, passphrase, KdfParams.from_dict(pass_wrap["params"]))
        updated.set_office_recovery(self._dk, office_public_key)
        self._replace_keyfile(updated, passphrase=passphrase)
        quick_unlock.forget_keyring_secret(self.identity.vault_id)

    def _replace_keyfile(self, updated: keyfile.KeyFile, *, passphrase: str | None = None) -> None:
        """Keep the previous generation until the new file has opened once, then let it go."""
        # The previous generation is a copy, not the file moved away: there is a ``vault.key`` at every instant, so
        # a crash between steps leaves the old key file or the new one (and ``unlock`` falls back to the copy when
        # the passphrase typed is the one from before an unfinished change).
        key_path = self.vault.key_path
        prev = self.vault.previous_key_path
        if key_path.exists():
            atomic_copy(key_path, prev)
        crash_point("keyfile:previous-kept")
        try:
            updated.save(key_path)
            crash_point("keyfile:new-in-place")
            reread = keyfile.load(key_path)
            dk = reread.open_with_passphrase(passphrase) if passphrase else None
            if dk is not None:
                if dk != self._dk:
                    raise KeyFileDamaged(_("The new key file did not read back correctly; the old one was kept."))
                _zero(dk)
        except BaseException:
            if prev.exists():
                os.replace(prev, key_path)
                fsync_dir(key_path.parent)
            raise
        with contextlib.suppress(OSError):
            prev.unlink()
        fsync_dir(key_path.parent)
        crash_point("keyfile:previous-removed")
        self._keyfile = reread

    # --- backups -----------------------------------------------------------------------------------------------

    def backup(self, destination: Path | str) -> Path:
        from app.storage.backup import write_backup

        dest = Path(destination)
        if not dest.is_dir():
            raise BackupError(_("The backup folder does not exist. Plug in the drive or choose another folder."))
        return write_backup(self.vault, self._dk, dest, reason="manual")

    # --- lock --------------------------------------------------------------------------------------------------

    def lock(self) -> None:
        """Close every connection, zero the data key and let another process open the vault."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        _zero(self._dk)
        self._lock.release()

    close = lock

    def __enter__(self) -> UnlockedVault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # For the backup writer and tests that inspect raw pages; never leaves the storage layer.
    def _data_key(self) -> bytearray:
        if self._engine is None:
            raise VaultLocked(_("The vault is locked. Unlock it again to go on."))
        return self._dk


def _zero(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0
