"""Keeping the vault's secrets out of crash dumps and out of memory once they are no longer needed.

A core file of the unlocked app held the passphrase, the raw data key and the ``PRAGMA key`` hex string; after Lock
the passphrase and the key hex were still in memory (issue 16, item 2). Two things help:

- :func:`disable_core_dumps`, called first by both entry points (the window and the ``offramp`` command): no core
  file (``RLIMIT_CORE`` 0) and, on Linux, no ptrace or ``/proc/PID/mem`` access by other processes of the same user
  (``PR_SET_DUMPABLE`` 0). Elsewhere it does what the platform allows and nothing more.
- Wiping: secrets are kept in ``bytearray`` buffers and zeroed with :func:`wipe` when done. Python's ``bytes`` and
  ``str`` are immutable, and some libraries only take or give those (``argon2`` returns the derived key as bytes,
  AES-GCM returns the data key as bytes, Qt hands a field's text over as a str). :func:`wipe_bytes` and
  :func:`wipe_str` zero such an object's characters in place. That is only safe for an object nobody else can see:
  the caller must hold the one reference, which the functions check (they refuse shared or interned objects and
  anything shorter than 2 characters, which CPython shares), and the object must not be used afterwards.

What cannot be wiped from Python: Qt's own copies of a field's text (QString buffers and the line edit's undo
history, freed but not zeroed by Qt), and memory the allocator has already reused. The core-dump settings are what
keeps those out of a dump file.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

# CPython's object layouts (3.11+): where the characters of a compact str, and the bytes of a bytes object, start.
_STR_ASCII_OFFSET = sys.getsizeof("") - 1  # a compact ASCII str: header, then the characters, then a NUL
_BYTES_OFFSET = sys.getsizeof(b"") - 1  # a bytes object: header, then the bytes, then a NUL

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def disable_core_dumps() -> bool:
    """No core file for this process and (Linux) no dumping or ptrace by others. True when both took effect."""
    ok = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        ok = sys.platform == "win32"  # Windows writes no core files unless a debugger is set up to
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            ok = libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 and ok
        except (OSError, AttributeError):
            ok = False
    return ok


def dumpable() -> bool | None:
    """Linux: whether this process may be dumped or traced (None elsewhere). For the self-test and tests."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))


def wipe(buffer: bytearray | memoryview | None) -> None:
    """Zero a mutable buffer in place."""
    if buffer is None:
        return
    view = memoryview(buffer).cast("B")
    view[:] = bytes(len(view))  # a run of zeros, itself nothing secret


def _references(obj: Any) -> int:
    return sys.getrefcount(obj)


def _as_alone_sees_it(obj: Any) -> int:
    return _references(obj)


def _as_a_wipe_function(obj: Any) -> int:
    return _as_alone_sees_it(obj)


def _calibrate() -> int:
    probe = "".join(["pr", "obe"])  # a new object, one name holding it: caller -> wipe_str -> _alone
    return _as_a_wipe_function(probe)


#: What ``sys.getrefcount`` shows inside the wipe functions when the caller holds the one reference (measured
#: rather than assumed: it differs between Python versions).
_OWN_REFERENCES = _calibrate()


def _alone(obj: Any) -> bool:
    return _references(obj) <= _OWN_REFERENCES


def wipe_bytes(data: bytes) -> bool:
    """Zero an immutable ``bytes`` object nobody else holds (see the module's note). True when it was wiped."""
    if type(data) is not bytes or len(data) < 2 or not _alone(data):
        return False
    ctypes.memset(id(data) + _BYTES_OFFSET, 0, len(data))
    return True


def wipe_str(text: str) -> bool:
    """Zero the characters of a ``str`` nobody else holds (see the module's note). True when it was wiped.

    Only compact ASCII strings (what a passphrase typed on a US keyboard is) are wiped this way; other kinds keep
    a different layout and are left alone rather than guessed at.
    """
    if type(text) is not str or len(text) < 2 or not text.isascii() or not _alone(text) or _interned(text):
        return False
    ctypes.memset(id(text) + _STR_ASCII_OFFSET, ord(" "), len(text))
    # The UTF-8 form CPython caches for an ASCII str is these same characters, and the hash is kept apart: both fine.
    return True


def _interned(text: str) -> bool:
    # PyASCIIObject: refcount, type, length, hash, then ``state`` whose two lowest bits say "interned".
    state = ctypes.c_uint32.from_address(id(text) + 4 * ctypes.sizeof(ctypes.c_ssize_t))
    return bool(state.value & 0b11)


__all__ = ["disable_core_dumps", "dumpable", "wipe", "wipe_bytes", "wipe_str"]
