"""The office's certificates (RFC 5280 profile, ``cryptography`` x509): the CA and the server certificate.

- The office CA: ECDSA P-256, ``BasicConstraints(ca=True, path_length=0)`` and ``KeyUsage(keyCertSign, cRLSign)``,
  both critical, with a subject key identifier; valid ten years.
- The server certificate: ECDSA P-256 signed by the CA, the host names and IP addresses as subjectAltName,
  ``KeyUsage(digitalSignature)``, ``ExtendedKeyUsage(serverAuth)``, authority and subject key identifiers; valid
  two years (re-issued by the admin command, the CA stays).

The fingerprint people type and the pinned client context are shared with the desktop client, so they live in
``app.protocol.certs``; only the server makes certificates.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.protocol.certs import CertificateError

CA_YEARS = 10
SERVER_DAYS = 2 * 365


@dataclass(frozen=True)
class Issued:
    """PEM bytes of a certificate and its private key (PKCS#8, unencrypted: the caller writes it 0600)."""

    cert_pem: bytes
    key_pem: bytes


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def make_ca(office_name: str, office_id: str) -> Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, office_name[:64] or "Offramp office"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"Offramp office CA {office_id[:8]}"),
        ]
    )
    now = _now()
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=CA_YEARS * 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Issued(cert.public_bytes(serialization.Encoding.PEM), _key_pem(key))


def parse_hosts(hosts: list[str]) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = []
    for raw in hosts:
        host = raw.strip().strip("[]")
        if not host:
            continue
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
            continue
        except ValueError:
            pass
        label_ok = all(part and len(part) <= 63 and part.replace("-", "").isalnum() for part in host.split("."))
        if not label_ok or len(host) > 253 or not host.isascii():
            raise CertificateError(f"“{raw[:60]}” is not a host name or IP address the certificate can carry.")
        names.append(x509.DNSName(host.lower()))
    if not names:
        raise CertificateError("Give at least one host name or IP address that devices will use to reach the server.")
    return names


def make_server_cert(ca: Issued, hosts: list[str]) -> Issued:
    names = parse_hosts(hosts)
    ca_cert = x509.load_pem_x509_certificate(ca.cert_pem)
    ca_key = serialization.load_pem_private_key(ca.key_pem, password=None)
    assert isinstance(ca_key, ec.EllipticCurvePrivateKey)
    key = ec.generate_private_key(ec.SECP256R1())
    first = names[0].value
    now = _now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, str(first)[:64])]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(min(now + dt.timedelta(days=SERVER_DAYS), ca_cert.not_valid_after_utc))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return Issued(cert.public_bytes(serialization.Encoding.PEM), _key_pem(key))
