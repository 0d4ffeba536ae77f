"""Real small and read-only disks for tests: a tmpfs of a few MiB mounted on a test folder (root only; the tests
that need one are skipped where it cannot be mounted)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@contextlib.contextmanager
def small_disk(folder: Path, mib: int = 16) -> Iterator[Path]:
    """``folder`` as a tmpfs of ``mib`` MiB for the duration; skips the test when mounting is not allowed here."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or _mount("-t", "tmpfs", "-o", f"size={mib}m,mode=0700", "tmpfs", str(folder)).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield folder
    finally:
        _mount("-o", "remount,rw", str(folder))
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(disk: Path) -> Path:
    """Fill ``disk`` to the last byte with a filler file (remove it to free the space)."""
    filler = disk / "filler.bin"
    block = b"\0" * 65536
    with open(filler, "wb", buffering=0) as fh:
        with contextlib.suppress(OSError):
            while True:
                fh.write(block)
        with contextlib.suppress(OSError):
            while True:
                fh.write(b"\0")
    return filler


@contextlib.contextmanager
def read_only(disk: Path) -> Iterator[None]:
    """The tmpfs ``disk`` remounted read-only for the duration."""
    assert _mount("-o", "remount,ro", str(disk)).returncode == 0
    try:
        yield
    finally:
        _mount("-o", "remount,rw", str(disk))
