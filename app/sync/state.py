"""What sync keeps inside the vault (encrypted with everything else), as rows of ``vault_meta``.

- the office's address, its CA certificate (the only one this device trusts) and office id;
- the device's Ed25519 private key (so a locked or seized laptop cannot sync) and its device id;
- the pull cursor (opaque, signed by the server), the records to refresh after a push, and the stored push batch
  (resent with the very same bytes until the server has answered it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import OfframpError
from app.models import VaultMeta

SERVER_URL = "sync_server_url"
CA_PEM = "sync_ca_pem"
DEVICE_KEY = "sync_device_key"
DEVICE_ID = "sync_device_id"
OFFICE_ID = "sync_office_id"
#: The office's name as its server gave it at enrolment (the quarterly report's and a certification benefit's words).
OFFICE_NAME = "sync_office_name"
CURSOR = "sync_cursor"
BATCH = "sync_batch"
REFRESH = "sync_refresh"
LAST_SYNC = "sync_last_done"
#: The server epoch seen at the last hello; a different one means the server was rebuilt from a backup.
EPOCH = "sync_server_epoch"
#: Set from that hello until the fresh copy is complete: what the restored server lacks is sent again, not dropped.
RESTORED = "sync_after_restore"


class NotEnrolled(OfframpError):
    code = "not_enrolled"


def get(s: Session, key: str) -> str | None:
    return s.scalar(select(VaultMeta.value).where(VaultMeta.key == key))


def put(s: Session, key: str, value: str | None) -> None:
    if value is None:
        s.execute(delete(VaultMeta).where(VaultMeta.key == key))
    else:
        s.merge(VaultMeta(key=key, value=value))


def get_json(s: Session, key: str, default: Any = None) -> Any:
    raw = get(s, key)
    return default if raw is None else json.loads(raw)


def put_json(s: Session, key: str, value: Any) -> None:
    put(s, key, None if value is None else json.dumps(value, separators=(",", ":")))


@dataclass(frozen=True)
class Office:
    url: str
    ca_pem: bytes
    device_id: str
    key: Ed25519PrivateKey
    office_id: str


def office(s: Session) -> Office:
    url, ca, key, device, office_id = (get(s, k) for k in (SERVER_URL, CA_PEM, DEVICE_KEY, DEVICE_ID, OFFICE_ID))
    if not (url and ca and key and device and office_id):
        raise NotEnrolled(
            "This computer is not enrolled with an office server yet. Ask your office admin for an enrollment "
            "sheet, then run 'offramp enrol'."
        )
    return Office(
        url=url,
        ca_pem=ca.encode("ascii"),
        device_id=device,
        key=Ed25519PrivateKey.from_private_bytes(bytes.fromhex(key)),
        office_id=office_id,
    )
