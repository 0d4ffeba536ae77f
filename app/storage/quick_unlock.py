"""Same-day quick unlock: a short PIN plus a random secret in the OS keyring wrap the data key until the day ends.

    PIN digits + 32 random bytes (OS keyring) --Argon2id (floor)--> KEK --AES-256-GCM (header, expiry as AAD)--> DK

Neither half opens the vault alone: the key file holds the wrap but not the keyring secret, the keyring holds the
secret but not the PIN. Three wrong PINs, the end of the working day, a passphrase change or a quick exit destroy the
wrap (both halves), and then the passphrase is needed again. A machine with no working keyring (``NoKeyringError`` on
a headless Linux, for one) simply has no quick unlock; that is a reason to show, never a crash.

After the wrap is destroyed for a reason the person should hear about (three wrong PINs, the end of the day), the
key file keeps a small marker with no key material (``{"ended": ..., "at": ...}``) so the unlock screen can say why.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import logging
import os
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from app.core.i18n import N_, _, ngettext
from app.errors import KeyFileDamaged, VaultError
from app.storage import keyfile

if TYPE_CHECKING:
    from app.storage.vault import UnlockedVault, Vault

log = logging.getLogger(__name__)

#: The keyring entry: service name, and the vault id as the user name.
SERVICE = "Offramp quick unlock"
SECRET_BYTES = 32
MAX_FAILURES = 3
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
#: How long after it was destroyed the unlock screen still says why ("three wrong PINs"); later it is just "off".
REASON_KEPT_FOR = dt.timedelta(hours=18)

_PIN = re.compile(rf"[0-9]{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")

# Reasons, in plain words (shown on the unlock screen and in settings).
READY = N_("Quick unlock is on until {time}.")
NOT_SET_UP = N_("Quick unlock is not set up.")
EXPIRED = N_("The PIN stopped working at the end of the working day. Please type your passphrase.")
NO_KEYRING = N_(
    "Quick unlock is not available on this computer: it has no working system keyring to keep the PIN's secret in."
)
TOO_MANY_TRIES = N_("The PIN was turned off after three wrong tries. Please type your passphrase.")
KEYRING_HALF_GONE = N_(
    "The PIN no longer works on this computer: its secret is gone from the system keyring. "
    "Please type your passphrase."
)
BAD_PIN = N_("A PIN is {low} to {high} digits, with no letters or spaces.")

# Markers left in place of a destroyed wrap, and the reason each one gives.
_ENDED_REASONS = {"expired": EXPIRED, "too_many_tries": TOO_MANY_TRIES, "secret_missing": KEYRING_HALF_GONE}


class WrongPin(VaultError):
    """The PIN did not open the wrap. ``tries_left`` is 0 when the wrap has just been destroyed."""

    code = "wrong_pin"

    def __init__(self, message: str, *, tries_left: int) -> None:
        super().__init__(message)
        self.tries_left = tries_left


class QuickUnlockUnavailable(VaultError):
    """Quick unlock cannot be used now (not set up, expired, no keyring...); ``message`` says why."""

    code = "quick_unlock_unavailable"


class InvalidPin(VaultError):
    """Not a PIN at all (too short, letters): nothing was tried or counted."""

    code = "invalid_pin"


class QuickUnlockStatus(NamedTuple):
    available: bool
    reason: str


# --- small pieces --------------------------------------------------------------------------------------------------


def check_pin(pin: str) -> str:
    """The PIN as it will be used (surrounding spaces dropped), or :class:`InvalidPin`."""
    cleaned = pin.strip()
    if not _PIN.fullmatch(cleaned):
        raise InvalidPin(_(BAD_PIN).format(low=PIN_MIN_DIGITS, high=PIN_MAX_DIGITS))
    return cleaned


def local_now(now: dt.datetime | None = None) -> dt.datetime:
    """``now`` (a naive time is taken as local) or the current time, as an aware local time."""
    return (now if now is not None else dt.datetime.now()).astimezone()


def day_end(now: dt.datetime | None, day_ends_at_hour: int) -> dt.datetime:
    """When the working day that ``now`` belongs to ends: the next ``day_ends_at_hour``:00, local wall-clock time.

    An hour after midnight (say 2) suits a night shift: a PIN chosen at 20:00 lasts until 02:00.
    """
    if not 0 <= day_ends_at_hour <= 23:
        raise ValueError("day_ends_at_hour must be 0-23")
    wall = local_now(now).replace(tzinfo=None)
    end = wall.replace(hour=day_ends_at_hour, minute=0, second=0, microsecond=0)
    if end <= wall:
        end += dt.timedelta(days=1)
    return end.astimezone()  # naive local wall time -> aware, with the right offset even across a DST change


def _parse_time(value: Any) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _is_live(wrap: dict[str, Any] | None) -> bool:
    return isinstance(wrap, dict) and "ct" in wrap


# --- the keyring half ------------------------------------------------------------------------------------------


class _NoKeyring(Exception):
    """Internal: the keyring raised or is not a real OS keyring."""


def _keyring() -> Any:
    """The keyring package, imported on first use: start-up never pays for finding the OS keyring."""
    import keyring
    import keyring.errors

    return keyring


def _backend_is_usable() -> bool:
    backend = _keyring().get_keyring()
    module = type(backend).__module__
    # The fail and null backends are what keyring picks when there is none; keyrings.alt keeps secrets in a
    # plain file, which is no keyring at all for our purpose (DESIGN.md section 7).
    return not (
        module.startswith("keyring.backends.fail")
        or module.startswith("keyring.backends.null")
        or module.startswith("keyrings.alt")
    )


def _keyring_call(fn: Any, *args: str) -> Any:
    try:
        if not _backend_is_usable():
            raise _NoKeyring
        return fn(SERVICE, *args)
    except _NoKeyring:
        raise
    except _keyring().errors.PasswordDeleteError:
        return None  # nothing there to delete: fine
    except Exception as exc:  # any backend failure (NoKeyringError, D-Bus, a locked keychain) means "no keyring"
        log.warning("keyring unavailable: %s", type(exc).__name__)
        raise _NoKeyring from None


def _get_secret(vault_id: str) -> bytes | None:
    text = _keyring_call(_keyring().get_password, vault_id)
    if text is None:
        return None
    try:
        secret = base64.b64decode(str(text).encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return secret if len(secret) == SECRET_BYTES else None


def _put_secret(vault_id: str, secret: bytes) -> None:
    text = base64.b64encode(secret).decode("ascii")
    _keyring_call(_keyring().set_password, vault_id, text)
    if _keyring_call(_keyring().get_password, vault_id) != text:  # a keyring that forgets is no keyring
        forget_keyring_secret(vault_id)
        raise _NoKeyring


def forget_keyring_secret(vault_id: str) -> None:
    """Delete the keyring half for this vault, if there is one and a keyring to ask. Never raises."""
    with contextlib.suppress(_NoKeyring):
        _keyring_call(_keyring().delete_password, vault_id)


def keyring_problem() -> str | None:
    """``None`` when this computer has a working keyring, else the reason quick unlock is unavailable."""
    try:
        _keyring_call(_keyring().get_password, "offramp-keyring-check")
    except _NoKeyring:
        return _(NO_KEYRING)
    return None


# --- reading and writing the wrap --------------------------------------------------------------------------------


def _vault_of(target: Vault | UnlockedVault) -> Vault:
    from app.storage.vault import UnlockedVault

    return target.vault if isinstance(target, UnlockedVault) else target


def _read(target: Vault | UnlockedVault, *, whole: bool = False) -> tuple[str, dict[str, Any] | None]:
    """The vault id and its quick-unlock section. Raises :class:`KeyFileDamaged` for a key file that cannot be read,
    and with ``whole`` also for one with any other damaged section (then the PIN is not offered: the way out is)."""
    from app.storage.vault import UnlockedVault

    if isinstance(target, UnlockedVault):
        return target.identity.vault_id, target.quick_wrap
    kf = keyfile.load(target.key_path)
    if whole and kf.damaged - {"quick_wrap"}:
        raise KeyFileDamaged(_(keyfile.DAMAGED))
    return str(kf.header.get("vault_id")), kf.quick_wrap


def _write(target: Vault | UnlockedVault, wrap: dict[str, Any] | None) -> None:
    """Replace the quick-unlock section atomically. A key file with any other damage is never rewritten: saving it
    would recompute its checksums and turn "damaged" into "wrong passphrase"."""
    from app.storage.vault import UnlockedVault

    if isinstance(target, UnlockedVault):
        target.set_quick_wrap(wrap)
        return
    kf = keyfile.load(target.key_path)
    if kf.damaged - {"quick_wrap"}:
        raise KeyFileDamaged(_(keyfile.DAMAGED), detail="not rewritten: damaged")
    if kf.quick_wrap == wrap and "quick_wrap" not in kf.damaged:
        return
    kf.quick_wrap = wrap
    kf.save(target.key_path)


def _destroy(target: Vault | UnlockedVault, vault_id: str, *, ended: str | None, now: dt.datetime) -> None:
    """Both halves go: the keyring secret first (that alone makes the wrap useless), then the wrap itself."""
    forget_keyring_secret(vault_id)
    marker = None if ended is None else {"ended": ended, "at": now.isoformat(timespec="seconds")}
    try:
        _write(target, marker)
    except (KeyFileDamaged, OSError) as exc:
        log.warning("quick-unlock wrap not removed from the key file: %s", type(exc).__name__)


# --- the public API ------------------------------------------------------------------------------------------------


def enable_quick_unlock(
    unlocked: UnlockedVault, pin: str, *, now: dt.datetime | None = None, day_ends_at_hour: int = 23
) -> dt.datetime:
    """After a full passphrase unlock: wrap the data key under ``pin`` + a new keyring secret until the day ends.

    Returns when the PIN stops working. Raises :class:`InvalidPin` or :class:`QuickUnlockUnavailable`
    (no working keyring); then nothing was written anywhere.
    """
    pin = check_pin(pin)
    vault_id = unlocked.identity.vault_id
    expires = day_end(now, day_ends_at_hour)
    keyring_half = bytearray(os.urandom(SECRET_BYTES))
    secret = bytearray(pin.encode("ascii")) + keyring_half
    try:
        header_only = keyfile.KeyFile(header=dict(unlocked._keyfile.header))  # the AAD every wrap is bound to
        wrap = header_only.make_quick_wrap(
            unlocked._data_key(), bytes(secret), expires_at=expires.isoformat(timespec="seconds")
        )
        try:
            _put_secret(vault_id, bytes(keyring_half))
        except _NoKeyring:
            raise QuickUnlockUnavailable(_(NO_KEYRING)) from None
        try:
            unlocked.set_quick_wrap(wrap)
        except BaseException:
            forget_keyring_secret(vault_id)
            raise
    finally:
        _zero(secret)
        _zero(keyring_half)
    return expires


def quick_unlock_status(vault: Vault | UnlockedVault, now: dt.datetime | None = None) -> QuickUnlockStatus:
    """Whether the PIN can be offered now, and why not in plain words. Cleans up a wrap that can never work again."""
    now = local_now(now)
    target = vault
    if not _vault_of(target).key_path.exists():
        return QuickUnlockStatus(False, _(NOT_SET_UP))
    try:
        vault_id, wrap = _read(target, whole=True)
    except KeyFileDamaged as exc:
        return QuickUnlockStatus(False, exc.message)
    except OSError:
        return QuickUnlockStatus(False, _(NOT_SET_UP))
    if wrap is None:
        return QuickUnlockStatus(False, _(NOT_SET_UP))
    if not _is_live(wrap):
        ended_at = _parse_time(wrap.get("at"))
        reason = _ENDED_REASONS.get(str(wrap.get("ended")))
        if reason is None or ended_at is None or now - ended_at > REASON_KEPT_FOR:
            return QuickUnlockStatus(False, _(NOT_SET_UP))
        return QuickUnlockStatus(False, _(reason))
    expires = _parse_time(wrap.get("expires_at"))
    if expires is None or now >= expires:
        _destroy(target, vault_id, ended="expired", now=now)
        return QuickUnlockStatus(False, _(EXPIRED))
    try:
        secret = _get_secret(vault_id)
    except _NoKeyring:
        return QuickUnlockStatus(False, _(NO_KEYRING))  # the keyring may come back: keep the wrap until the day ends
    if secret is None:
        _destroy(target, vault_id, ended="secret_missing", now=now)
        return QuickUnlockStatus(False, _(KEYRING_HALF_GONE))
    return QuickUnlockStatus(True, _(READY).format(time=f"{expires:%H:%M}"))


def unlock_with_pin(vault: Vault, pin: str, now: dt.datetime | None = None) -> UnlockedVault:
    """Open the vault with the day's PIN. Raises :class:`WrongPin` ("2 tries left"), :class:`InvalidPin`,
    :class:`QuickUnlockUnavailable` (then the passphrase is needed), or any error a passphrase unlock can raise.

    Each try is counted in the key file under an exclusive lock before it is evaluated, and the lock is held until
    the try's outcome is written: processes racing each other are served one at a time, so however many try at
    once, at most :data:`MAX_FAILURES` PINs are ever evaluated against one wrap.
    """
    now = local_now(now)
    pin = check_pin(pin)
    vault._require()
    with _tries_lock(vault):
        kf, dk = _counted_try(vault, pin, now)
    return vault._open(kf, dk, full_check=False)  # zeroes dk itself when opening fails


def _counted_try(vault: Vault, pin: str, now: dt.datetime) -> tuple[keyfile.KeyFile, bytearray]:
    """One try at the PIN, under :func:`_tries_lock`: the key file is read afresh, so no count is lost."""
    kf = keyfile.load(vault.key_path)
    vault_id = str(kf.header.get("vault_id"))
    wrap = kf.quick_wrap
    if not _is_live(wrap):
        raise QuickUnlockUnavailable(quick_unlock_status(vault, now).reason)
    assert wrap is not None
    if kf.damaged - {"quick_wrap"}:
        raise KeyFileDamaged(_(keyfile.DAMAGED))  # the way out is the recovery code, never a rewrite of this file
    expires = _parse_time(wrap.get("expires_at"))
    if expires is None or now >= expires:
        _destroy(vault, vault_id, ended="expired", now=now)
        raise QuickUnlockUnavailable(_(EXPIRED))
    failures = wrap.get("failures", 0)
    failures = failures if isinstance(failures, int) and failures >= 0 else MAX_FAILURES - 1
    if failures >= MAX_FAILURES:  # tries counted by a process that stopped before it could destroy the wrap
        _destroy(vault, vault_id, ended="too_many_tries", now=now)
        raise QuickUnlockUnavailable(_(TOO_MANY_TRIES))
    try:
        keyring_half = _get_secret(vault_id)
    except _NoKeyring:
        raise QuickUnlockUnavailable(_(NO_KEYRING)) from None
    if keyring_half is None:
        _destroy(vault, vault_id, ended="secret_missing", now=now)
        raise QuickUnlockUnavailable(_(KEYRING_HALF_GONE))

    # Count the try before making it, so stopping the program mid-try cannot give a free guess.
    _write(vault, {**wrap, "failures": failures + 1})
    secret = bytearray(pin.encode("ascii")) + bytearray(keyring_half)
    try:
        dk = kf.open_with_quick_secret(bytes(secret), now=now)
    except keyfile.QuickWrapExpired:
        _destroy(vault, vault_id, ended="expired", now=now)
        raise QuickUnlockUnavailable(_(EXPIRED)) from None
    finally:
        _zero(secret)
    if dk is None:
        left = MAX_FAILURES - (failures + 1)
        if left <= 0:
            _destroy(vault, vault_id, ended="too_many_tries", now=now)
            raise WrongPin(
                _(
                    "That PIN is not right, and that was the third try, so the PIN is now turned off. "
                    "Please type your passphrase."
                ),
                tries_left=0,
            )
        raise WrongPin(
            ngettext(
                "That PIN is not right. {n} try left before the passphrase is needed.",
                "That PIN is not right. {n} tries left before the passphrase is needed.",
                left,
            ).format(n=left),
            tries_left=left,
        )
    try:
        _write(vault, {**wrap, "failures": 0})
        kf = keyfile.load(vault.key_path)
    except BaseException:
        _zero(dk)
        raise
    return kf, dk


#: Windows only (a folder cannot be locked there): held while one try at the PIN is counted, evaluated and written.
TRIES_LOCK_NAME = "quick-unlock.lock"


@contextlib.contextmanager
def _tries_lock(vault: Vault) -> Iterator[None]:
    """An exclusive OS lock, waited for (not refused, as the vault's instance lock is): a try takes well under a
    second, and the OS drops the lock if the process dies mid-try.

    On Linux and macOS the vault's folder itself is locked, so a try leaves no file behind (a damaged key file's
    folder must stay exactly as it was). The key file cannot be the lock: it is replaced, not rewritten, on every
    count, and a lock on the old file would not keep out a process that opened the new one.
    """
    if sys.platform == "win32":
        import msvcrt

        fd = os.open(vault.data_dir / TRIES_LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            while True:
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # retries for about ten seconds, then raises
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)
        return
    import fcntl

    fd = os.open(vault.data_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def forget_quick_unlock(target: Vault | UnlockedVault) -> None:
    """Destroy both halves now (quick exit, passphrase change, quick unlock switched off). Never raises for a
    missing keyring or a damaged key file; pass the :class:`UnlockedVault` when the vault is open."""
    folder = _vault_of(target)
    try:
        vault_id, wrap = _read(target)
    except (KeyFileDamaged, OSError):
        return  # nothing readable to clear; without its vault id there is no keyring entry to find either
    forget_keyring_secret(vault_id)
    if wrap is not None and folder.key_path.exists():
        try:
            _write(target, None)
        except (KeyFileDamaged, OSError) as exc:
            log.warning("quick-unlock wrap not removed from the key file: %s", type(exc).__name__)


def _zero(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


__all__ = [
    "MAX_FAILURES",
    "SERVICE",
    "InvalidPin",
    "QuickUnlockStatus",
    "QuickUnlockUnavailable",
    "WrongPin",
    "check_pin",
    "day_end",
    "enable_quick_unlock",
    "forget_keyring_secret",
    "forget_quick_unlock",
    "keyring_problem",
    "quick_unlock_status",
    "unlock_with_pin",
]
