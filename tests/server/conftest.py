"""A real office server per database backend: `offramp-server init` and `serve` as processes, TLS on loopback.

Each backend (SQLite file, throwaway PostgreSQL database) gets one office for the test session; the server process
is started once per backend and stopped at the end. Clients trust only that office's CA (hostname checks on).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import Engine, make_url

from app.protocol import certs, signing
from app.server import admin, db
from tests.conftest import _admin_engine

ROOT = Path(__file__).resolve().parents[2]

#: The SQLCipher key of the databases tests make directly with ``db.make_engine`` (an office made by ``init`` has
#: its own key, beside its data folder).
DB_KEY = bytes(range(32))

#: Runs ``python -m MODULE ARGS`` in a process that cannot import the named packages (as if they were not
#: installed): ``[sys.executable, "-c", REFUSING, "PySide6,fastapi", "app.cli", ...]``. Each refused import is also
#: written to stderr as "refused import: NAME", so a swallowed ImportError still shows.
REFUSING = """
import runpy, sys
refused = tuple(sys.argv[1].split(","))
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if any(name == r or name.startswith(r + ".") for r in refused):
            sys.stderr.write(f"refused import: {name}\\n")
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, Refuse())
module = sys.argv[2]
sys.argv = [module, *sys.argv[3:]]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def kit_key(kit_pdf: Path) -> bytes:
    """The office recovery private key as a person reads it off the printed kit: the 13 groups, parsed as typed."""
    import io
    import re

    import pypdf

    from app.server.kit import parse_key

    words = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(kit_pdf.read_bytes())).pages)
    groups = re.findall(r"^\s*([0-9A-Z]{5})\s*$", words, flags=re.MULTILINE)
    assert len(groups) == 13, "the kit shows 13 groups"
    return parse_key("-".join(groups))


def kit_key_file(kit_pdf: Path, folder: Path) -> Path:
    """The kit's groups typed into a file, as ``restore --recovery-key-file`` takes them."""
    from app.server.kit import format_key

    path = folder / "typed-recovery-key.txt"
    path.write_text(format_key(kit_key(kit_pdf)) + "\n", encoding="utf-8")
    return path


def refusing(*refused: str, module: str) -> list[str]:
    """The command line that runs ``python -m module`` where ``refused`` packages cannot be imported."""
    return [sys.executable, "-c", REFUSING, ",".join(refused), module]


#: The office server runs without Qt: every server test starts it where PySide6 cannot be imported.
SERVER_CMD = refusing("PySide6", module="app.server.cli")


def run_cli(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*SERVER_CMD, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(f"offramp-server {args[0]} exited {result.returncode}: {result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def _throwaway_database(postgres_url: str, prefix: str) -> Iterator[str]:
    server = make_url(postgres_url)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin_engine = _admin_engine(server)
    with admin_engine.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


@pytest.fixture(scope="session")
def pg_session_database(postgres_url: str) -> Iterator[str]:
    """One throwaway PostgreSQL database for the whole server test session (the office servers' fixture)."""
    with _throwaway_database(postgres_url, "offramp_server_test") as url:
        yield url


@pytest.fixture(scope="module")
def pg_module_database(postgres_url: str) -> Iterator[str]:
    """A throwaway PostgreSQL database of a test module's own, for fixtures that seed a schema and count exactly what
    is in it (whatever ran before in the session)."""
    with _throwaway_database(postgres_url, "offramp_module_test") as url:
        yield url


@dataclass
class Office:
    """A real office: its folder, database, CA, a running server, and the people in it."""

    backend: str
    home: admin.ServerHome
    env: dict[str, str]
    engine: Engine
    ca_pem: bytes
    kit: Path
    url: str = ""
    teams: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    def client(self, ca_pem: bytes | None = None) -> httpx.Client:
        return httpx.Client(base_url=self.url, verify=certs.client_context(ca_pem or self.ca_pem), timeout=10)

    def code(self, username: str, minutes: int = admin.CODE_MINUTES) -> str:
        return admin.issue_code(self.home, self.engine, username, minutes=minutes).code

    def user(self, team: str, role: str) -> str:
        username = f"{role}-{uuid.uuid4().hex[:8]}"
        admin.add_user(self.engine, username, team=team, role=role)
        return username

    def enrol(self, username: str) -> Device:
        key = Ed25519PrivateKey.generate()
        with self.client() as c:
            reply = c.post("/v1/enrol", json={"code": self.code(username), "public_key": signing.public_key_hex(key)})
        assert reply.status_code == 200, reply.text
        return Device(office=self, key=key, info=reply.json())


@dataclass
class Device:
    office: Office
    key: Ed25519PrivateKey
    info: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.info["device_id"])

    def request(self, method: str, path: str, *, json_body: Any = None, content: bytes | None = None) -> httpx.Response:
        import json as jsonlib

        body = content if content is not None else (b"" if json_body is None else jsonlib.dumps(json_body).encode())
        headers = signing.sign_headers(self.key, self.id, method, path, body)
        if body:
            headers["Content-Type"] = "application/json"
        with self.office.client() as c:
            return c.request(method, path, content=body, headers=headers)


def _start(office: Office) -> None:
    port = free_port()
    office.url = f"https://localhost:{port}"
    office.process = subprocess.Popen(
        [*SERVER_CMD, "serve", "--data-dir", str(office.home.root), "--bind", "127.0.0.1", "--port", str(port)],
        env=office.env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if office.process.poll() is not None:
            err = office.process.stderr.read().decode() if office.process.stderr else ""
            raise AssertionError(f"the server stopped at start-up: {err}")
        try:
            with office.client() as c:
                if c.get("/v1/health").status_code == 200:
                    return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the server did not answer within 30 s")


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    backend = request.param
    folder = tmp_path_factory.mktemp(f"office-{backend}")
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    if backend == "postgres":
        env["OFFRAMP_DATABASE_URL"] = request.getfixturevalue("pg_session_database")
    home = admin.ServerHome(folder / "server")
    kit = folder / "office-recovery-kit.pdf"
    run_cli(
        "init",
        "--data-dir",
        str(home.root),
        "--office",
        "Test Office",
        "--host",
        "localhost,127.0.0.1",
        "--kit",
        str(kit),
        env=env,
    )
    url = env.get("OFFRAMP_DATABASE_URL") or db.database_url(home.root)
    engine = db.make_engine(url)
    office = Office(backend=backend, home=home, env=env, engine=engine, ca_pem=home.ca_cert.read_bytes(), kit=kit)
    for name, compartment in (
        ("Advocacy A", "advocacy"),
        ("Advocacy B", "advocacy"),
        ("Prosecution P", "prosecution"),
        ("Prosecution Q", "prosecution"),
        ("Administration", "administration"),
    ):
        office.teams[name] = admin.add_team(engine, name, compartment).id
    _start(office)
    try:
        yield office
    finally:
        if office.process is not None:
            office.process.terminate()
            try:
                office.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                office.process.kill()
        engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)
