"""One Offramp process per vault: an OS file lock on ``vault.lock`` beside the database.

The OS drops the lock when the process dies, so a crash never leaves a vault that "is already open".
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from app.core.i18n import N_, _
from app.errors import READ_ONLY, StorageReadOnly, VaultInUse, storage_problem

IN_USE = N_(
    "This vault is already open in another Offramp window or command on this computer. "
    "Close it there first, then try again."
)


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            # A read-only folder or a full disk is said as such, not as "an unexpected problem".
            problem = storage_problem(exc)
            if problem is None and exc.errno in (errno.EACCES, errno.EPERM):
                # No permission to write in the folder: to the person, the same as a read-only one.
                problem = StorageReadOnly(_(READ_ONLY), detail=type(exc).__name__)
            if problem is None:
                raise
            raise problem from None
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise VaultInUse(_(IN_USE)) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
