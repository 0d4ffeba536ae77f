"""The vault key file (``vault.key``): who the vault belongs to and the data key, wrapped several ways.

Layout (JSON, no secrets in clear)::

    {"format": "offramp-vault-key", "version": 1,
     "header": {vault_id, kind, office_id, user_id, device_id, team_id, regime, created_at},
     "pass_wrap": {kdf params, salt, nonce, ct},        passphrase --Argon2id--> KEK --AES-256-GCM--> DK
     "recovery_wrap": {"kind": "code", ...} | {"kind": "office", public_key, sealed},
     "quick_wrap": null | {...},
     "checksums": {section: sha256 of its canonical JSON}}

The header is the AES-GCM associated data of every wrap, so moving a wrap to another vault's header fails. The
per-section checksums tell a damaged file apart from a wrong passphrase (both would otherwise fail the same GCM tag)
and let the recovery code still work when only the passphrase wrap is damaged.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from app.core.i18n import N_, _
from app.errors import KeyFileDamaged, WrongPassphrase, WrongRecoveryCode
from app.memory import wipe_bytes
from app.storage import kdf
from app.storage.atomic import atomic_write_bytes

FORMAT = "offramp-vault-key"
VERSION = 1
SECTIONS = ("header", "pass_wrap", "recovery_wrap", "quick_wrap")

DAMAGED = N_(
    "The vault's key file is damaged, so this vault cannot be opened with the passphrase. Nothing was changed. "
    "Use the recovery code, or restore the vault from its latest backup."
)
DAMAGED_OR_WRONG = N_(
    "That passphrase did not open this vault, and the vault's key file looks damaged. Nothing was changed. "
    "If you are sure of the passphrase, use the recovery code, or restore the vault from its latest backup."
)
RECOVERY_DAMAGED = N_(
    "The recovery part of the vault's key file is damaged, so the recovery code may no longer open this vault. "
    "Make a new recovery code while the passphrase still works."
)
CHECKSUMS_DAMAGED = N_(
    "A checksum in the vault's key file does not match, though the key itself is intact and opened normally. "
    "Nothing was lost; your IT contact can run 'offramp vault check' for details."
)
DAMAGED_BEYOND = N_(
    "The vault's key file is damaged and cannot be read at all. Nothing was changed. "
    "Restore the vault from its latest backup."
)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _checksum(obj: Any) -> str:
    return hashlib.sha256(canonical(obj)).hexdigest()


def _aad(section: str, header: dict[str, Any]) -> bytes:
    return b"offramp-vault-key/v1/" + section.encode("ascii") + b"/" + canonical(header)


class QuickWrapExpired(Exception):
    """The quick-unlock wrap's day has ended: nothing was derived (app/storage/quick_unlock.py says it kindly)."""


