"""Same-day quick unlock against a real SQLCipher vault: the PIN and the keyring secret together, never alone."""

from __future__ import annotations

import datetime as dt
import json
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, NoKeyringError

from app.errors import KeyFileDamaged
from app.storage import keyfile
from app.storage import quick_unlock as qu
from app.storage.kdf import KdfParams
from app.storage.vault import UnlockedVault, Vault
from tests.conftest import TEST_PASSPHRASE, InMemoryKeyring, snapshot_files

PIN = "482915"
MORNING = dt.datetime(2030, 3, 4, 9, 30)  # naive: local time, as the clock on the wall says
DAY_ENDS = 18


class FailingKeyring(KeyringBackend):
    """What a headless Linux gives you: every call raises (NoKeyringError by default)."""

    priority = 1

    def __init__(self, error: type[Exception] = NoKeyringError) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error("no keyring here")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error("no keyring here")

    def delete_password(self, service: str, username: str) -> None:
        raise self.error("no keyring here")


@pytest.fixture
def unlocked(tmp_data_dir: Path, keyring_backend: InMemoryKeyring) -> Iterator[UnlockedVault]:
    opened, _code = Vault(tmp_data_dir).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    yield opened
    opened.lock()


@pytest.fixture
def no_keyring(keyring_backend: InMemoryKeyring) -> Iterator[FailingKeyring]:
    failing = FailingKeyring()
    keyring.set_keyring(failing)
    try:
        yield failing
    finally:
        keyring.set_keyring(keyring_backend)


def enabled_and_locked(unlocked: UnlockedVault, *, now: dt.datetime = MORNING) -> Vault:
    qu.enable_quick_unlock(unlocked, PIN, now=now, day_ends_at_hour=DAY_ENDS)
    unlocked.lock()
    return unlocked.vault


def key_body(vault: Vault) -> dict:  # type: ignore[type-arg]
    return json.loads(vault.key_path.read_text())


def keyring_key(vault: Vault) -> tuple[str, str]:
    return qu.SERVICE, keyfile.load(vault.key_path).header["vault_id"]


# --- the happy path ------------------------------------------------------------------------------------------------


def test_enable_then_unlock_with_the_pin(unlocked: UnlockedVault, keyring_backend: InMemoryKeyring) -> None:
    expires = qu.enable_quick_unlock(unlocked, PIN, now=MORNING, day_ends_at_hour=DAY_ENDS)
    assert expires.replace(tzinfo=None) == dt.datetime(2030, 3, 4, 18, 0)
    vault = unlocked.vault
    unlocked.lock()

    wrap = key_body(vault)["quick_wrap"]
    assert set(wrap) >= {"salt", "nonce", "ct", "expires_at", "failures"}
    assert wrap["failures"] == 0
    assert wrap["params"] == KdfParams.floor().to_dict()
    assert stat.S_IMODE(vault.key_path.stat().st_mode) == 0o600
    assert keyring_key(vault) in keyring_backend.secrets  # the other half
    assert PIN not in vault.key_path.read_text()

    assert qu.quick_unlock_status(vault, MORNING) == (True, "Quick unlock is on until 18:00.")
    opened = qu.unlock_with_pin(vault, PIN, MORNING + dt.timedelta(hours=1))
    try:
        assert opened.is_open
        assert opened.identity.vault_id == keyring_key(vault)[1]
    finally:
        opened.lock()
    # The PIN keeps working for the rest of the day.
    qu.unlock_with_pin(vault, f" {PIN} ", MORNING + dt.timedelta(hours=2)).lock()


def test_the_passphrase_still_works_beside_the_pin(unlocked: UnlockedVault) -> None:
    vault = enabled_and_locked(unlocked)
    vault.unlock(TEST_PASSPHRASE).lock()
    assert qu.quick_unlock_status(vault, MORNING).available


