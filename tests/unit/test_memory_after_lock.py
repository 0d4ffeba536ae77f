"""Memory and crash dumps (issue 16, item 2): the app's process turns core dumps off, and after Lock neither the
passphrase (nor a wrong one tried before it) nor the data key's hex string (the ``PRAGMA key`` text) is anywhere in
its memory. A real child process unlocks a real SQLCipher vault the way the unlock screen does; this test then reads
the child's whole memory through /proc/PID/mem, once while it is unlocked (where the key must be found, proving the
scan sees the heap and SQLCipher's memory) and once after Lock."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage.kdf import KdfParams
from app.storage.vault import Vault

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/PID/mem")

# The child: starts as the app does (core dumps off), reads the passphrases from a file straight into a buffer (as a
# field's text arrives from Qt: one str), tries a wrong one, then the right one through the unlock screen's own
# function, and locks. Only then does it make itself readable again: the test hook, never done by the app.
CHILD = r"""
import ctypes, gc, resource, sys
from app import memory
memory.disable_core_dumps()
assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
assert memory.dumpable() is False
data_dir, secrets_file, marker = sys.argv[1:4]
kept = ("kept:" + marker).encode()  # a positive control the scan must find
buf = bytearray(256)
with open(secrets_file, "rb", buffering=0) as f:
    n = f.readinto(buf)
wrong, right = (bytes(buf[:n]).decode("ascii").split("\n")[:2])  # two new str objects, as QLineEdit.text() gives
memory.wipe(buf)
from app.core import vault_access as va
from app.errors import WrongPassphrase
from app.ui.unlock import _unlock_then_wipe
vault = va.Vault(data_dir)
held = [wrong]
del wrong
try:
    _unlock_then_wipe(vault, held)
except WrongPassphrase:
    pass
held = [right]
del right
unlocked = _unlock_then_wipe(vault, held)
libc = ctypes.CDLL(None)
def readable(step):
    libc.prctl(4, 1, 0, 0, 0)  # PR_SET_DUMPABLE 1: the test hook
    print(step, flush=True)
    sys.stdin.readline()
    libc.prctl(4, 0, 0, 0, 0)
readable("unlocked")
unlocked.lock()
del unlocked
gc.collect()
readable("locked")
"""


def _scan(pid: int, needles: dict[str, bytes]) -> dict[str, int]:
    """How often each needle occurs in the process's readable memory."""
    found = dict.fromkeys(needles, 0)
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            parts = line.split()
            start, end = (int(x, 16) for x in parts[0].split("-"))
            if "r" not in parts[1] or (len(parts) > 5 and parts[5] in ("[vvar]", "[vsyscall]")):
                continue
            try:
                mem.seek(start)
                chunk = mem.read(end - start)
            except OSError:
                continue
            for name, needle in needles.items():
                found[name] += chunk.count(needle)
    return found


def test_after_lock_neither_the_passphrase_nor_the_key_hex_is_in_memory(tmp_path: Path) -> None:
    right = f"canary {secrets.token_hex(8)} lantern orbit"
    wrong = f"canary {secrets.token_hex(8)} meadow cactus"
    marker = secrets.token_hex(8)
    data_dir = tmp_path / "vault"
    unlocked, _code = Vault(data_dir).create(right, kdf_params=KdfParams.floor())
    dk = bytes(unlocked._data_key())
    unlocked.lock()
    secrets_file = tmp_path / "typed"
    secrets_file.write_text(f"{wrong}\n{right}\n")

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(secrets_file), marker],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    needles = {
        "passphrase": right.encode(),
        "wrong passphrase": wrong.encode(),
        "key hex": dk.hex().encode(),
        "key HEX": dk.hex().upper().encode(),
        "control": f"kept:{marker}".encode(),
        "data key": dk,
    }
    try:
        assert child.stdout.readline().strip() == "unlocked", child.stderr.read() if child.stderr else ""
        secrets_file.unlink()
        while_open = _scan(child.pid, needles)
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "locked"
        after_lock = _scan(child.pid, needles)
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
    # The scan works: it sees the control, and while the vault is open SQLCipher holds the key (it must).
    assert while_open["control"] >= 1 and while_open["data key"] >= 1
    assert after_lock["control"] >= 1
    # After Lock: no passphrase, no wrong passphrase, no key hex, no key.
    assert {name: n for name, n in after_lock.items() if name != "control"} == {
        "passphrase": 0,
        "wrong passphrase": 0,
        "key hex": 0,
        "key HEX": 0,
        "data key": 0,
    }
    # Not even while open: the PRAGMA key text is wiped once SQLCipher has it.
    assert while_open["key hex"] == 0 and while_open["passphrase"] == 0


def test_core_dumps_are_off_once_the_command_has_started(tmp_path: Path) -> None:
    script = (
        "import resource, sys\n"
        "from app import cli, memory\n"
        "cli.main(['vault', 'check', '--data-dir', sys.argv[1], '--passphrase-file', sys.argv[1] + '/none'])\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), memory.dumpable())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert out.strip().splitlines()[-1] == "(0, 0) False"
