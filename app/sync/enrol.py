"""Enrolling this computer with an office server (DESIGN.md section 5), from the sheet the admin printed.

1. Fetch the office CA from the server and check it against the fingerprint typed from the sheet. A mismatch stops
   here with a plain explanation: there is no "continue anyway".
2. From then on trust only that CA (host names checked) and send the one-time code with a new Ed25519 public key.
3. Keep the CA, the device key and the server's address inside the vault; take on the enrolled identity (user,
   team, device, office) in the key file header and seal the data key to the office recovery key.

Records made in this vault before enrolment are the same person's work on the same computer: they become theirs
under the enrolled account and team, and go to the office at the first sync the person runs. Demo records
(``offramp demo``: fictional people, their records and any practice edits of them) are not work: they stay on this
computer and never go to the office, so the number enrolment promises is exactly what the first sync sends.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.errors import OfframpError
from app.models import RECORD_TYPES, OutboxEntry, Person
from app.protocol import certs, signing
from app.storage.vault import UnlockedVault
from app.sync import state
from app.sync.client import office_words

TIMEOUT = 20.0


class EnrolmentError(OfframpError):
    code = "enrolment"


MISMATCH = N_(
    "The office server's certificate does not match the fingerprint on the enrollment sheet, so this computer did "
    "not connect and nothing was sent. Check the fingerprint you typed; if it is right, tell your office admin "
    "before trying again."
)

#: Why a vault with records cannot join an account of the other regime, by the account's regime (the vault's is the
#: other one): one whole sentence each, so no regime's name is glued into a sentence.
_OTHER_REGIME = {
    "prosecution": N_(
        "This vault was set up for advocacy work and the account is in prosecution. Records cannot change "
        "confidentiality rules, so nothing was changed: ask your office admin which account to use."
    ),
    "advocacy": N_(
        "This vault was set up for prosecution work and the account is in advocacy. Records cannot change "
        "confidentiality rules, so nothing was changed: ask your office admin which account to use."
    ),
}


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    username: str
    team_name: str
    compartment: str
    office_name: str
    adopted_records: int
    #: Records whose changes go to the office at the first sync (what the sync will really send).
    will_send: int = 0
    #: Records already here that stay on this computer (demo records: fictional practice data).
    kept_here: int = 0


def _server_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url.lower().startswith("https://"):
        raise EnrolmentError(_("The server address starts with https:// (it is printed on the enrollment sheet)."))
    return url


def fetch_ca(url: str, expected: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """The office CA, once it matches the fingerprint from the sheet (the untrusted fetch proves nothing alone)."""
    try:
        with httpx.Client(base_url=url, verify=False, timeout=timeout) as client:  # noqa: S501 - checked below
            reply = client.get("/v1/ca")
    except httpx.HTTPError:
        raise EnrolmentError(
            _(
                "The office server could not be reached at that address. Check the address on the sheet and that "
                "this computer is on the office network."
            )
        ) from None
    try:
        ca_pem = str(reply.json()["ca_pem"]).encode("ascii")
        actual = certs.fingerprint_bytes(ca_pem)
    except (ValueError, KeyError, TypeError, UnicodeError):
        raise EnrolmentError(_(MISMATCH)) from None
    if reply.status_code != 200 or not hmac.compare_digest(actual, expected):
        raise EnrolmentError(_(MISMATCH))
    return ca_pem


def enrol(
    vault: UnlockedVault,
    passphrase: str,
    *,
    server: str,
    code: str,
    fingerprint: str,
    timeout: float = TIMEOUT,
) -> Enrolled:
    try:
        expected = certs.parse_fingerprint(fingerprint)  # a typing slip is named before anything leaves
    except certs.CertificateError as exc:
        raise certs.CertificateError(_(exc.message)) from None  # the protocol's sentence, in the app's language
    url = _server_url(server)
    identity = vault.identity
    if identity.kind == "enrolled":
        raise EnrolmentError(_("This vault is already enrolled with an office; nothing was changed."))
    # The passphrase is needed at the very end (the key file is rewritten); a slip must stop us before the
    # one-time code is used up or anything in the vault changes.
    vault.verify_passphrase(passphrase)
    ca_pem = fetch_ca(url, expected, timeout=timeout)
    key = Ed25519PrivateKey.generate()
    try:
        with httpx.Client(base_url=url, verify=certs.client_context(ca_pem), timeout=timeout) as client:
            reply = client.post("/v1/enrol", json={"code": code.strip(), "public_key": signing.public_key_hex(key)})
    except httpx.ConnectError as exc:
        if "CERTIFICATE" in str(exc).upper():
            raise EnrolmentError(_(MISMATCH)) from None
        raise EnrolmentError(_("The office server could not be reached. Try again in a moment.")) from None
    except httpx.HTTPError:
        raise EnrolmentError(_("The office server could not be reached. Try again in a moment.")) from None
    if reply.status_code != 200:
        raise EnrolmentError(_message(reply, _("The office server did not accept this enrollment.")))
    info = reply.json()
    regime = "prosecution" if info["compartment"] == "prosecution" else "advocacy"
    if info["compartment"] not in ("advocacy", "prosecution"):
        raise EnrolmentError(
            _(
                "This account belongs to the office's administration, which reads no case records, so this vault "
                "cannot be enrolled with it."
            )
        )
    adopted = 0
    with vault.session() as s, s.begin():
        for cls in RECORD_TYPES.values():
            if regime != identity.regime:
                found = s.query(cls).count()
                if found:
                    raise EnrolmentError(_(_OTHER_REGIME[regime]))
            result = s.execute(
                update(cls)
                .where(cls.owner_user_id == identity.user_id)
                .values(owner_user_id=info["user_id"], team_id=info["team_id"])
            )
            adopted += int(getattr(result, "rowcount", 0) or 0)
            s.execute(update(cls).where(cls.edited_by == identity.user_id).values(edited_by=info["user_id"]))
        will_send = _keep_demo_here(s)
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        state.put(s, state.SERVER_URL, url)
        state.put(s, state.CA_PEM, ca_pem.decode("ascii"))
        state.put(s, state.DEVICE_KEY, raw.hex())
        state.put(s, state.DEVICE_ID, str(info["device_id"]))
        state.put(s, state.OFFICE_ID, str(info["office_id"]))
        state.put(s, state.OFFICE_NAME, str(info["office_name"]))
        for key_name in (state.CURSOR, state.BATCH, state.REFRESH):
            state.put(s, key_name, None)
    vault.record_enrolment(
        {
            "user_id": info["user_id"],
            "device_id": info["device_id"],
            "team_id": info["team_id"],
            "regime": regime,
            "office_id": info["office_id"],
        },
        bytes.fromhex(info["recovery_public_key"]),
        passphrase,
    )
    return Enrolled(
        device_id=info["device_id"],
        username=info["username"],
        team_name=info["team_name"],
        compartment=info["compartment"],
        office_name=info["office_name"],
        adopted_records=adopted,
        will_send=will_send,
        kept_here=max(0, adopted - will_send),
    )


def _keep_demo_here(s: Session) -> int:
    """Drop the unsent changes of demo records (practice edits of fictional people): they never go to an office.
    Returns how many records have changes waiting to go, which is what the first sync sends."""
    demo = select(Person.id).where(Person.is_demo.is_(True))
    s.execute(
        delete(OutboxEntry).where(
            OutboxEntry.sent_at.is_(None), or_(OutboxEntry.person_id.in_(demo), OutboxEntry.record_id.in_(demo))
        )
    )
    waiting = select(func.count(func.distinct(OutboxEntry.record_id))).where(OutboxEntry.sent_at.is_(None))
    return int(s.scalar(waiting) or 0)


def _message(reply: httpx.Response, fallback: str) -> str:
    try:
        message = reply.json().get("message")
    except ValueError:
        message = None
    return office_words(message) if isinstance(message, str) and message else fallback
