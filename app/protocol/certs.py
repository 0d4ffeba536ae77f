"""What a device needs to trust the office: the CA fingerprint people type, and the pinned TLS context.

- The fingerprint is the SHA-256 of the CA's public key (SubjectPublicKeyInfo, DER), shown as 13 groups of four
  Crockford base32 characters. Reading it back forgives case, spaces, dashes and O/I/L typed for 0/1/1.
- :func:`client_context` trusts the office CA and nothing else, with host names checked.

Making the CA and the server certificate stays in the server (``app.server.pki``); this module is shared by the
desktop client and the server and imports nothing but ``cryptography``, the standard library and ``app.errors``.
"""

from __future__ import annotations

import base64
import hashlib
import ssl

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app.errors import OfframpError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


class CertificateError(OfframpError):
    code = "certificate"


def N_(message: str) -> str:
    """Mark a sentence for the core's message catalogue (``make translations-core`` extracts ``N_``): the protocol
    never imports the core, so the sync client says it in the app's language where it shows it (app.sync.enrol)."""
    return message


#: A typed fingerprint that cannot be one, as a person enrolling reads it.
FINGERPRINT_INCOMPLETE = N_(
    "That fingerprint does not look complete: it has 13 groups of four letters and digits. Check it "
    "against the enrollment sheet."
)
FINGERPRINT_MISTYPED = N_("That fingerprint has a typing mistake in its last group. Check it against the sheet.")


def fingerprint_bytes(cert_pem: bytes) -> bytes:
    """SHA-256 of the certificate's public key (SubjectPublicKeyInfo, DER)."""
    cert = x509.load_pem_x509_certificate(cert_pem)
    spki = cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).digest()


def format_fingerprint(digest: bytes) -> str:
    """32 bytes as 13 groups of four base32 characters (the last group carries four padding bits)."""
    value = int.from_bytes(digest, "big") << 4  # 256 bits -> 260 bits = 52 characters
    chars = []
    for _ in range(52):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + 4] for i in range(0, 52, 4))


def fingerprint(cert_pem: bytes) -> str:
    return format_fingerprint(fingerprint_bytes(cert_pem))


def parse_fingerprint(text: str) -> bytes:
    """The digest behind a typed fingerprint, or a plain message when it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CONFUSABLE)
    if len(cleaned) != 52 or any(ch not in ALPHABET for ch in cleaned):
        raise CertificateError(FINGERPRINT_INCOMPLETE)
    value = 0
    for ch in cleaned:
        value = (value << 5) | ALPHABET.index(ch)
    if value & 0xF:
        raise CertificateError(FINGERPRINT_MISTYPED)
    return (value >> 4).to_bytes(32, "big")


def hex_fingerprint(cert_pem: bytes) -> str:
    return fingerprint_bytes(cert_pem).hex()


def client_context(ca_pem: bytes) -> ssl.SSLContext:
    """What a client trusts: this CA and nothing else, with host names checked."""
    ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cadata=ca_pem.decode("ascii"))
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
