"""The client as `pip install offramp` (no extras) leaves it: the `offramp` command creates a vault, enrols with a
real office server over TLS on loopback, and syncs a record to it, in a process that cannot import Qt, the server's
packages (FastAPI, uvicorn, psycopg) or ``app.server`` at all (the desktop bundle leaves ``app.server`` out)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import sqlalchemy as sa

from app.protocol import certs
from app.server.models import RecordHead
from tests.conftest import TEST_PASSPHRASE
from tests.server.conftest import ROOT, Office, refusing

NOT_IN_THE_CLIENT = ("PySide6", "shiboken6", "fastapi", "starlette", "uvicorn", "psycopg", "app.server")


def offramp(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*refusing(*NOT_IN_THE_CLIENT, module="app.cli"), *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, f"offramp {args[0]} exited {result.returncode}: {result.stdout}{result.stderr}"
    assert "refused import" not in result.stderr, result.stderr
    return result


def test_the_client_alone_creates_enrols_and_syncs_a_record(office: Office, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OFFRAMP_")}
    env["OFFRAMP_DEBUG"] = "1"  # an unexpected problem shows its type and place in the assertion message
    secret = tmp_path / "passphrase.txt"
    secret.write_text(TEST_PASSPHRASE + "\n", encoding="utf-8")
    common = ["--data-dir", str(tmp_path / "vault"), "--passphrase-file", str(secret)]

    offramp("vault", "create", *common, "--fast-kdf", env=env)
    username = office.user("Advocacy A", "advocate")
    enrolled = offramp(
        "enrol", *common, "--server", office.url, "--code", office.code(username),
        "--fingerprint", certs.fingerprint(office.ca_pem), env=env,
    )  # fmt: skip
    assert "enrolled with Sync Office" in enrolled.stdout

    directory = tmp_path / "providers.csv"
    directory.write_text("name,categories\nHarbor Street Legal Clinic,case_management\n", encoding="utf-8")
    offramp("providers", "import", str(directory), *common, env=env)
    synced = offramp("sync", *common, "--yes", env=env)
    assert "Sync finished: sent 1" in synced.stdout

    with office.engine.connect() as conn:
        heads = conn.execute(sa.select(RecordHead.type).where(RecordHead.type == "provider")).scalars().all()
    assert heads == ["provider"]