def test_a_wrong_pin_then_the_right_one_starts_the_count_again(unlocked: UnlockedVault) -> None:
    vault = enabled_and_locked(unlocked)
    with pytest.raises(qu.WrongPin) as err:
        qu.unlock_with_pin(vault, "0000", MORNING)
    assert err.value.tries_left == 2
    assert "2 tries left" in err.value.message
    assert key_body(vault)["quick_wrap"]["failures"] == 1
    qu.unlock_with_pin(vault, PIN, MORNING).lock()
    assert key_body(vault)["quick_wrap"]["failures"] == 0


# --- neither half alone ----------------------------------------------------------------------------------------


def test_the_key_file_without_the_keyring_secret_cannot_open_it(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring
) -> None:
    vault = enabled_and_locked(unlocked)
    del keyring_backend.secrets[keyring_key(vault)]

    available, reason = qu.quick_unlock_status(vault, MORNING)
    assert not available
    assert "secret is gone from the system keyring" in reason
    with pytest.raises(qu.QuickUnlockUnavailable):
        qu.unlock_with_pin(vault, PIN, MORNING)
    assert "ct" not in (key_body(vault)["quick_wrap"] or {})  # the useless half was cleared away too


def test_neither_the_pin_nor_the_keyring_secret_alone_unwraps(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring
) -> None:
    import base64

    vault = enabled_and_locked(unlocked)
    kf = keyfile.load(vault.key_path)
    keyring_half = base64.b64decode(keyring_backend.secrets[keyring_key(vault)])
    assert kf.open_with_quick_secret(keyring_half) is None
    assert kf.open_with_quick_secret(PIN.encode()) is None
    assert kf.open_with_quick_secret(PIN.encode() + bytes(32)) is None
    dk = kf.open_with_quick_secret(PIN.encode() + keyring_half)
    assert dk is not None and len(dk) == 32


def test_moving_the_expiry_in_the_file_breaks_the_wrap(unlocked: UnlockedVault) -> None:
    vault = enabled_and_locked(unlocked)
    body = key_body(vault)
    later = dt.datetime.fromisoformat(body["quick_wrap"]["expires_at"]) + dt.timedelta(days=30)
    kf = keyfile.load(vault.key_path)
    assert kf.quick_wrap is not None
    kf.quick_wrap["expires_at"] = later.isoformat(timespec="seconds")
    kf.save(vault.key_path)  # with fresh checksums, as someone editing it carefully would
    with pytest.raises(qu.WrongPin):
        qu.unlock_with_pin(vault, PIN, MORNING + dt.timedelta(days=10))


# --- three wrong PINs ------------------------------------------------------------------------------------------


def test_three_wrong_pins_destroy_the_wrap_and_the_keyring_entry(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring
) -> None:
    vault = enabled_and_locked(unlocked)
    entry = keyring_key(vault)
    left = []
    for wrong in ("1111", "2222", "3333"):
        with pytest.raises(qu.WrongPin) as err:
            qu.unlock_with_pin(vault, wrong, MORNING)
        left.append(err.value.tries_left)
    assert left == [2, 1, 0]
    assert "passphrase" in err.value.message

    assert entry not in keyring_backend.secrets
    wrap = key_body(vault)["quick_wrap"]
    assert not {"salt", "nonce", "ct"} & set(wrap)  # only the "why" marker is left
    assert qu.quick_unlock_status(vault, MORNING) == (False, qu.TOO_MANY_TRIES)
    with pytest.raises(qu.QuickUnlockUnavailable) as gone:
        qu.unlock_with_pin(vault, PIN, MORNING)  # even the right PIN, now
    assert gone.value.message == qu.TOO_MANY_TRIES
    # The marker says why for a while, then quick unlock is simply "not set up".
    assert qu.quick_unlock_status(vault, MORNING + dt.timedelta(days=1)) == (False, qu.NOT_SET_UP)
    vault.unlock(TEST_PASSPHRASE).lock()


