"""`offramp enrol` against a real server process: the fingerprint is checked before anything is sent, the CA and
the device key live inside the vault, the identity is recorded and the office recovery wrap added."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from app.core.workspace import Workspace
from app.protocol import certs
from app.server.models import Device
from app.storage import keyfile
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.sync import state
from tests.conftest import TEST_PASSPHRASE, snapshot_files
from tests.server.conftest import ROOT, Office

OFFRAMP = [sys.executable, "-m", "app.cli"]


def _offramp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*OFFRAMP, *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def _devices(office: Office) -> int:
    with office.engine.connect() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(Device)) or 0)


def test_offramp_enrol_records_the_office_inside_the_vault(office: Office, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    unlocked, _ = Vault(folder).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    before = unlocked.identity
    person = Workspace(unlocked).records.create("person", {"preferred_name": "Ari Example"})
    unlocked.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE + "\n")
    username = office.user("Advocacy A", "advocate")
    fingerprint = certs.fingerprint(office.ca_pem)

    # A fingerprint that is not the office's: stops before anything is sent, nothing changes anywhere.
    wrong = certs.format_fingerprint(bytes(32))
    files = snapshot_files(folder)
    devices = _devices(office)
    code = office.code(username)
    out = _offramp("enrol", "--data-dir", str(folder), "--passphrase-file", str(secret),
                   "--server", office.url, "--code", code, "--fingerprint", wrong)  # fmt: skip
    assert out.returncode == 1
    assert "does not match the fingerprint" in out.stderr and "Traceback" not in out.stderr
    assert "anyway" not in out.stderr.lower()
    assert _devices(office) == devices
    assert {k: v for k, v in snapshot_files(folder).items() if "vault.db" not in k} == {
        k: v for k, v in files.items() if "vault.db" not in k
    }

    # The right fingerprint (typed loosely) and the same code: enrolled.
    loose = fingerprint.lower().replace("-", " ")
    out = _offramp("enrol", "--data-dir", str(folder), "--passphrase-file", str(secret),
                   "--server", office.url, "--code", code, "--fingerprint", loose)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "1 record already here will go to the office at the next sync." in out.stdout
    assert _devices(office) == devices + 1

    kf = keyfile.load(folder / "vault.key")
    assert kf.header["kind"] == "enrolled"
    assert kf.recovery_wrap is not None and kf.recovery_wrap["kind"] == "office"
    assert b"PRIVATE" not in (folder / "vault.key").read_bytes()
    unlocked = Vault(folder).unlock(TEST_PASSPHRASE)  # the re-made passphrase wrap opens it
    try:
        ident = unlocked.identity
        assert ident.kind == "enrolled" and ident.vault_id == before.vault_id
        assert ident.user_id != before.user_id and ident.team_id == office.teams["Advocacy A"]
        with unlocked.session() as s:
            enrolled = state.office(s)
            # The office's name, for the quarterly report's title and a certification's benefit.
            assert state.get(s, state.OFFICE_NAME) == "Sync Office"
            row = s.get(type(person), person.id)
            assert row is not None and row.owner_user_id == ident.user_id
        assert enrolled.device_id == ident.device_id and enrolled.ca_pem == office.ca_pem
        with office.engine.connect() as conn:
            public = conn.scalar(sa.select(Device.public_key).where(Device.id == ident.device_id))
        from app.protocol import signing

        assert signing.public_key_hex(enrolled.key) == public
    finally:
        unlocked.lock()
    # Nothing on disk outside the vault's own encrypted files holds the device key or the CA.
    for path in folder.rglob("*"):
        if path.is_file() and path.name != "vault.db":
            assert b"BEGIN CERTIFICATE" not in path.read_bytes()

    # The code was single use; enrolling again is refused plainly.
    out = _offramp("enrol", "--data-dir", str(folder), "--passphrase-file", str(secret),
                   "--server", office.url, "--code", code, "--fingerprint", fingerprint)  # fmt: skip
    assert out.returncode == 1 and "already enrolled" in out.stderr


def test_an_expired_code_is_refused_plainly(office: Office, tmp_path: Path) -> None:
    from app.sync.enrol import EnrolmentError, enrol

    unlocked, _ = Vault(tmp_path / "v").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        username = office.user("Advocacy B", "advocate")
        code = office.code(username, minutes=-1)
        try:
            enrol(unlocked, TEST_PASSPHRASE, server=office.url, code=code, fingerprint=certs.fingerprint(office.ca_pem))
        except EnrolmentError as exc:
            assert "expired" in exc.message and "15 minutes" in exc.message
        else:
            raise AssertionError("an expired code enrolled a device")
        assert unlocked.identity.kind == "personal"
    finally:
        unlocked.lock()
