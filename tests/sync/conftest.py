"""Sync tests: a real office server process over TLS on loopback (SQLite file and real PostgreSQL), and real vaults
enrolled with it through `app.sync.enrol`, syncing through `app.sync.client.SyncSession`.

Each test module gets its own office (so a test may stop and restart the server process); the people in it are made
with the admin functions, as `offramp-server` would.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from app.core.workspace import Workspace
from app.protocol import certs
from app.server import admin, db
from app.storage.kdf import KdfParams
from app.storage.vault import UnlockedVault, Vault
from app.sync.client import Report, SyncSession
from app.sync.enrol import enrol
from tests.conftest import TEST_PASSPHRASE, _admin_engine
from tests.server.conftest import Office, _start, run_cli

TEAMS = (
    ("Advocacy A", "advocacy"),
    ("Advocacy B", "advocacy"),
    ("Prosecution P", "prosecution"),
    ("Administration", "administration"),
)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    backend = request.param
    folder = tmp_path_factory.mktemp(f"sync-office-{backend}")
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    pg_name = None
    admin_engine = None
    if backend == "postgres":
        server = make_url(request.getfixturevalue("postgres_url"))
        pg_name = f"offramp_sync_test_{uuid.uuid4().hex[:12]}"
        admin_engine = _admin_engine(server)
        with admin_engine.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE \"{pg_name}\" TEMPLATE template0 ENCODING 'UTF8'"))
        env["OFFRAMP_DATABASE_URL"] = server.set(database=pg_name).render_as_string(hide_password=False)
    home = admin.ServerHome(folder / "server")
    kit = folder / "kit.pdf"
    run_cli(
        "init", "--data-dir", str(home.root), "--office", "Sync Office", "--host", "localhost,127.0.0.1",
        "--kit", str(kit), env=env,
    )  # fmt: skip
    engine = db.make_engine(env.get("OFFRAMP_DATABASE_URL") or db.database_url(home.root))
    the_office = Office(backend=backend, home=home, env=env, engine=engine, ca_pem=home.ca_cert.read_bytes(), kit=kit)
    for name, compartment in TEAMS:
        the_office.teams[name] = admin.add_team(engine, name, compartment).id
    _start(the_office)
    try:
        yield the_office
    finally:
        stop(the_office)
        engine.dispose()
        if admin_engine is not None:
            with admin_engine.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)'))
            admin_engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def stop(office: Office, *, kill: bool = False) -> None:
    proc = office.process
    if proc is None:
        return
    if kill:
        proc.kill()
    else:
        proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    office.process = None


def restart(office: Office) -> None:
    """Start the server again on a new port, and point every device at it (the same office, CA and database)."""
    stop(office)
    _start(office)


@dataclass
class Laptop:
    """A real vault on a real data folder, enrolled with the office."""

    office: Office
    folder: Path
    vault: UnlockedVault
    username: str
    lines: list[str] = field(default_factory=list)

    @property
    def ws(self) -> Workspace:
        return Workspace(self.vault)

    def sync(self, **kwargs: Any) -> Report:
        with self.ws.session() as s, s.begin():
            from app.sync import state

            state.put(s, state.SERVER_URL, self.office.url)  # the test server moves port when restarted
        return SyncSession(self.ws, progress=self.lines.append, timeout=20, **kwargs).run()

    def records(self, record_type: str) -> dict[str, Any]:
        from app.models import RECORD_TYPES

        cls = RECORD_TYPES[record_type]
        with self.vault.session() as s:
            rows = s.scalars(sa.select(cls)).all()
            s.expunge_all()
        return {r.id: r for r in rows}

    def outbox(self) -> list[str]:
        from app.models import OutboxEntry

        with self.vault.session() as s:
            return list(s.scalars(sa.select(OutboxEntry.mutation_id).order_by(OutboxEntry.mutation_id)))

    def close(self) -> None:
        self.vault.lock()


@contextlib.contextmanager
def sqlite_office(
    folder: Path, teams: Sequence[tuple[str, str]], *, name: str = "Riverside Office"
) -> Iterator[Office]:
    """A real office server process on SQLite, TLS on loopback, with ``teams`` ((name, compartment) pairs): the
    office the window's journeys sync with. Stopped and its folder removed afterwards."""
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = admin.ServerHome(folder / "server")
    kit = folder / "kit.pdf"
    run_cli("init", "--data-dir", str(home.root), "--office", name, "--host", "localhost,127.0.0.1",
            "--kit", str(kit), env=env)  # fmt: skip
    engine = db.make_engine(db.database_url(home.root))
    the = Office(backend="sqlite", home=home, env=env, engine=engine, ca_pem=home.ca_cert.read_bytes(), kit=kit)
    for team, compartment in teams:
        the.teams[team] = admin.add_team(engine, team, compartment).id
    _start(the)
    try:
        yield the
    finally:
        stop(the)
        engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def make_laptop(office: Office, folder: Path, team: str, role: str, *, regime: str | None = None) -> Laptop:
    username = office.user(team, role)
    regime = regime or ("prosecution" if "Prosecution" in team else "advocacy")
    vault, _code = Vault(folder).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(), regime=regime)
    enrol(
        vault,
        TEST_PASSPHRASE,
        server=office.url,
        code=office.code(username),
        fingerprint=certs.fingerprint(office.ca_pem),
    )
    return Laptop(office=office, folder=folder, vault=vault, username=username)


@pytest.fixture
def laptops(office: Office, tmp_path: Path) -> Iterator[Any]:
    made: list[Laptop] = []

    def factory(team: str = "Advocacy A", role: str = "advocate") -> Laptop:
        laptop = make_laptop(office, tmp_path / f"laptop{len(made)}", team, role)
        made.append(laptop)
        return laptop

    yield factory
    for laptop in made:
        laptop.close()


def consent_values(**over: Any) -> dict[str, Any]:
    today = dt.date.today()
    values = {
        "recipient": "Prosecution P",
        "purpose": "Case preparation",
        "data_covered": ["statements"],
        "starts_on": today - dt.timedelta(days=1),
        "expires_on": today + dt.timedelta(days=90),
    }
    values.update(over)
    return values