def test_something_that_is_not_a_pin_is_not_counted(unlocked: UnlockedVault) -> None:
    vault = enabled_and_locked(unlocked)
    for bad in ("123", "12a4", "1234567890123", "", "١٢٣٤"):  # the last: Arabic-Indic digits
        with pytest.raises(qu.InvalidPin):
            qu.unlock_with_pin(vault, bad, MORNING)
    assert key_body(vault)["quick_wrap"]["failures"] == 0
    opened = vault.unlock(TEST_PASSPHRASE)
    try:
        with pytest.raises(qu.InvalidPin):
            qu.enable_quick_unlock(opened, "12", now=MORNING)
    finally:
        opened.lock()
    assert key_body(vault)["quick_wrap"]["failures"] == 0


# --- the end of the day ----------------------------------------------------------------------------------------


def test_the_pin_stops_working_at_the_end_of_the_day(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring
) -> None:
    vault = enabled_and_locked(unlocked)
    entry = keyring_key(vault)
    assert qu.quick_unlock_status(vault, dt.datetime(2030, 3, 4, 17, 59)).available
    qu.unlock_with_pin(vault, PIN, dt.datetime(2030, 3, 4, 17, 59)).lock()

    with pytest.raises(qu.QuickUnlockUnavailable) as err:
        qu.unlock_with_pin(vault, PIN, dt.datetime(2030, 3, 4, 18, 0))
    assert err.value.message == qu.EXPIRED
    assert entry not in keyring_backend.secrets
    assert "ct" not in key_body(vault)["quick_wrap"]
    assert qu.quick_unlock_status(vault, dt.datetime(2030, 3, 4, 18, 5)) == (False, qu.EXPIRED)


def test_status_alone_clears_an_expired_wrap(unlocked: UnlockedVault, keyring_backend: InMemoryKeyring) -> None:
    vault = enabled_and_locked(unlocked)
    entry = keyring_key(vault)
    assert qu.quick_unlock_status(vault, dt.datetime(2030, 3, 5, 8, 0)) == (False, qu.EXPIRED)
    assert entry not in keyring_backend.secrets


def test_when_the_day_ends() -> None:
    assert qu.day_end(dt.datetime(2030, 3, 4, 9, 30), 18).replace(tzinfo=None) == dt.datetime(2030, 3, 4, 18)
    assert qu.day_end(dt.datetime(2030, 3, 4, 18, 0), 18).replace(tzinfo=None) == dt.datetime(2030, 3, 5, 18)
    # A night shift: the day ends at 02:00 the next morning.
    assert qu.day_end(dt.datetime(2030, 3, 4, 20, 0), 2).replace(tzinfo=None) == dt.datetime(2030, 3, 5, 2)
    with pytest.raises(ValueError):
        qu.day_end(MORNING, 24)


# --- passphrase change, quick exit -----------------------------------------------------------------------------


def test_a_passphrase_change_destroys_both_halves(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring
) -> None:
    qu.enable_quick_unlock(unlocked, PIN, now=MORNING, day_ends_at_hour=DAY_ENDS)
    entry = keyring_key(unlocked.vault)
    unlocked.change_passphrase(TEST_PASSPHRASE, "another long passphrase", kdf_params=KdfParams.floor())
    assert key_body(unlocked.vault)["quick_wrap"] is None
    assert entry not in keyring_backend.secrets
    vault = unlocked.vault
    unlocked.lock()
    assert qu.quick_unlock_status(vault, MORNING) == (False, qu.NOT_SET_UP)


@pytest.mark.parametrize("while_open", [True, False], ids=["unlocked", "locked"])
def test_forget_destroys_both_halves(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring, while_open: bool
) -> None:
    qu.enable_quick_unlock(unlocked, PIN, now=MORNING, day_ends_at_hour=DAY_ENDS)
    vault = unlocked.vault
    entry = keyring_key(vault)
    if while_open:
        qu.forget_quick_unlock(unlocked)
        assert unlocked.quick_wrap is None  # and the open vault will not write the old wrap back
        unlocked.new_recovery_code()
        unlocked.lock()
    else:
        unlocked.lock()
        qu.forget_quick_unlock(vault)
    assert key_body(vault)["quick_wrap"] is None
    assert entry not in keyring_backend.secrets
    with pytest.raises(qu.QuickUnlockUnavailable):
        qu.unlock_with_pin(vault, PIN, MORNING)


