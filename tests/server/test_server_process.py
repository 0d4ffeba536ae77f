"""A real `offramp-server serve` process over TLS, on SQLite and on PostgreSQL: enrolment, device signatures,
revocation, malformed bodies and unauthenticated reads."""

from __future__ import annotations

import datetime as dt
import json
import ssl

import httpx
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.models import RECORD_TYPES
from app.models.base import utcnow
from app.protocol import certs, signing
from app.server import admin, pki
from app.server.models import AuditEntry, Device, EnrolmentCode
from tests.server.conftest import Office


def _hello_body(**over: object) -> dict[str, object]:
    body: dict[str, object] = {
        "protocol": 1,
        "schema_versions": {name: cls.SCHEMA_VERSION for name, cls in RECORD_TYPES.items()},
        "client_time": utcnow().isoformat(),
    }
    body.update(over)
    return body


def _enrol_audit(office: Office) -> list[tuple[str, str]]:
    with office.engine.connect() as conn:
        rows = conn.execute(
            sa.select(AuditEntry.outcome, AuditEntry.detail).where(AuditEntry.action == "enrol").order_by(AuditEntry.id)
        ).all()
    return [(outcome, (detail or {}).get("reason", "")) for outcome, detail in rows]


def test_health_is_open_and_nothing_else_is(office: Office) -> None:
    with office.client() as c:
        assert c.get("/v1/health").json() == {"status": "ok"}
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert c.get(path).status_code == 404
        for method, path in (
            ("GET", "/v1/records/01a20ce6-0000-7000-8000-000000000000"),
            ("GET", "/v1/people/01a20ce6-0000-7000-8000-000000000000/records"),
            ("POST", "/v1/sync/hello"),
        ):
            reply = c.request(method, path, json=_hello_body() if method == "POST" else None)
            assert reply.status_code == 401, (path, reply.text)
            assert reply.json()["error"] == "not_signed"


def test_enrolment_good_wrong_used_and_expired(office: Office) -> None:
    username = office.user("Advocacy A", "advocate")
    before = len(_enrol_audit(office))
    key = Ed25519PrivateKey.generate()
    code = office.code(username)
    with office.client() as c:
        wrong = c.post("/v1/enrol", json={"code": "AAAA-BBBB-CCCC-DDDD", "public_key": signing.public_key_hex(key)})
        assert wrong.status_code == 403
        assert wrong.json()["error"] == "enrolment_code_unknown"
        assert "not right" in wrong.json()["message"]

        # Typed loosely (lower case, spaces instead of dashes): still the same code.
        good = c.post(
            "/v1/enrol", json={"code": code.lower().replace("-", " "), "public_key": signing.public_key_hex(key)}
        )
        assert good.status_code == 200, good.text
        info = good.json()
        assert info["compartment"] == "advocacy" and info["role"] == "advocate"
        assert info["team_id"] == office.teams["Advocacy A"]
        with office.engine.connect() as conn:
            office_key = conn.scalar(sa.text("SELECT recovery_public_key FROM office"))
        assert info["recovery_public_key"] == office_key

        again = c.post(
            "/v1/enrol", json={"code": code, "public_key": signing.public_key_hex(Ed25519PrivateKey.generate())}
        )
        assert again.status_code == 409
        assert again.json()["error"] == "enrolment_code_used"

        late = office.code(username)
        with office.engine.begin() as conn:
            conn.execute(
                sa.update(EnrolmentCode)
                .where(EnrolmentCode.used_at.is_(None))
                .values(expires_at=utcnow() - dt.timedelta(seconds=1))
            )
        expired = c.post(
            "/v1/enrol", json={"code": late, "public_key": signing.public_key_hex(Ed25519PrivateKey.generate())}
        )
        assert expired.status_code == 410
        assert expired.json()["error"] == "enrolment_code_expired"
        assert "15 minutes" in expired.json()["message"]

    # Every attempt is in the audit log, the failures with their reason.
    assert _enrol_audit(office)[before:] == [
        ("blocked", "unknown_code"),
        ("allowed", ""),
        ("blocked", "used_code"),
        ("blocked", "expired_code"),
    ]
    # The code itself is never stored, only its HMAC.
    with office.engine.connect() as conn:
        hashes = conn.scalars(sa.select(EnrolmentCode.code_hash)).all()
        secret = conn.scalar(sa.text("SELECT secret_key FROM office"))
    assert code not in hashes and admin.normalise_code(code) not in hashes
    assert admin.code_hash(secret, code) in hashes


