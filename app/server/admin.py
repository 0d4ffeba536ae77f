"""What the admin command does, as plain functions (the CLI prints; tests call these or the CLI).

The server's data folder holds ``config.json`` (office id, host names, port, URL), ``tls/`` (the office CA, its key,
the server certificate chain and key; every key file 0600) and, unless ``OFFRAMP_DATABASE_URL`` says otherwise, the
SQLite database ``server.db``. The office recovery private key is never written here: it goes into the kit PDF only.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import os
import secrets
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nacl.public import PrivateKey
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import select, union_all
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import OfframpError, ValidationError
from app.models.base import utcnow, uuid7
from app.protocol import certs
from app.protocol.office_policy import OfficePolicy, is_time_zone
from app.server import db, kit, pki
from app.server.access import Principal, visible_to
from app.server.models import (
    ROLE_COMPARTMENT,
    AuditEntry,
    Compartment,
    Delivery,
    DeliveryPending,
    Device,
    DeviceStatus,
    EnrolmentCode,
    Office,
    Quarantine,
    RecordHead,
    Revision,
    Role,
    Team,
    UserAccount,
)

CODE_MINUTES = 15
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
CONSOLE = "console"
DEFAULT_PORT = 8443


class AdminError(OfframpError):
    code = "admin"


# --- the data folder ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServerHome:
    root: Path

    @property
    def config_path(self) -> Path:
        return self.root / "config.json"

    @property
    def tls(self) -> Path:
        return self.root / "tls"

    @property
    def ca_cert(self) -> Path:
        return self.tls / "ca.pem"

    @property
    def ca_key(self) -> Path:
        return self.tls / "ca-key.pem"

    @property
    def server_cert(self) -> Path:
        return self.tls / "server.pem"

    @property
    def server_key(self) -> Path:
        return self.tls / "server-key.pem"

    def config(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.config_path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise AdminError(
                "This folder holds no office server yet. Run 'offramp-server init' first, or give the right --data-dir."
            ) from None
        except (OSError, ValueError):
            raise AdminError("The server's config.json could not be read. Restore it from a backup.") from None

    def database_url(self) -> str:
        return db.database_url(self.root)

    def engine(self) -> Engine:
        engine = db.make_engine(self.database_url())
        db.require_current(engine)
        return engine


def _write_private(path: Path, data: bytes) -> None:
    """A new file, 0600 before the first byte; never replaces an existing one."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


@contextlib.contextmanager
def session_for(engine: Engine) -> Iterator[Session]:
    with db.sessions(engine)() as s, s.begin():
        yield s


def audit(s: Session, action: str, outcome: str = "allowed", **fields: Any) -> None:
    """Append one event. Ids, counts and reason codes only: never a name or anything a person typed."""
    s.add(audit_entry(action, outcome, **fields))


def audit_entry(action: str, outcome: str = "allowed", **fields: Any) -> AuditEntry:
    """One event as a row, for a caller that adds many at once (a push batch)."""
    return AuditEntry(occurred_at=utcnow(), action=action, outcome=outcome, detail=fields.pop("detail", {}), **fields)


def the_office(s: Session) -> Office:
    office = s.scalar(select(Office))
    if office is None:
        raise AdminError("This server has no office yet. Run 'offramp-server init' first.")
    return office


# --- office policy --------------------------------------------------------------------------------------------


def office_policy(s: Session) -> OfficePolicy:
    """The office's policy; a field never set (or set by an older version to something now unknown) is the default."""
    stored = the_office(s).policy or {}
    try:
        return OfficePolicy.model_validate(stored)
    except PydanticValidationError:
        fields = OfficePolicy.model_fields
        good: dict[str, Any] = {}
        for key, value in stored.items():
            if key in fields:
                try:
                    OfficePolicy.model_validate({key: value})
                except PydanticValidationError:
                    continue
                good[key] = value
        return OfficePolicy.model_validate(good)


