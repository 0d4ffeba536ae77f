"""Atomic file writes: temp file beside the target, 0600 before the first byte, fsync, ``os.replace``."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

PRIVATE_MODE = 0o600
#: Fault injection for the tests that prove every multi-step change of the vault folder can be finished or undone
#: by the next start: when this variable names a step (see :func:`crash_point`), the process ends there at once.
CRASH_AT_ENV = "OFFRAMP_CRASH_AT"
CRASH_EXIT_STATUS = 70


def crash_point(step: str) -> None:
    """End the process here, as a power cut would (no cleanup, no ``finally``), when :data:`CRASH_AT_ENV` is ``step``.

    Every rename in a multi-step change of the vault folder is one of these steps; nothing sets the variable but the
    tests, and reading it costs nothing.
    """
    if os.environ.get(CRASH_AT_ENV) == step:
        os._exit(CRASH_EXIT_STATUS)


def fsync_dir(directory: Path) -> None:
    """Make a rename durable. Not every platform can open a directory; that is fine there."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def temp_path_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def _write_atomically(target: Path, mode: int, write_into: Callable[[int], None]) -> None:
    """Temp file beside ``target`` (``mode`` before the first byte), filled by ``write_into(fd)``, synced, renamed.

    On any failure the temp file is removed, so a half-written copy of private data is never left behind.
    """
    target = Path(target)
    tmp = temp_path_for(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.fchmod(fd, mode) if hasattr(os, "fchmod") else None
        write_into(fd)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    crash_point(f"write:{target.name}")
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def atomic_write_bytes(target: Path, data: bytes, *, mode: int = PRIVATE_MODE) -> None:
    """Write ``data`` to ``target`` so that a reader sees the old file or the new one, never a mix."""
    _write_atomically(target, mode, lambda fd: _write_all(fd, data))


def atomic_copy(source: Path, target: Path, *, mode: int = PRIVATE_MODE, chunk: int = 1 << 20) -> None:
    """Copy a (possibly large) file atomically, streaming it."""

    def stream(fd: int) -> None:
        with open(source, "rb") as src:
            while block := src.read(chunk):
                _write_all(fd, block)

    _write_atomically(target, mode, stream)