def test_signed_hello_checks_versions_and_clock(office: Office) -> None:
    device = office.enrol(office.user("Prosecution P", "prosecutor"))
    reply = device.request("POST", "/v1/sync/hello", json_body=_hello_body())
    assert reply.status_code == 200, reply.text
    hello = reply.json()
    assert hello["compartment"] == "prosecution" and hello["revoked"] is False and hello["warnings"] == []
    assert hello["policy"]["max_batch_mutations"] == 100

    skewed = utcnow() + dt.timedelta(minutes=20)
    warned = device.request("POST", "/v1/sync/hello", json_body=_hello_body(client_time=skewed.isoformat())).json()
    assert [w["code"] for w in warned["warnings"]] == ["clock_skew"]

    old = dict(_hello_body()["schema_versions"])  # type: ignore[call-overload]
    old["person"] = 0
    outdated = device.request("POST", "/v1/sync/hello", json_body=_hello_body(schema_versions=old))
    assert outdated.status_code == 426
    assert outdated.json()["error"] == "client_outdated"
    assert "unsent changes are kept" in outdated.json()["message"]

    newer = device.request("POST", "/v1/sync/hello", json_body=_hello_body(protocol=2))
    assert newer.status_code == 409
    assert newer.json()["error"] == "server_outdated"


def test_signatures_replays_and_tampering_are_turned_away(office: Office) -> None:
    device = office.enrol(office.user("Advocacy B", "advocate"))
    body = json.dumps(_hello_body()).encode()
    headers = signing.sign_headers(device.key, device.id, "POST", "/v1/sync/hello", body)
    headers["Content-Type"] = "application/json"
    with office.client() as c:
        assert c.post("/v1/sync/hello", content=body, headers=headers).status_code == 200
        replay = c.post("/v1/sync/hello", content=body, headers=headers)
        assert replay.status_code == 401 and replay.json()["error"] == "replayed"

        fresh = signing.sign_headers(device.key, device.id, "POST", "/v1/sync/hello", body)
        tampered = c.post(
            "/v1/sync/hello",
            content=body.replace(b'"protocol": 1', b'"protocol": 2'),
            headers={**fresh, "Content-Type": "application/json"},
        )
        assert tampered.status_code == 401 and tampered.json()["error"] == "bad_signature"

        stranger = Ed25519PrivateKey.generate()
        forged = signing.sign_headers(stranger, device.id, "POST", "/v1/sync/hello", body)
        assert (
            c.post("/v1/sync/hello", content=body, headers={**forged, "Content-Type": "application/json"}).status_code
            == 401
        )

        stale = signing.sign_headers(
            device.key, device.id, "POST", "/v1/sync/hello", body, now=utcnow().timestamp() - 7200
        )
        late = c.post("/v1/sync/hello", content=body, headers={**stale, "Content-Type": "application/json"})
        assert late.status_code == 401 and late.json()["error"] == "clock_off"


def test_a_revoked_device_is_turned_away_with_an_exposure_report(office: Office) -> None:
    device = office.enrol(office.user("Advocacy A", "advocate"))
    assert device.request("POST", "/v1/sync/hello", json_body=_hello_body()).status_code == 200
    report = admin.revoke_device(office.engine, device.id)
    assert report.device_id == device.id
    reply = device.request("POST", "/v1/sync/hello", json_body=_hello_body())
    assert reply.status_code == 403
    assert reply.json()["error"] == "device_revoked"
    assert device.request("GET", f"/v1/records/{device.id}").status_code == 403
    with office.engine.connect() as conn:
        assert conn.scalar(sa.select(Device.status).where(Device.id == device.id)) == "revoked"
        revoked = conn.execute(
            sa.select(AuditEntry.detail).where(AuditEntry.action == "device_revoked", AuditEntry.device_id == device.id)
        ).scalar_one()
    assert "exposure" in revoked