def set_office_policy(engine: Engine, **changes: Any) -> OfficePolicy:
    """Change some of the office policy; every computer takes it at its next sync. Audited (which keys, no values)."""
    changes = {k: v for k, v in changes.items() if v is not None or k == "time_zone"}
    unknown = set(changes) - set(OfficePolicy.model_fields)
    if unknown:
        raise ValidationError(f"The office policy has no setting called {sorted(unknown)[0]}.", field="policy")
    with session_for(engine) as s:
        office = the_office(s)
        current = office_policy(s)
        try:
            policy = OfficePolicy.model_validate({**current.model_dump(), **changes})
        except PydanticValidationError as exc:
            problem = exc.errors()[0]
            where = str(problem["loc"][0]) if problem.get("loc") else "policy"
            message = str(problem.get("msg", "")).removeprefix("Value error, ")
            raise ValidationError(f"That office policy was not saved: {message}.", field=where) from None
        office.policy = policy.model_dump()
        audit(s, "office_policy_changed", actor=CONSOLE, detail={"keys": sorted(changes)})
    return policy


# --- init -----------------------------------------------------------------------------------------------------


@dataclass
class InitResult:
    office_id: str
    url: str
    fingerprint: str
    public_check: str
    kit_path: Path
    hosts: list[str] = field(default_factory=list)


def init_office(
    home: ServerHome,
    *,
    office_name: str,
    hosts: list[str],
    kit_path: Path,
    port: int,
    time_zone: str | None = None,
) -> InitResult:
    """Create the office: CA, server certificate, recovery key pair (private half into the kit only), database.

    ``time_zone`` (an IANA name) is where the office counts its days; None leaves it at UTC until the admin sets it.
    """
    if time_zone is not None and not is_time_zone(time_zone):
        raise ValidationError(
            f"'{time_zone}' is not a time zone name. Use a name such as America/Chicago or Europe/London.",
            field="time_zone",
        )
    office_name = office_name.strip()
    if not office_name or len(office_name) > 200:
        raise ValidationError("Give the office a name of up to 200 characters.", field="office")
    if home.config_path.exists() or home.ca_cert.exists():
        raise AdminError("This folder already holds an office server; nothing was changed.")
    kit_path = Path(kit_path)
    if kit_path.exists():
        raise AdminError("A file already exists where the recovery kit would go; choose a new file name.")
    if not kit_path.parent.is_dir():
        raise AdminError("The folder for the recovery kit does not exist.")
    pki.parse_hosts(hosts)  # bad host names are named before anything is made

    office_id = uuid7()
    recovery = PrivateKey.generate()
    private = bytearray(bytes(recovery))
    public = bytes(recovery.public_key)
    ca = pki.make_ca(office_name, office_id)
    server = pki.make_server_cert(ca, hosts)
    url = f"https://{_url_host(hosts[0])}:{port}"

    made: list[Path] = []
    engine: Engine | None = None
    try:
        # The kit first: if it cannot be written, nothing else exists that it would have opened.
        _write_private(kit_path, kit.kit_pdf(bytes(private), public, office_name=office_name, created=dt.date.today()))
        made.append(kit_path)
        home.root.mkdir(parents=True, exist_ok=True)
        home.root.chmod(0o700)  # the SQLite database, its WAL and the TLS keys: for the server's account only
        home.tls.mkdir(mode=0o700, exist_ok=True)
        for path, data in (
            (home.ca_cert, ca.cert_pem),
            (home.ca_key, ca.key_pem),
            (home.server_cert, server.cert_pem + ca.cert_pem),
            (home.server_key, server.key_pem),
        ):
            _write_private(path, data)
            made.append(path)
        new_key = db.ensure_key(home.database_url())  # SQLite: its key, kept apart from this folder
        if new_key is not None:
            made.append(new_key)
        engine = db.make_engine(home.database_url())
        if db.current_revision(engine) is not None:
            raise AdminError("The database already holds an office server; nothing was changed.")
        db.upgrade(engine)
        with session_for(engine) as s:
            s.add(
                Office(
                    id=office_id,
                    name=office_name,
                    recovery_public_key=public.hex(),
                    ca_fingerprint=certs.hex_fingerprint(ca.cert_pem),
                    secret_key=secrets.token_hex(32),
                    policy=OfficePolicy(time_zone=time_zone).model_dump(),
                )
            )
            audit(s, "office_created", actor=CONSOLE, detail={"hosts": len(hosts)})
        config = {"office_id": office_id, "hosts": hosts, "port": port, "url": url}
        _write_private(home.config_path, json.dumps(config, indent=2).encode("utf-8"))
        made.append(home.config_path)
    except BaseException:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    finally:
        for i in range(len(private)):
            private[i] = 0
        del recovery
        if engine is not None:
            engine.dispose()
    return InitResult(
        office_id=office_id,
        url=url,
        fingerprint=certs.fingerprint(ca.cert_pem),
        public_check=kit.public_check(public),
        kit_path=kit_path,
        hosts=hosts,
    )


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