@dataclass
class KeyFile:
    header: dict[str, Any]
    pass_wrap: dict[str, Any] | None = None
    recovery_wrap: dict[str, Any] | None = None
    quick_wrap: dict[str, Any] | None = None
    #: Sections whose checksum did not match when read (only set by :func:`load`).
    damaged: set[str] = field(default_factory=set)

    # --- serialising -------------------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "header": self.header,
            "pass_wrap": self.pass_wrap,
            "recovery_wrap": self.recovery_wrap,
            "quick_wrap": self.quick_wrap,
        }
        body["checksums"] = {s: _checksum(body[s]) for s in SECTIONS}
        return json.dumps(body, sort_keys=True, indent=1).encode("ascii") + b"\n"

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())

    # --- passphrase wrap ---------------------------------------------------------------------------------------

    def set_passphrase(self, dk: bytes | bytearray, passphrase: str, params: kdf.KdfParams) -> None:
        salt = os.urandom(kdf.SALT_BYTES)
        kek = kdf.derive_from_passphrase(passphrase, salt, params)
        try:
            nonce = os.urandom(12)
            ct = AESGCM(kek).encrypt(nonce, dk, _aad("pass_wrap", self.header))
        finally:
            _zero(kek)
        self.pass_wrap = {
            "kdf": "argon2id",
            "params": params.to_dict(),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "ct": _b64(ct),
        }

    def open_with_passphrase(self, passphrase: str) -> bytearray:
        # A checksum that does not match is no reason not to try: AES-GCM authenticates the wrap and the header
        # (its associated data) itself, so an intact wrap opens whatever became of its checksum.
        if self.pass_wrap is None:
            raise KeyFileDamaged(_(DAMAGED))
        try:
            params = kdf.KdfParams.from_dict(self.pass_wrap["params"])
            salt = _unb64(self.pass_wrap["salt"])
            nonce = _unb64(self.pass_wrap["nonce"])
            ct = _unb64(self.pass_wrap["ct"])
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileDamaged(_(DAMAGED), detail=f"pass_wrap: {type(exc).__name__}") from None
        kek = kdf.derive_from_passphrase(passphrase, salt, params)
        try:
            return _decrypt(kek, nonce, ct, _aad("pass_wrap", self.header))
        except InvalidTag:
            if "pass_wrap" in self.damaged:
                # Its checksum said so before its tag did: the wrap itself is damaged.
                raise KeyFileDamaged(_(DAMAGED), detail="pass_wrap checksum") from None
            if "header" in self.damaged:
                # The header (part of what the tag covers) or only its checksum is damaged: cannot tell which.
                raise KeyFileDamaged(_(DAMAGED_OR_WRONG), detail="header checksum") from None
            raise WrongPassphrase(
                _(
                    "That passphrase does not open this vault. "
                    "Check Caps Lock and the keyboard language, then try again."
                )
            ) from None
        finally:
            _zero(kek)

    # --- recovery wraps ----------------------------------------------------------------------------------------

    def set_recovery_code(self, dk: bytes | bytearray, secret: bytes) -> None:
        """Wrap under a printed code. The code holds 160 random bits, so the floor parameters are plenty."""
        params = kdf.KdfParams.floor()
        salt = os.urandom(kdf.SALT_BYTES)
        kek = kdf.derive(secret, salt, params)
        try:
            nonce = os.urandom(12)
            ct = AESGCM(kek).encrypt(nonce, dk, _aad("recovery_wrap", self.header))
        finally:
            _zero(kek)
        self.recovery_wrap = {
            "kind": "code",
            "kdf": "argon2id",
            "params": params.to_dict(),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "ct": _b64(ct),
        }

    def set_office_recovery(self, dk: bytes | bytearray, office_public_key: bytes) -> None:
        """Seal the data key to the office recovery key; its private half lives only on the printed kit."""
        payload = bytes(dk) + hashlib.sha256(canonical(self.header)).digest()
        sealed = SealedBox(PublicKey(office_public_key)).encrypt(payload)
        self.recovery_wrap = {"kind": "office", "public_key": _b64(office_public_key), "sealed": _b64(sealed)}

    def _recovery_section(self) -> dict[str, Any]:
        if not isinstance(self.recovery_wrap, dict):
            raise KeyFileDamaged(_(DAMAGED_BEYOND))
        return self.recovery_wrap

    def open_with_recovery_code(self, secret: bytes) -> bytearray:
        wrap = self._recovery_section()
        if wrap.get("kind") != "code":
            raise WrongRecoveryCode(
                _("This vault is recovered with the office recovery kit, not a personal code. Ask your office admin.")
            )
        try:
            params = kdf.KdfParams.from_dict(wrap["params"])
            salt, nonce, ct = _unb64(wrap["salt"]), _unb64(wrap["nonce"]), _unb64(wrap["ct"])
        except (KeyError, TypeError, ValueError):
            raise KeyFileDamaged(_(DAMAGED_BEYOND)) from None
        kek = kdf.derive(secret, salt, params)
        try:
            return _decrypt(kek, nonce, ct, _aad("recovery_wrap", self.header))
        except InvalidTag:
            if {"header", "recovery_wrap"} & self.damaged:
                raise KeyFileDamaged(_(DAMAGED_BEYOND), detail="recovery_wrap checksum") from None
            raise WrongRecoveryCode(
                _(
                    "That recovery code does not belong to this vault. "
                    "Check that it is the sheet printed for this computer."
                )
            ) from None
        finally:
            _zero(kek)

    def open_with_office_key(self, office_private_key: bytes) -> bytearray:
        wrap = self._recovery_section()
        if wrap.get("kind") != "office":
            raise WrongRecoveryCode(_("This vault was not enrolled with an office, so it has no office recovery."))
        try:
            plain = SealedBox(PrivateKey(office_private_key)).decrypt(_unb64(wrap["sealed"]))
        except (CryptoError, KeyError, ValueError):
            raise WrongRecoveryCode(_("That office recovery key does not open this vault.")) from None
        dk, bound = plain[: kdf.KEY_BYTES], plain[kdf.KEY_BYTES :]
        if bound != hashlib.sha256(canonical(self.header)).digest():
            raise WrongRecoveryCode(_("That office recovery wrap belongs to another vault."))
        return bytearray(dk)

    # --- quick-unlock wrap (same-day PIN; the rules live in app/storage/quick_unlock.py) -----------------------

    def make_quick_wrap(self, dk: bytes | bytearray, secret: bytes, *, expires_at: str) -> dict[str, Any]:
        """A wrap of ``dk`` under ``secret`` (PIN bytes + the keyring half). Returned, not stored.

        The expiry is bound into the associated data too, so moving it later breaks the wrap instead of extending it.
        """
        params = kdf.KdfParams.floor()
        salt = os.urandom(kdf.SALT_BYTES)
        kek = kdf.derive(secret, salt, params)
        try:
            nonce = os.urandom(12)
            ct = AESGCM(kek).encrypt(nonce, dk, self._quick_aad(expires_at))
        finally:
            _zero(kek)
        return {
            "kdf": "argon2id",
            "params": params.to_dict(),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "ct": _b64(ct),
            "expires_at": expires_at,
            "failures": 0,
        }

    def open_with_quick_secret(self, secret: bytes, *, now: dt.datetime | None = None) -> bytearray | None:
        """The data key, or ``None`` when ``secret`` is not the one the wrap was made with (a wrong PIN).

        A wrap whose day has ended raises :class:`QuickWrapExpired` before any key is derived; the day is also
        part of the associated data, so moving it in the file breaks the wrap instead of extending it.
        """
        wrap = self.quick_wrap
        if wrap is None:
            raise KeyFileDamaged(_(DAMAGED))
        try:
            params = kdf.KdfParams.from_dict(wrap["params"])
            salt, nonce, ct = _unb64(wrap["salt"]), _unb64(wrap["nonce"]), _unb64(wrap["ct"])
            expires_at = str(wrap["expires_at"])
            expires = dt.datetime.fromisoformat(expires_at)
        except (KeyError, TypeError, ValueError):
            raise KeyFileDamaged(_(DAMAGED), detail="quick_wrap") from None
        if expires.tzinfo is None:
            raise KeyFileDamaged(_(DAMAGED), detail="quick_wrap expiry")
        if (now if now is not None else dt.datetime.now()).astimezone() >= expires:
            raise QuickWrapExpired("the quick-unlock wrap's day has ended")
        kek = kdf.derive(secret, salt, params)
        try:
            return _decrypt(kek, nonce, ct, self._quick_aad(expires_at))
        except InvalidTag:
            return None
        finally:
            _zero(kek)

    def _quick_aad(self, expires_at: str) -> bytes:
        return _aad("quick_wrap", self.header) + b"/" + expires_at.encode("ascii")