def test_a_client_pinned_to_another_ca_is_stopped(office: Office) -> None:
    other = pki.make_ca("Some Other Office", "00000000-0000-7000-8000-000000000000")
    with office.client(other.cert_pem) as c, pytest.raises(httpx.ConnectError) as caught:
        c.get("/v1/health")
    assert isinstance(caught.value.__context__ or caught.value.__cause__, ssl.SSLCertVerificationError) or (
        "CERTIFICATE_VERIFY_FAILED" in str(caught.value)
    )
    # The fingerprint people type is checked against the CA before it is trusted.
    assert certs.parse_fingerprint(certs.fingerprint(office.ca_pem)) == certs.fingerprint_bytes(office.ca_pem)
    assert certs.parse_fingerprint(certs.fingerprint(other.cert_pem)) != certs.fingerprint_bytes(office.ca_pem)


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[]",
        b'{"code": 5, "public_key": []}',
        b'{"code": "AAAA", "public_key": "zz"}',
        b'{"code": "AAAA", "public_key": "' + b"0" * 64 + b'", "extra": 1}',
        b'{"code": "' + b"A" * 5000 + b'", "public_key": "00"}',
        b"\xff\xfe\x00",
        b"",
    ],
)
def test_malformed_enrolment_bodies_get_a_4xx(office: Office, content: bytes) -> None:
    with office.client() as c:
        reply = c.post("/v1/enrol", content=content, headers={"Content-Type": "application/json"})
    assert 400 <= reply.status_code < 500, reply.text
    assert reply.json()["error"] in {"malformed", "enrolment_code_unknown"}
    assert "A" * 100 not in reply.text, "a refusal never echoes what was sent"


def test_malformed_signed_bodies_and_oversize_requests_get_a_4xx(office: Office) -> None:
    device = office.enrol(office.user("Prosecution Q", "paralegal"))
    for content in (
        b"{",
        b'{"protocol": "x"}',
        b'{"protocol": 1, "schema_versions": [], "client_time": "soon"}',
        b"null",
    ):
        reply = device.request("POST", "/v1/sync/hello", content=content)
        assert reply.status_code == 422, (content, reply.text)
    with office.client() as c:
        huge = c.post("/v1/enrol", content=b"x" * (3 * 1024 * 1024), headers={"Content-Type": "application/json"})
    assert huge.status_code == 413


def test_the_admin_command_speaks_plainly(office: Office) -> None:
    from tests.server.conftest import run_cli

    base = ["--data-dir", str(office.home.root)]
    user = office.user("Advocacy A", "advocate_supervisor")
    enrol = run_cli("enrol", user, *base, env=office.env)
    assert (
        "Code:" in enrol.stdout
        and certs.fingerprint(office.ca_pem) in enrol.stdout
        and office.home.config()["url"] in enrol.stdout
    )
    wrong_role = run_cli(
        "user", "add", "sam", "--team", "Advocacy A", "--role", "prosecutor", *base, env=office.env, check=False
    )
    assert wrong_role.returncode == 1 and "prosecution" in wrong_role.stderr and "Traceback" not in wrong_role.stderr
    usage = run_cli("team", "add", "X", "--compartment", "nowhere", *base, env=office.env, check=False)
    assert usage.returncode == 2
    again = run_cli(
        "init",
        *base,
        "--office",
        "Again",
        "--host",
        "localhost",
        "--kit",
        str(office.kit.with_name("k2.pdf")),
        env=office.env,
        check=False,
    )
    assert again.returncode == 1 and "already" in again.stderr
    assert not office.kit.with_name("k2.pdf").exists()
    audit = run_cli("audit", "--format", "csv", *base, env=office.env)
    lines = audit.stdout.splitlines()
    assert lines[0].startswith("id,occurred_at,action,outcome")
    assert any(",office_created,allowed," in line for line in lines)


