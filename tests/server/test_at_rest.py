"""The office server at rest (issue 16, item 1): a stolen server disk or backup is useless.

A fictional canary goes from a real vault through a real sync to a real ``offramp-server serve`` process (SQLite and
PostgreSQL). Then nothing the server keeps in its data folder, and nothing in its backup, holds the canary, the PEM
private keys or the database key in the clear; every file is 0600 in 0700 folders. Restoring without the printed
kit is refused with one sentence; with the key typed off the kit, the canary is back. The server refuses a missing
or wrong database key and an unencrypted database in one sentence each; ``upgrade`` encrypts an old one; ``check``
reports what it can see and asks the rest.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.engine import make_url

from app.models import Person
from app.server import admin, db
from tests.conftest import _admin_engine
from tests.server.conftest import SERVER_CMD, Office, _start, kit_key_file, run_cli
from tests.sync.conftest import make_laptop, stop

ROOT = Path(__file__).resolve().parents[2]
#: A fictional value no real record would hold, pushed through a real sync and looked for byte by byte.
CANARY = "Quillfeather Zephyrine 7Q3X canary"
SAFE_TIMES = "Canary hours: Tuesdays after 4, ask for Wren 9K2"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    backend = request.param
    folder = tmp_path_factory.mktemp(f"at-rest-{backend}")
    folder.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    databases: list[str] = []
    if backend == "postgres":
        databases.append(_new_pg_database(request))
        env["OFFRAMP_DATABASE_URL"] = databases[0]
    home = admin.ServerHome(folder / "server")
    kit = folder / "kit.pdf"
    run_cli("init", "--data-dir", str(home.root), "--office", "At Rest Office", "--host", "localhost,127.0.0.1",
            "--kit", str(kit), env=env)  # fmt: skip
    engine = db.make_engine(env.get("OFFRAMP_DATABASE_URL") or db.database_url(home.root))
    the = Office(backend=backend, home=home, env=env, engine=engine, ca_pem=home.ca_cert.read_bytes(), kit=kit)
    the.teams["Advocacy A"] = admin.add_team(engine, "Advocacy A", "advocacy").id
    _start(the)
    try:
        yield the
    finally:
        stop(the)
        engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def _new_pg_database(request: pytest.FixtureRequest) -> str:
    server = make_url(request.getfixturevalue("postgres_url"))
    name = f"offramp_at_rest_{uuid.uuid4().hex[:12]}"
    admin_engine = _admin_engine(server)
    with admin_engine.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))

    def drop() -> None:
        with admin_engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()

    request.addfinalizer(drop)
    return server.set(database=name).render_as_string(hide_password=False)


def _files(root: Path) -> list[Path]:
    return [p for p in sorted(root.rglob("*")) if p.is_file()]


def _secrets_in(path: Path, secrets: dict[str, bytes]) -> list[str]:
    data = path.read_bytes()
    return [name for name, value in secrets.items() if value in data]


def _modes_wrong(root: Path) -> list[str]:
    """Every folder 0700 and every file 0600, the folder itself included."""
    wrong = []
    for path in [root, *sorted(root.rglob("*"))]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode != (0o700 if path.is_dir() else 0o600):
            wrong.append(f"{path.relative_to(root.parent)} {mode:04o}")
    return wrong


def _canaries_on_server(url: str) -> list[tuple[str, str | None]]:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.select(Person.preferred_name, Person.safe_times)).all()
        return [(name, times) for name, times in rows if name == CANARY]
    finally:
        engine.dispose()


def test_a_stolen_data_folder_or_backup_holds_no_record_and_only_the_kit_restores_it(
    office: Office, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    laptop = make_laptop(office, tmp_path / "laptop", "Advocacy A", "advocate")
    try:
        laptop.ws.records.create("person", {"preferred_name": CANARY, "safe_times": SAFE_TIMES})
        laptop.sync()
    finally:
        laptop.close()
    url = office.env.get("OFFRAMP_DATABASE_URL") or db.database_url(office.home.root)
    assert _canaries_on_server(url) == [(CANARY, SAFE_TIMES)]  # it did reach the server

    backups = tmp_path / "backups"
    backups.mkdir(mode=0o700)
    out = backups / "office.backup"
    run_cli("backup", str(out), "--data-dir", str(office.home.root), env=office.env)  # while it serves

    secrets = {
        "canary": CANARY.encode("utf-8"),
        "safe times": SAFE_TIMES.encode("utf-8"),
        "a PEM private key": b"PRIVATE KEY",
        "the office name": b"At Rest Office",
    }
    key_file = db.key_path(office.home.root)
    if office.backend == "sqlite":
        # The database key lives outside the data folder, and neither the folder nor the backup holds it.
        assert not key_file.resolve().is_relative_to(office.home.root.resolve())
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        secrets["the database key"] = key_file.read_text(encoding="ascii").strip().encode("ascii")
        secrets["the database key, raw"] = bytes.fromhex(secrets["the database key"].decode())
        assert not db.is_plaintext(office.home.root / "server.db")
    scanned = _files(office.home.root)
    assert (office.home.root / "tls" / "ca-key.pem") in scanned
    for path in scanned:
        if path.parent.name == "tls":
            continue  # the TLS keys are PEM by nature; they are looked for in the backup below
        assert _secrets_in(path, secrets) == [], path.name
    assert _secrets_in(out, secrets) == []
    assert _modes_wrong(office.home.root) == []
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    # Without the printed kit, no restore: one sentence, and nothing made.
    rebuilt = admin.ServerHome(tmp_path / "rebuilt" / "server")
    env = dict(office.env)
    if office.backend == "postgres":
        env["OFFRAMP_DATABASE_URL"] = _new_pg_database(request)
    refused = subprocess.run(
        [*SERVER_CMD, "restore", str(out), "--data-dir", str(rebuilt.root)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "Restoring a backup needs the office recovery key from the printed Office Recovery Kit: type it when "
        "asked, or give a file holding it with --recovery-key-file."
    )
    assert not rebuilt.root.exists()

    # With the key typed off the kit, the office and the canary are back, encrypted again and for the server only.
    (tmp_path / "rebuilt").mkdir(mode=0o700)
    typed = kit_key_file(office.kit, tmp_path)
    run_cli("restore", str(out), "--data-dir", str(rebuilt.root), "--recovery-key-file", str(typed), env=env)
    new_url = env.get("OFFRAMP_DATABASE_URL") or db.database_url(rebuilt.root)
    assert _canaries_on_server(new_url) == [(CANARY, SAFE_TIMES)]
    assert _modes_wrong(rebuilt.root) == []
    for path in _files(rebuilt.root):
        if path.parent.name != "tls":
            assert _secrets_in(path, {"canary": CANARY.encode()}) == [], path.name
    if office.backend == "sqlite":
        new_key = db.key_path(rebuilt.root)
        assert new_key.read_bytes() != key_file.read_bytes()  # a new database, a new key
        assert stat.S_IMODE(new_key.stat().st_mode) == 0o600


def _plain_copy(encrypted: Path, key_file: Path, target: Path) -> None:
    """What a server made before encryption kept: the same database, unencrypted."""
    conn = sqlcipher.connect(str(encrypted), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key_file.read_text(encoding='ascii').strip()}'\"")
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def test_the_server_refuses_a_missing_or_wrong_key_and_upgrade_encrypts_an_old_plaintext_database(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = admin.ServerHome(tmp_path / "server")
    run_cli("init", "--data-dir", str(home.root), "--office", "Old Office", "--host", "localhost",
            "--kit", str(tmp_path / "kit.pdf"), env=env)  # fmt: skip
    key_file = db.key_path(home.root)
    assert key_file == tmp_path / "server.database-key"
    run_cli("team", "add", "Advocacy A", "--compartment", "advocacy", "--data-dir", str(home.root), env=env)

    def refusal(*args: str, extra: dict[str, str] | None = None) -> str:
        result = run_cli(*args, "--data-dir", str(home.root), env={**env, **(extra or {})}, check=False)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        return result.stderr.strip()

    missing = tmp_path / "elsewhere.key"
    assert refusal("serve", "--port", "0", extra={db.KEY_ENV: str(missing)}) == (
        f"The key to the server's database is missing (it is looked for at {missing}); set "
        "OFFRAMP_DATABASE_KEY_FILE to where this office's key is kept."
    )
    wrong = tmp_path / "wrong.key"
    wrong.write_text("ab" * 32 + "\n", encoding="ascii")
    assert refusal("team", "list", extra={db.KEY_ENV: str(wrong)}) == db.WRONG_KEY

    # An office from before encryption: the same database, in the clear. The server refuses it until upgraded.
    plain = tmp_path / "plain.db"
    _plain_copy(home.root / "server.db", key_file, plain)
    os.replace(plain, home.root / "server.db")
    key_file.unlink()
    assert db.is_plaintext(home.root / "server.db")
    assert refusal("serve", "--port", "0") == db.NOT_ENCRYPTED

    upgraded = run_cli("upgrade", "--data-dir", str(home.root), env=env)
    assert "is now encrypted" in upgraded.stdout and str(key_file) in upgraded.stdout
    assert not db.is_plaintext(home.root / "server.db")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert b"Advocacy A" not in (home.root / "server.db").read_bytes()
    assert "Advocacy A" in run_cli("team", "list", "--data-dir", str(home.root), env=env).stdout
    assert sorted(p.name for p in home.root.iterdir()) == ["config.json", "server.db", "tls"]
    again = run_cli("upgrade", "--data-dir", str(home.root), env=env)
    assert "is now encrypted" not in again.stdout


def test_check_reports_what_protects_the_data_and_names_what_does_not(office: Office) -> None:
    report = run_cli("check", "--data-dir", str(office.home.root), env=office.env, check=False)
    lines = report.stdout.splitlines()
    assert "ok       The data folder is for the server's account only (0700)." in lines
    if office.backend == "sqlite":
        assert report.returncode == 0, report.stdout + report.stderr
        assert "ok       The SQLite database is encrypted (SQLCipher) and its key opens it." in lines
        loose = office.home.root / "config.json"
        loose.chmod(0o644)
        try:
            bad = run_cli("check", "--data-dir", str(office.home.root), env=office.env, check=False)
        finally:
            loose.chmod(0o600)
        assert bad.returncode == 1
        assert "PROBLEM  Other accounts can read 1 file or folder in it: config.json." in bad.stdout.splitlines()
        assert bad.stderr.strip() == "1 of these need attention before the server holds real records."
    else:
        # The test database is reached over TCP without TLS: named as a problem; storage encryption is asked.
        assert report.returncode == 1
        assert any(line.startswith("PROBLEM  The connection to the database does not use TLS") for line in lines)
        assert any(line.startswith("CONFIRM  Whether the database's storage is encrypted") for line in lines)