def test_a_damaged_key_file_is_never_rewritten_by_a_pin_try(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring
) -> None:
    vault = enabled_and_locked(unlocked)
    body = key_body(vault)
    ct = bytearray(keyfile._unb64(body["pass_wrap"]["ct"]))
    ct[3] ^= 0x40
    body["pass_wrap"]["ct"] = keyfile._b64(bytes(ct))
    vault.key_path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n")
    before = snapshot_files(vault.data_dir)
    available, reason = qu.quick_unlock_status(vault, MORNING)
    assert not available and reason == keyfile.DAMAGED  # the way out is offered, not the PIN
    with pytest.raises(KeyFileDamaged):
        qu.unlock_with_pin(vault, "0000", MORNING)
    with pytest.raises(KeyFileDamaged):
        qu.unlock_with_pin(vault, PIN, MORNING)
    assert snapshot_files(vault.data_dir) == before
    # A quick exit on that computer still removes the keyring half (the file is left alone).
    qu.forget_quick_unlock(vault)
    assert snapshot_files(vault.data_dir) == before
    assert keyring_key(vault) not in keyring_backend.secrets


# --- no working keyring ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("error", [NoKeyringError, KeyringError, RuntimeError], ids=lambda e: e.__name__)
def test_no_keyring_means_unavailable_with_the_reason(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring, error: type[Exception]
) -> None:
    keyring.set_keyring(FailingKeyring(error))
    try:
        assert qu.keyring_problem() == qu.NO_KEYRING
        before = snapshot_files(unlocked.vault.data_dir)
        with pytest.raises(qu.QuickUnlockUnavailable) as err:
            qu.enable_quick_unlock(unlocked, PIN, now=MORNING)
        assert "no working system keyring" in err.value.message
        assert snapshot_files(unlocked.vault.data_dir) == before  # nothing written
        qu.forget_quick_unlock(unlocked)  # quick exit on such a machine: no crash
        unlocked.set_passphrase("another long passphrase", kdf_params=KdfParams.floor())  # nor here
    finally:
        keyring.set_keyring(keyring_backend)


def test_a_keyring_that_breaks_later_keeps_the_wrap_for_when_it_is_back(
    unlocked: UnlockedVault, keyring_backend: InMemoryKeyring
) -> None:
    vault = enabled_and_locked(unlocked)
    keyring.set_keyring(FailingKeyring())
    try:
        assert qu.quick_unlock_status(vault, MORNING) == (False, qu.NO_KEYRING)
        with pytest.raises(qu.QuickUnlockUnavailable) as err:
            qu.unlock_with_pin(vault, PIN, MORNING)
        assert err.value.message == qu.NO_KEYRING
    finally:
        keyring.set_keyring(keyring_backend)
    qu.unlock_with_pin(vault, PIN, MORNING).lock()


def test_the_fail_backend_keyring_picks_on_a_headless_machine_counts_as_none(
    keyring_backend: InMemoryKeyring,
) -> None:
    from keyring.backends import fail, null

    assert qu.keyring_problem() is None
    for backend in (fail.Keyring(), null.Keyring()):
        keyring.set_keyring(backend)
        try:
            assert qu.keyring_problem() == qu.NO_KEYRING
        finally:
            keyring.set_keyring(keyring_backend)


def test_not_set_up(tmp_path: Path, unlocked: UnlockedVault) -> None:
    assert qu.quick_unlock_status(Vault(tmp_path / "nothing-here"), MORNING) == (False, qu.NOT_SET_UP)
    assert qu.quick_unlock_status(unlocked, MORNING) == (False, qu.NOT_SET_UP)
    with pytest.raises(qu.QuickUnlockUnavailable):
        qu.unlock_with_pin(unlocked.vault, PIN, MORNING)
