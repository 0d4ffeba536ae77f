"""Vault backups: one file holding the encrypted database and its key file, opened by the same passphrase or code.

A backup is a tar archive (nothing compressed, nothing in clear) with ``manifest.json`` (format, date, vault id,
schema revision — no names), ``vault.key`` and ``vault.db``. The database is copied with SQLite's online backup API
into a keyed temporary file beside the destination, so the copy is consistent while the app keeps working, and the
archive is written atomically. Restoring checks the archive opens with what the person typed before it touches the
current vault, and moves the current files aside instead of deleting them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import tarfile
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.i18n import N_, _
from app.errors import BackupError, BackupOfAnotherVault, KeyFileDamaged
from app.storage import keyfile, recovery
from app.storage.atomic import PRIVATE_MODE, atomic_write_bytes, crash_point, fsync_dir, temp_path_for
from app.storage.lock import InstanceLock

if TYPE_CHECKING:
    from app.storage.vault import Vault

FORMAT = "offramp-vault-backup"
SUFFIX = ".offramp-backup"

NOT_A_BACKUP = N_("That file is not an Offramp backup, or it is damaged. Nothing was changed.")

#: A vault's creation day, as :func:`describe_vault` says it ("4 March 2026"; "4 de marzo de 2026" in Spanish): one
#: catalogue entry per month, so a language orders day, month and year its own way (never strftime's month names).
_CREATED_DAY = (
    N_("%(day)d January %(year)d"), N_("%(day)d February %(year)d"), N_("%(day)d March %(year)d"),
    N_("%(day)d April %(year)d"), N_("%(day)d May %(year)d"), N_("%(day)d June %(year)d"),
    N_("%(day)d July %(year)d"), N_("%(day)d August %(year)d"), N_("%(day)d September %(year)d"),
    N_("%(day)d October %(year)d"), N_("%(day)d November %(year)d"), N_("%(day)d December %(year)d"),
)  # fmt: skip


def backup_name(reason: str) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    return f"offramp-{reason}-{stamp}{SUFFIX}"


def _snapshot_database(vault: Vault, dk: bytearray, target: Path) -> None:
    from app.storage.engine import raw_connect

    source = raw_connect(vault.db_path, dk)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
        os.close(fd)
        dest = raw_connect(target, dk)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()


def write_backup(vault: Vault, dk: bytearray, destination: Path, *, reason: str) -> Path:
    from app.storage import migrate

    destination = Path(destination)
    target = destination / backup_name(reason)
    n = 1
    while target.exists():  # two backups in the same second: never replace the first
        n += 1
        target = destination / backup_name(reason).replace(SUFFIX, f"-{n}{SUFFIX}")
    snapshot = temp_path_for(destination / "vault-snapshot.db")
    archive_tmp = temp_path_for(target)
    try:
        _snapshot_database(vault, dk, snapshot)
        key_bytes = vault.key_path.read_bytes()
        header = keyfile.load(vault.key_path).header
        manifest = {
            "format": FORMAT,
            "version": 1,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "vault_id": header.get("vault_id"),
            "reason": reason,
            "schema_head": migrate.head_revision(),
        }
        fd = os.open(archive_tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode("ascii"))
            _add_bytes(tar, "vault.key", key_bytes)
            info = tar.gettarinfo(str(snapshot), arcname="vault.db")
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = PRIVATE_MODE
            with open(snapshot, "rb") as db:
                tar.addfile(info, db)
            tar.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(archive_tmp, target)
        fsync_dir(destination)
    except OSError as exc:
        raise BackupError(
            _("The backup could not be written (the drive may be full or read-only). The vault itself is unchanged."),
            detail=type(exc).__name__,
        ) from None
    finally:
        for leftover in (snapshot, archive_tmp):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return target


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = PRIVATE_MODE
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))


def _read_archive(path: Path) -> tuple[dict[str, object], bytes, tarfile.TarFile, tarfile.TarInfo]:
    tar: tarfile.TarFile | None = None
    try:
        tar = tarfile.open(path, mode="r:")  # noqa: SIM115 - handed to the caller, who closes it
        manifest = json.loads(_member_bytes(tar, "manifest.json"))
        if manifest.get("format") != FORMAT:
            raise ValueError("format")
        key_bytes = _member_bytes(tar, "vault.key")
        db_info = tar.getmember("vault.db")
        if not db_info.isfile():
            raise ValueError("db member")
    except (OSError, tarfile.TarError, KeyError, ValueError, UnicodeDecodeError):
        if tar is not None:
            tar.close()
        raise BackupError(_(NOT_A_BACKUP)) from None
    return manifest, key_bytes, tar, db_info


def _member_bytes(tar: tarfile.TarFile, name: str) -> bytes:
    member = tar.getmember(name)
    stream = tar.extractfile(member)
    if stream is None or member.size > 1 << 20:
        raise ValueError(name)
    return stream.read()


def restore_backup(
    archive: Path | str,
    data_dir: Path | str,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    replace_other_vault: bool = False,
) -> Path | None:
    """Put a backup in place of the vault in ``data_dir``.

    A backup of another vault than the one there (another person's, another computer's, made with the same
    passphrase) is refused with :class:`BackupOfAnotherVault` naming both, unless ``replace_other_vault``: the
    person is asked first (:func:`other_vault_question` gives the question before any key is derived).

    Returns the folder the replaced vault's files were moved to (``None`` when there was no vault). The passphrase
    or recovery code must open the backup's key file and every page of its database must verify first.
    """
    from app.storage.vault import LOCK_NAME

    archive, data_dir = Path(archive), Path(data_dir)
    if not archive.is_file():
        raise BackupError(_("That backup file does not exist."))
    _read_archive(archive)[2].close()  # refuse a file that is not a backup before touching the folder
    data_dir.mkdir(parents=True, exist_ok=True)
    # Never swap files under a running Offramp.
    with InstanceLock(data_dir / LOCK_NAME):
        return _restore_locked(
            archive,
            data_dir,
            passphrase=passphrase,
            recovery_code=recovery_code,
            replace_other_vault=replace_other_vault,
        )


def _restore_locked(
    archive: Path, data_dir: Path, *, passphrase: str | None, recovery_code: str | None, replace_other_vault: bool
) -> Path | None:
    from app.storage.engine import inspect_database
    from app.storage.vault import DB_NAME, KEY_NAME

    _manifest, key_bytes, tar, db_info = _read_archive(archive)
    staged_db = temp_path_for(data_dir / DB_NAME)
    staged_key = temp_path_for(data_dir / KEY_NAME)
    dk = None
    try:
        fd = os.open(staged_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
        with os.fdopen(fd, "wb") as out:
            out.write(key_bytes)
            out.flush()
            os.fsync(out.fileno())
        try:
            kf = keyfile.load(staged_key)
        except KeyFileDamaged:
            raise BackupError(_(NOT_A_BACKUP)) from None
        if passphrase is not None:
            dk = kf.open_with_passphrase(passphrase)
        elif recovery_code is not None:
            dk = kf.open_with_recovery_code(recovery.parse(recovery_code))
        else:
            raise BackupError(_("Type the vault's passphrase or recovery code to restore a backup."))
        question = None if replace_other_vault else _other_vault_question(data_dir / KEY_NAME, kf.header)
        if question is not None:
            raise BackupOfAnotherVault(question)
        stream = tar.extractfile(db_info)
        if stream is None:
            raise BackupError(_(NOT_A_BACKUP))
        fd = os.open(staged_db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
        with os.fdopen(fd, "wb") as out:
            while block := stream.read(1 << 20):
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        health = inspect_database(staged_db, dk, full=True)
        if not health.ok:
            raise BackupError(
                _("The database inside that backup is damaged. Nothing was changed; try an older backup.")
            )
        return _swap_in(data_dir, staged_key, staged_db)
    finally:
        tar.close()
        if dk is not None:
            for i in range(len(dk)):
                dk[i] = 0
        for leftover in (staged_db, staged_key):
            with contextlib.suppress(OSError):
                leftover.unlink()


def describe_vault(header: dict[str, object]) -> str:
    """'created on 4 March 2026 on the computer with device ID 1a2b3c4d': whose a vault is, from its key file header
    (no names: the header holds none)."""
    created = str(header.get("created_at") or "")
    device = str(header.get("device_id") or "")[:8] or _("unknown")
    try:
        when = dt.datetime.fromisoformat(created)
    except ValueError:
        return _("created on an unknown date on the computer with device ID {device}").format(device=device)
    day = _(_CREATED_DAY[when.month - 1]) % {"day": when.day, "year": when.year}
    return _("created on {day} on the computer with device ID {device}").format(day=day, device=device)


def _other_vault_question(current_key: Path, backup_header: dict[str, object]) -> str | None:
    try:
        current = keyfile.load(current_key).header
    except (OSError, KeyFileDamaged):
        return None  # no vault here, or one whose key file cannot say whose it is: nothing to tell apart
    if current.get("vault_id") == backup_header.get("vault_id"):
        return None
    return _(
        "That backup is of another vault, {backup}; the vault here was {here}. Nothing was changed. "
        "Restore it only if you mean to replace this vault with it."
    ).format(backup=describe_vault(backup_header), here=describe_vault(current))


def other_vault_question(archive: Path | str, data_dir: Path | str) -> str | None:
    """The question to ask before restoring ``archive`` over the vault in ``data_dir`` when it is another vault's
    backup (naming when and on which computer each was created); None when it is this vault's or the folder is
    empty. Reads only the two key files' headers (no secrets), so it is quick and needs no passphrase."""
    manifest_key = _read_archive(Path(archive))
    manifest_key[2].close()
    try:
        header = json.loads(manifest_key[1].decode("ascii"))["header"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise BackupError(_(NOT_A_BACKUP)) from None
    if not isinstance(header, dict):
        raise BackupError(_(NOT_A_BACKUP))
    from app.storage.vault import KEY_NAME

    return _other_vault_question(Path(data_dir) / KEY_NAME, header)


#: Written before the first file of the current vault moves, removed after the last rename: while it is there a
#: restore is under way (or was interrupted), and ``app.storage.repair`` finishes or undoes it at the next start.
RESTORE_JOURNAL = "restore-in-progress.json"
ASIDE_PREFIX = "replaced-by-restore-"


def current_vault_files(data_dir: Path) -> list[str]:
    from app.storage.vault import DB_NAME, KEY_NAME

    names = [DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", KEY_NAME, f"{KEY_NAME}.prev"]
    return [n for n in names if (data_dir / n).exists()]


def _swap_in(data_dir: Path, staged_key: Path, staged_db: Path) -> Path | None:
    """Move the current vault aside and the checked backup in, one rename at a time, with a journal first.

    A crash at any step leaves the journal, the staged files (until each is in place) and the aside folder; the next
    start reads the journal and finishes the swap (or, if a staged file is gone, puts the old vault back).
    """
    present = current_vault_files(data_dir)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    aside = data_dir / f"{ASIDE_PREFIX}{stamp}"
    n = 1
    while aside.exists():
        n += 1
        aside = data_dir / f"{ASIDE_PREFIX}{stamp}-{n}"
    journal = {
        "format": "offramp-restore-journal",
        "aside": aside.name if present else None,
        "present": present,
        "staged_key": staged_key.name,
        "staged_db": staged_db.name,
    }
    atomic_write_bytes(data_dir / RESTORE_JOURNAL, json.dumps(journal, indent=1).encode("ascii"))
    crash_point("restore:journal-written")
    try:
        _swap_steps(data_dir, present, aside, staged_key, staged_db)
    except BaseException:
        # A rename failed (a full or read-only disk): put the vault back now rather than at the next start.
        from app.storage.repair import resolve_restore

        resolve_restore(data_dir, journal, forward=False)
        raise
    (data_dir / RESTORE_JOURNAL).unlink()
    fsync_dir(data_dir)
    return aside if present else None


def _swap_steps(data_dir: Path, present: list[str], aside: Path, staged_key: Path, staged_db: Path) -> None:
    from app.storage.vault import DB_NAME, KEY_NAME

    if present:
        aside.mkdir(mode=0o700)
        for name in present:
            os.replace(data_dir / name, aside / name)
            crash_point(f"restore:aside:{name}")
        fsync_dir(aside)
    os.replace(staged_key, data_dir / KEY_NAME)
    crash_point("restore:key-in-place")
    os.replace(staged_db, data_dir / DB_NAME)
    fsync_dir(data_dir)
    crash_point("restore:database-in-place")