def load(path: Path) -> KeyFile:
    """Read a key file. A file that is unreadable as a whole raises; damaged sections are noted in ``damaged``."""
    try:
        raw = Path(path).read_bytes()
        body = _parse(raw.decode("ascii"))
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise ValueError("not a key file")
        if body.get("version") != VERSION:
            raise ValueError("unknown version")
        checksums = body["checksums"]
        header = body["header"]
        if not isinstance(header, dict) or not isinstance(checksums, dict):
            raise ValueError("bad structure")
    except FileNotFoundError:
        raise
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise KeyFileDamaged(_(DAMAGED_BEYOND), detail=type(exc).__name__) from None
    # Only notes: each wrap is authenticated by its own AES-GCM tag, over the header too, so a damaged checksum
    # (the redundant part) must never stand between a person and an intact key.
    damaged = {s for s in SECTIONS if checksums.get(s) != _checksum(body.get(s))}
    return KeyFile(
        header=header,
        pass_wrap=body.get("pass_wrap"),
        recovery_wrap=body.get("recovery_wrap"),
        quick_wrap=body.get("quick_wrap") if "quick_wrap" not in damaged else None,
        damaged=damaged,
    )


def _parse(text: str) -> Any:
    """The key file's JSON. When one damaged byte in the checksums (the redundant part) breaks the JSON itself, the
    rest is read without them: every section then counts as unverified, and each wrap's own tag still decides."""
    try:
        return json.loads(text)
    except ValueError:
        without, found = re.subn(r'"checksums"\s*:\s*\{[^{}]*\}\s*,?', "", text, count=1)
        if not found:
            raise
        body = json.loads(without)
        if isinstance(body, dict):
            body["checksums"] = {}
        return body