# --- teams and users ------------------------------------------------------------------------------------------


def add_team(engine: Engine, name: str, compartment: str) -> Team:
    name = name.strip()
    if not name or len(name) > 120:
        raise ValidationError("Give the team a name of up to 120 characters.", field="name")
    if compartment not in {c.value for c in Compartment}:
        raise ValidationError("A team's compartment is advocacy, prosecution or administration.", field="compartment")
    try:
        with session_for(engine) as s:
            office = the_office(s)
            team = Team(office_id=office.id, name=name, compartment=compartment)
            s.add(team)
            s.flush()
            audit(s, "team_added", actor=CONSOLE, team_id=team.id, detail={"compartment": compartment})
    except IntegrityError:
        raise AdminError("There is already a team with that name.") from None
    return team


def _team(s: Session, name: str) -> Team:
    team = s.scalar(select(Team).where(Team.name == name.strip()))
    if team is None:
        raise AdminError("There is no team with that name. 'offramp-server team list' shows the teams.")
    return team


def add_user(engine: Engine, username: str, *, team: str, role: str, display_name: str | None = None) -> UserAccount:
    username = username.strip().lower()
    if not username or len(username) > 80 or not all(ch.isalnum() or ch in "._-" for ch in username):
        raise ValidationError(
            "A user name is up to 80 letters, digits, dots, dashes or underscores, with no spaces.", field="username"
        )
    try:
        role_value = Role(role)
    except ValueError:
        raise ValidationError(
            "That role is not one of: " + ", ".join(r.value for r in Role) + ".", field="role"
        ) from None
    try:
        with session_for(engine) as s:
            office = the_office(s)
            the_team = _team(s, team)
            if Compartment(the_team.compartment) not in ROLE_COMPARTMENT[role_value]:
                raise ValidationError(
                    f"A {role_value.value.replace('_', ' ')} belongs in a team of the "
                    f"{' or '.join(sorted(c.value for c in ROLE_COMPARTMENT[role_value]))} compartment; "
                    f"that team is in {the_team.compartment}.",
                    field="team",
                )
            user = UserAccount(
                office_id=office.id,
                team_id=the_team.id,
                username=username,
                display_name=(display_name or username).strip()[:200],
                role=role_value.value,
            )
            s.add(user)
            s.flush()
            audit(s, "user_added", actor=CONSOLE, user_id=user.id, team_id=the_team.id, detail={"role": role})
    except IntegrityError:
        raise AdminError("There is already a user with that user name.") from None
    return user


# --- enrolment codes ------------------------------------------------------------------------------------------


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CONFUSABLE)


def code_hash(secret_key: str, code: str) -> str:
    return hmac.new(bytes.fromhex(secret_key), normalise_code(code).encode("ascii"), hashlib.sha256).hexdigest()


@dataclass
class IssuedCode:
    code: str
    expires_at: dt.datetime
    url: str
    fingerprint: str
    username: str