def test_the_read_endpoints_serve_only_what_visible_to_allows(office: Office) -> None:
    from app.models import Consent, Disclosure, NoteEntry, Person
    from app.models.base import uuid7
    from app.server import db, records

    owner = office.enrol(office.user("Advocacy A", "advocate"))
    colleague = office.enrol(office.user("Advocacy A", "advocate_supervisor"))
    elsewhere = office.enrol(office.user("Advocacy B", "advocate"))
    prosecutor = office.enrol(office.user("Prosecution P", "prosecutor"))
    other_prosecutor = office.enrol(office.user("Prosecution Q", "prosecutor"))
    analyst = office.enrol(office.user("Administration", "analyst"))
    uid, team_a = owner.info["user_id"], office.teams["Advocacy A"]
    today = dt.date.today()
    env = dict(
        owner_user_id=uid, team_id=team_a, regime="advocacy", edited_hlc="1", edited_by=uid, edited_device=owner.id
    )
    person = Person(id=uuid7(), visibility="my_team", privileged=True, preferred_name="Fictional Person", **env)
    person.person_id = person.id
    consent = Consent(
        id=uuid7(),
        person_id=person.id,
        visibility="my_team",
        privileged=True,
        recipient="Prosecution P",
        data_covered=["Statements"],
        purpose="Court preparation",
        starts_on=today - dt.timedelta(days=1),
        expires_on=today + dt.timedelta(days=90),
        **env,
    )
    note = NoteEntry(
        id=uuid7(), person_id=person.id, visibility="my_team", privileged=True, body="Privileged words", **env
    )
    disclosure = Disclosure(
        id=uuid7(),
        person_id=person.id,
        visibility="shared_with_prosecution",
        privileged=False,
        consent_id=consent.id,
        recipient="Prosecution P",
        recipient_team_id=office.teams["Prosecution P"],
        facts="Statements: only what was agreed",
        disclosed_on=today,
        allowed=True,
        **env,
    )
    with db.sessions(office.engine)() as s, s.begin():
        for record in (person, consent, note, disclosure):
            records.store(s, record, user_id=uid, device_id=owner.id)

    def seen(device: object, path: str) -> set[str]:
        reply = device.request("GET", path)  # type: ignore[attr-defined]
        assert reply.status_code == 200, reply.text
        return {r["values"]["id"] for r in reply.json()["records"]}

    everything = {person.id, consent.id, note.id, disclosure.id}
    people_path = f"/v1/people/{person.id}/records"
    assert seen(owner, people_path) == everything
    assert seen(colleague, people_path) == everything
    assert seen(elsewhere, people_path) == set()
    assert seen(prosecutor, people_path) == {disclosure.id}
    assert seen(other_prosecutor, people_path) == set()
    assert seen(analyst, people_path) == set()

    shared = prosecutor.request("GET", f"/v1/records/{disclosure.id}")
    assert shared.status_code == 200 and shared.json()["values"]["facts"] == "Statements: only what was agreed"
    for record_id in (person.id, consent.id, note.id):
        hidden = prosecutor.request("GET", f"/v1/records/{record_id}")
        assert hidden.status_code == 404 and "Privileged" not in hidden.text
    assert analyst.request("GET", f"/v1/records/{note.id}").status_code == 404

    # Withdrawing the consent lapses the share on the very next read.
    consent.revoked_on = today
    with db.sessions(office.engine)() as s, s.begin():
        records.store(s, consent, user_id=uid, device_id=owner.id)
    assert prosecutor.request("GET", f"/v1/records/{disclosure.id}").status_code == 404
    assert seen(prosecutor, people_path) == set()

    # Every record served is in the audit log with the user and device that got it.
    with office.engine.connect() as conn:
        served = (
            conn.execute(
                sa.select(AuditEntry.record_id).where(
                    AuditEntry.action == "record_served", AuditEntry.device_id == prosecutor.id
                )
            )
            .scalars()
            .all()
        )
    assert sorted(set(served)) == [disclosure.id]


def test_the_recovery_kit_opens_office_recovery_and_the_server_forgot_its_key(office: Office) -> None:
    import re

    from nacl.public import PrivateKey
    from pypdf import PdfReader

    from app.server import kit

    text = "\n".join(page.extract_text() for page in PdfReader(str(office.kit)).pages)
    assert "Office Recovery Kit" in text and "Test Office" in text
    groups = re.findall(r"\b[0-9A-Z]{5}\b", text.split("Group 1", 1)[1])[: kit.GROUPS]
    private = kit.parse_key("-".join(groups))
    with office.engine.connect() as conn:
        public_hex = conn.scalar(sa.text("SELECT recovery_public_key FROM office"))
    assert bytes(PrivateKey(private).public_key).hex() == public_hex
    # Nothing the server keeps holds the private key, in any form.
    # A mistyped character is named by its group (pick a typo the group's check character catches).
    typo = next(ch + groups[1][1:] for ch in kit.ALPHABET if kit._check(1, ch + groups[1][1:4]) != groups[1][4])
    with pytest.raises(kit.MalformedOfficeKey, match="Group 2"):
        kit.parse_key("-".join([groups[0], typo, *groups[2:]]))
    forms = [private, private.hex().encode(), kit.format_key(private).encode(), "".join(groups).encode()]
    for path in office.home.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(form in data for form in forms), path.name
    if office.backend == "postgres":
        with office.engine.connect() as conn:
            dump = json.dumps([list(map(str, row)) for row in conn.execute(sa.text("SELECT * FROM office"))])
        assert private.hex() not in dump