def recovery_wrap_problem(kf: KeyFile) -> str | None:
    """A sentence when the recovery wrap is missing, malformed or fails its checksum (the code may no longer work);
    None when it looks sound. Without the code itself this is as far as anyone can check."""
    wrap = kf.recovery_wrap
    if not isinstance(wrap, dict):
        return _(RECOVERY_DAMAGED)
    try:
        if wrap.get("kind") == "code":
            kdf.KdfParams.from_dict(wrap["params"])
            if len(_unb64(wrap["salt"])) != kdf.SALT_BYTES or len(_unb64(wrap["nonce"])) != 12:
                raise ValueError("sizes")
            if len(_unb64(wrap["ct"])) != kdf.KEY_BYTES + 16:
                raise ValueError("ciphertext size")
        elif wrap.get("kind") == "office":
            if len(_unb64(wrap["public_key"])) != 32 or not _unb64(wrap["sealed"]):
                raise ValueError("office wrap")
        else:
            raise ValueError("kind")
    except (KeyError, TypeError, ValueError):
        return _(RECOVERY_DAMAGED)
    return _(RECOVERY_DAMAGED) if "recovery_wrap" in kf.damaged else None


def key_file_notes(kf: KeyFile) -> list[str]:
    """After the passphrase opened ``kf`` (so its header and passphrase wrap are intact): what is still worth
    saying about the file, one sentence each; [] for a sound file."""
    notes: list[str] = []
    recovery_problem = recovery_wrap_problem(kf)
    if recovery_problem:
        notes.append(recovery_problem)
    if kf.damaged - {"recovery_wrap", "quick_wrap"}:
        notes.append(_(CHECKSUMS_DAMAGED))
    return notes


def _zero(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


def _decrypt(kek: bytearray, nonce: bytes, ct: bytes, aad: bytes) -> bytearray:
    """AES-GCM gives the plaintext as immutable bytes: copy it into a bytearray the caller can zero, and zero the
    bytes object itself (app.memory), so no copy of the data key is left behind in freed memory."""
    plain = AESGCM(kek).decrypt(nonce, ct, aad)
    key = bytearray(plain)
    wipe_bytes(plain)
    return key