def issue_code(home: ServerHome, engine: Engine, username: str, *, minutes: int = CODE_MINUTES) -> IssuedCode:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))  # 80 bits
    code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
    with session_for(engine) as s:
        office = the_office(s)
        user = s.scalar(select(UserAccount).where(UserAccount.username == username.strip().lower()))
        if user is None:
            raise AdminError("There is no user with that user name. Add them first with 'offramp-server user add'.")
        if not user.active:
            raise AdminError("That user's account is switched off, so it cannot enroll a device.")
        expires = utcnow() + dt.timedelta(minutes=minutes)
        entry = EnrolmentCode(
            user_id=user.id, code_hash=code_hash(office.secret_key, code), issued_by=CONSOLE, expires_at=expires
        )
        s.add(entry)
        s.flush()
        audit(s, "enrolment_code_issued", actor=CONSOLE, user_id=user.id, detail={"code_id": entry.id})
    ca_pem = home.ca_cert.read_bytes()
    return IssuedCode(
        code=code,
        expires_at=expires,
        url=str(home.config().get("url", "")),
        fingerprint=certs.fingerprint(ca_pem),
        username=user.username,
    )


# --- devices --------------------------------------------------------------------------------------------------


def principal_for(s: Session, device: Device) -> Principal:
    user = s.get(UserAccount, device.user_id)
    assert user is not None
    team = s.get(Team, user.team_id)
    assert team is not None
    return Principal(
        user_id=user.id,
        team_id=team.id,
        compartment=team.compartment,
        role=user.role,
        device_id=device.id,
        office_zone=office_policy(s).time_zone,
    )


@dataclass(frozen=True)
class HeldRecord:
    """One record a device may hold: its type, the revision(s) delivered to it (or pushed by it) and never confirmed
    removed, and whether it was withdrawn from the device since (it may no longer see it; its eviction waits for a
    sync that will not come)."""

    record_id: str
    type: str
    revs: tuple[int, ...]
    privileged: bool
    deleted: bool
    withdrawn: bool


@dataclass
class Exposure:
    """What a device may still hold when it was revoked, read from what the office delivered to it (and what it
    pushed), not from what it could see that day: every record, type and revision, and which were withdrawn from it
    since. Counts and record ids only: no content, no names."""

    device_id: str
    records: list[HeldRecord]
    highest_seq: int

    @property
    def by_type(self) -> dict[str, int]:
        return dict(sorted(Counter(r.type for r in self.records).items()))

    @property
    def withdrawn_by_type(self) -> dict[str, int]:
        return dict(sorted(Counter(r.type for r in self.records if r.withdrawn).items()))

    @property
    def privileged(self) -> int:
        return sum(1 for r in self.records if r.privileged)

    @property
    def total(self) -> int:
        return len(self.records)

    def detail(self) -> dict[str, Any]:
        """The report as the audit log keeps it."""
        return {
            "exposure": self.by_type,
            "withdrawn": self.withdrawn_by_type,
            "privileged": self.privileged,
            "highest_seq": self.highest_seq,
            "records": [[r.record_id, r.type, list(r.revs), r.withdrawn] for r in self.records],
        }


