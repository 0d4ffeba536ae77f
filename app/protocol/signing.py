"""Signed requests: every call but enrolment and the health check carries an Ed25519 signature of the device.

The signed text is one line per part, so no part can be shifted into another::

    offramp-request-v1
    <device id>
    <METHOD>
    <path, with its query string exactly as sent>
    <timestamp: Unix seconds>
    <nonce: 32 hex characters, fresh for every request>
    <SHA-256 of the body bytes, hex>

The server refuses a timestamp more than :data:`WINDOW_SECONDS` away from its clock, and a nonce it has already
seen from that device within the window (replay protection that works across several server processes, because
the nonces are rows in the database). The signature covers the body's hash, so a body cannot be swapped.

This module needs only ``cryptography``: the desktop client signs with it too.
"""

from __future__ import annotations

import base64
import hashlib
import os
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "offramp-request-v1"
#: How far a request's timestamp may be from the server's clock. A clock further off than a few minutes gets a
#: warning at hello; only one more than an hour off is turned away (with a message saying to set the clock).
WINDOW_SECONDS = 3600
H_DEVICE = "X-Offramp-Device"
H_TIME = "X-Offramp-Time"
H_NONCE = "X-Offramp-Nonce"
H_SIGNATURE = "X-Offramp-Signature"


def canonical(device_id: str, method: str, path: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    return "\n".join(
        [PREFIX, device_id, method.upper(), path, timestamp, nonce, hashlib.sha256(body).hexdigest()]
    ).encode("utf-8")


def sign_headers(
    key: Ed25519PrivateKey, device_id: str, method: str, path: str, body: bytes = b"", *, now: float | None = None
) -> dict[str, str]:
    """The headers that authenticate one request (``path`` includes any query string)."""
    timestamp = str(int(time.time() if now is None else now))
    nonce = os.urandom(16).hex()
    signature = key.sign(canonical(device_id, method, path, timestamp, nonce, body))
    return {
        H_DEVICE: device_id,
        H_TIME: timestamp,
        H_NONCE: nonce,
        H_SIGNATURE: base64.b64encode(signature).decode("ascii"),
    }


def verify(public_key_hex: str, signature_b64: str, message: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(base64.b64decode(signature_b64, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def public_key_hex(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
