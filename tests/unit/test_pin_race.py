"""Quick unlock's bounds (issue 16, item 3): ten processes trying PINs at once are served one at a time, each try
counted under an exclusive file lock before it is evaluated, so at most three are ever evaluated; and a wrap whose
day has ended does not unwrap, checked before any key is derived. Real SQLCipher vault, real processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.storage import kdf, keyfile
from app.storage import quick_unlock as qu
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE, InMemoryKeyring

PIN = "482915"
WRONG = [f"{n:06d}" for n in range(111111, 1000000, 111111)][:9]  # nine wrong PINs
ROOT = Path(__file__).resolve().parents[2]

# One racer: its own in-memory keyring holding the vault's keyring half (what the OS keyring would give every
# process of this user), a note in ``evaluated`` each time a PIN is really tried against the wrap, then the try.
RACER = r"""
import json, os, sys, time
from pathlib import Path
import keyring
from keyring.backend import KeyringBackend
from app.storage import keyfile, quick_unlock as qu
from app.storage.vault import Vault

data_dir, pin, secret, vault_id, evaluated, go = sys.argv[1:7]

class Held(KeyringBackend):
    priority = 1
    def get_password(self, service, username):
        return secret if (service, username) == (qu.SERVICE, vault_id) else None
    def set_password(self, service, username, password):
        raise RuntimeError("not in this test")
    def delete_password(self, service, username):
        pass

keyring.set_keyring(Held())
original = keyfile.KeyFile.open_with_quick_secret
def noted(self, *args, **kwargs):
    fd = os.open(evaluated, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.write(fd, (pin + "\n").encode())
    os.close(fd)
    return original(self, *args, **kwargs)
keyfile.KeyFile.open_with_quick_secret = noted

while not os.path.exists(go):
    time.sleep(0.005)
try:
    unlocked = qu.unlock_with_pin(Vault(data_dir), pin)
except Exception as exc:
    print(json.dumps({"pin": pin, "outcome": type(exc).__name__}))
else:
    unlocked.lock()
    print(json.dumps({"pin": pin, "outcome": "opened"}))
"""


def _race(
    data_dir: Path, keyring_backend: InMemoryKeyring, tmp_path: Path, pins: list[str]
) -> tuple[list[str], dict[str, str]]:
    """Start one process per PIN, let them all go at once; the PINs evaluated (in the order they were, which the
    lock makes one at a time) and each PIN's outcome."""
    unlocked, _code = Vault(data_dir).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    now = dt.datetime.now()
    qu.enable_quick_unlock(unlocked, PIN, day_ends_at_hour=(now.hour + 12) % 24)
    vault_id = unlocked.identity.vault_id
    unlocked.lock()
    secret = keyring_backend.get_password(qu.SERVICE, vault_id)
    assert secret

    evaluated, go = tmp_path / "evaluated", tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(data_dir), pin, secret, vault_id, str(evaluated), str(go)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for pin in pins
    ]  # fmt: skip
    time.sleep(3)  # every racer imported and waiting
    go.touch()
    outcomes: dict[str, str] = {}
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0, err
        result = json.loads(out.strip().splitlines()[-1])
        outcomes[result["pin"]] = result["outcome"]
    tried = evaluated.read_text().split() if evaluated.exists() else []
    for pin, outcome in outcomes.items():
        if pin not in tried:  # told the PIN is off (or that the vault is open elsewhere), never evaluated
            assert outcome in {"QuickUnlockUnavailable", "VaultInUse"}, outcomes
    return tried, outcomes


def test_ten_processes_racing_get_at_most_three_tries_evaluated(
    tmp_data_dir: Path, keyring_backend: InMemoryKeyring, tmp_path: Path
) -> None:
    tried, outcomes = _race(tmp_data_dir, keyring_backend, tmp_path, [*WRONG, "999990"])
    assert len(tried) == qu.MAX_FAILURES, outcomes  # before the fix: all ten
    assert "opened" not in outcomes.values()
    # Three wrong PINs: the wrap and the keyring half are gone for good.
    assert qu.quick_unlock_status(Vault(tmp_data_dir)).reason == qu.TOO_MANY_TRIES


def test_the_right_pin_racing_nine_wrong_ones_opens_only_within_the_first_three(
    tmp_data_dir: Path, keyring_backend: InMemoryKeyring, tmp_path: Path
) -> None:
    """The issue's attack: nine wrong PINs and, ninth or so, the right one. Tries are evaluated one at a time; the
    right PIN is evaluated (and opens) only if it comes within the first three. A success starts the count again,
    which gives nothing to someone who does not know the PIN: they would need it to be evaluated in the first place."""
    tried, outcomes = _race(tmp_data_dir, keyring_backend, tmp_path, [*WRONG, PIN])
    before_right = tried[: tried.index(PIN)] if PIN in tried else tried
    assert len(before_right) <= qu.MAX_FAILURES, outcomes
    if PIN in tried:
        assert tried.index(PIN) < qu.MAX_FAILURES and outcomes[PIN] == "opened"
        assert len(tried) <= 2 * qu.MAX_FAILURES  # after it, at most three more before the wrap is destroyed
    else:
        assert outcomes[PIN] == "QuickUnlockUnavailable"


def test_a_wrap_whose_day_has_ended_does_not_unwrap_and_nothing_is_derived(
    tmp_data_dir: Path, keyring_backend: InMemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    morning = dt.datetime(2030, 3, 4, 9, 30)
    unlocked, _code = Vault(tmp_data_dir).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    qu.enable_quick_unlock(unlocked, PIN, now=morning, day_ends_at_hour=18)
    vault_id = unlocked.identity.vault_id
    unlocked.lock()
    secret = PIN.encode() + __import__("base64").b64decode(keyring_backend.get_password(qu.SERVICE, vault_id))
    kf = keyfile.load(Vault(tmp_data_dir).key_path)

    # Before the day ends, the very same secret opens it.
    dk = kf.open_with_quick_secret(secret, now=morning)
    assert dk is not None and len(dk) == 32

    derived: list[object] = []
    real_derive = kdf.derive
    monkeypatch.setattr(kdf, "derive", lambda *a, **k: derived.append(a) or real_derive(*a, **k))
    evening = dt.datetime(2030, 3, 4, 18, 0, 1)
    with pytest.raises(keyfile.QuickWrapExpired):
        kf.open_with_quick_secret(secret, now=evening)
    assert derived == []  # refused before any derivation, even with the right PIN and the keyring half

    # Writing a later day into the file does not help: the day is part of the wrap's associated data.
    assert kf.quick_wrap is not None
    kf.quick_wrap = {**kf.quick_wrap, "expires_at": "2030-03-05T18:00:00" + kf.quick_wrap["expires_at"][19:]}
    assert kf.open_with_quick_secret(secret, now=evening) is None

    # Through the front door: the PIN is refused as expired and both halves are destroyed.
    with pytest.raises(qu.QuickUnlockUnavailable, match="end of the working day"):
        qu.unlock_with_pin(Vault(tmp_data_dir), PIN, now=evening)
    assert keyring_backend.get_password(qu.SERVICE, vault_id) is None