def exposure(s: Session, device: Device, *, today: dt.date | None = None) -> Exposure:
    revs: dict[str, set[int]] = defaultdict(set)
    confirmed = select(Delivery.record_id, Delivery.rev).where(Delivery.device_id == device.id)
    pending = select(DeliveryPending.record_id, DeliveryPending.rev).where(
        DeliveryPending.device_id == device.id, DeliveryPending.rev.is_not(None)
    )
    held: Any = s.execute(union_all(confirmed, pending))
    for row in held:
        revs[str(row[0])].add(int(row[1]))
    principal = principal_for(s, device)
    visible = visible_to(principal, RecordHead, today=today)
    records: list[HeldRecord] = []
    highest = 0
    ids = sorted(revs)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = s.execute(
            select(RecordHead.id, RecordHead.type, RecordHead.privileged, RecordHead.deleted, visible).where(
                RecordHead.id.in_(chunk)
            )
        )
        for record_id, type_name, privileged, deleted, may_see in rows:
            records.append(
                HeldRecord(
                    record_id=record_id,
                    type=type_name,
                    revs=tuple(sorted(revs[record_id])),
                    privileged=bool(privileged),
                    deleted=bool(deleted),
                    withdrawn=not may_see,
                )
            )
        for record_id, rev, seq in s.execute(
            select(Revision.record_id, Revision.rev, Revision.server_seq).where(Revision.record_id.in_(chunk))
        ):
            if rev in revs[record_id]:
                highest = max(highest, int(seq))
    records.sort(key=lambda r: (r.type, r.record_id))
    return Exposure(device_id=device.id, records=records, highest_seq=highest)


def revoke_device(engine: Engine, device_id: str) -> Exposure:
    with session_for(engine) as s:
        device = s.get(Device, device_id.strip())
        if device is None:
            raise AdminError("There is no device with that id. 'offramp-server device list' shows the devices.")
        if device.status == DeviceStatus.REVOKED:
            raise AdminError("That device was already revoked; it can no longer reach the server.")
        report = exposure(s, device)
        device.status = DeviceStatus.REVOKED.value
        device.revoked_at = utcnow()
        device.revoked_by = CONSOLE
        audit(
            s,
            "device_revoked",
            actor=CONSOLE,
            user_id=device.user_id,
            device_id=device.id,
            detail=report.detail(),
        )
    return report


def list_devices(engine: Engine) -> list[tuple[Device, str]]:
    with session_for(engine) as s:
        rows = s.execute(
            select(Device, UserAccount.username)
            .join(UserAccount, UserAccount.id == Device.user_id)
            .order_by(Device.enrolled_at)
        ).all()
        return [(d, u) for d, u in rows]


# --- the audit log --------------------------------------------------------------------------------------------

AUDIT_COLUMNS = (
    "id",
    "occurred_at",
    "action",
    "outcome",
    "actor",
    "user_id",
    "device_id",
    "team_id",
    "record_type",
    "record_id",
    "remote",
    "detail",
)


def audit_rows(engine: Engine, *, since: dt.datetime | None = None) -> Iterator[dict[str, Any]]:
    with db.sessions(engine)() as s:
        q = select(AuditEntry).order_by(AuditEntry.id)
        if since is not None:
            q = q.where(AuditEntry.occurred_at >= since)
        for entry in s.scalars(q).yield_per(1000):
            yield {
                "id": entry.id,
                "occurred_at": entry.occurred_at.isoformat(),
                "action": entry.action,
                "outcome": entry.outcome,
                "actor": entry.actor,
                "user_id": entry.user_id,
                "device_id": entry.device_id,
                "team_id": entry.team_id,
                "record_type": entry.record_type,
                "record_id": entry.record_id,
                "remote": entry.remote,
                "detail": entry.detail,
            }


def audit_export(rows: Iterator[dict[str, Any]], fmt: str, out: io.TextIOBase | Any) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=AUDIT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "detail": json.dumps(row["detail"], sort_keys=True)})
            count += 1
    else:
        for row in rows:
            out.write(json.dumps(row, sort_keys=True) + "\n")
            count += 1
    return count


# --- work the office set aside (quarantine) -------------------------------------------------------------------

#: What each quarantine reason code means, for the admin's screen (never a value from the record).
QUARANTINE_REASONS = {
    "person_deleted": "the person it is about had been deleted at the office",
    "not_allowed": "its author may not see or change that record (the owner made it private, or a role changed)",
    "not_owner": "only the record's owner may change who sees it",
    "missing_link": "a record it points at is not at the office (the device sends it again with that record)",
    "unknown_record": "it changes a record the office does not have",
    "unknown_type": "the office does not know this kind of record",
    "type_mismatch": "its kind does not match the record's",
    "unknown_base": "it was made against a revision the office does not have",
    "unknown_conflict": "it decides a conflict the office does not know",
    "no_person": "it names no person",
    "wrong_regime": "this kind of record is kept by the other regime only (charging decisions by the prosecution)",
    "mutation_id_taken": "its id was already used by another device",
    "bad_value": "one of its values could not be read",
}


@dataclass(frozen=True)
class QuarantineItem:
    """One set-aside change as the admin sees it: who, which device, when, which record and why, and the *names*
    of the fields it carried. Never a value: admins read no client content (DESIGN.md section 4), and since the
    author's own computer keeps what they wrote (its "Not accepted by the office" list), the admin has no need to."""

    id: str
    created_at: dt.datetime
    reason: str
    username: str
    user_id: str
    device_id: str
    record_type: str
    record_id: str
    person_id: str | None
    new_record: bool
    deleted: bool
    fields: list[str]
    #: The record is at the office now (a missing link that came, the device having sent the change again).
    arrived_since: bool = False

    @property
    def explanation(self) -> str:
        code, _, field_name = self.reason.partition(":")
        said = QUARANTINE_REASONS.get(code, "the office could not apply it")
        return f"{said} (field {field_name})" if field_name else said


def _quarantine_item(row: Quarantine, username: str | None, arrived: set[str]) -> QuarantineItem:
    mutation = row.mutation if isinstance(row.mutation, dict) else {}
    raw_patch = mutation.get("patch")
    patch: dict[str, Any] = raw_patch if isinstance(raw_patch, dict) else {}
    person = mutation.get("person_id")
    return QuarantineItem(
        id=row.id,
        created_at=row.created_at,
        reason=row.reason,
        username=username or "(unknown user)",
        user_id=row.user_id,
        device_id=row.device_id,
        record_type=str(mutation.get("type") or "?")[:40],
        record_id=row.record_id,
        person_id=str(person) if isinstance(person, str) else None,
        new_record=mutation.get("base_rev") is None,
        deleted=bool(mutation.get("deleted")),
        fields=sorted(str(k)[:80] for k in patch),
        arrived_since=row.reason == "missing_link" and row.record_id in arrived,
    )


def _arrived(s: Session, rows: list[Quarantine]) -> set[str]:
    ids = list({q.record_id for q in rows if q.reason == "missing_link"})
    return set(s.scalars(select(RecordHead.id).where(RecordHead.id.in_(ids)))) if ids else set()


def quarantine_list(engine: Engine, *, limit: int = 500) -> list[QuarantineItem]:
    """The newest set-aside changes first; listing is audited (who looked is on the record)."""
    with session_for(engine) as s:
        rows = s.execute(
            select(Quarantine, UserAccount.username)
            .join(UserAccount, UserAccount.id == Quarantine.user_id, isouter=True)
            .order_by(Quarantine.created_at.desc(), Quarantine.id.desc())
            .limit(limit)
        ).all()
        arrived = _arrived(s, [q for q, _u in rows])
        items = [_quarantine_item(q, u, arrived) for q, u in rows]
        audit(s, "quarantine_listed", actor=CONSOLE, detail={"count": len(items)})
        return items


def quarantine_show(engine: Engine, item_id: str) -> QuarantineItem:
    """One set-aside change by its id (as ``quarantine list`` prints it), audited with that id."""
    with session_for(engine) as s:
        found = s.execute(
            select(Quarantine, UserAccount.username)
            .join(UserAccount, UserAccount.id == Quarantine.user_id, isouter=True)
            .where(Quarantine.id == item_id.strip())
        ).first()
        if found is None:
            raise AdminError("There is no set-aside change with that id; 'offramp-server quarantine list' shows them.")
        audit(
            s, "quarantine_viewed", actor=CONSOLE, record_id=found[0].record_id, detail={"quarantine_id": found[0].id}
        )
        return _quarantine_item(found[0], found[1], _arrived(s, [found[0]]))
