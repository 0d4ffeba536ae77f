"""Journey tests: the real main window driven with keys and clicks, against a real office server process over TLS on
loopback (SQLite; the server's rules have their own tests on PostgreSQL too). The office and the enrolled laptops
come from the sync tests' helpers, so a journey walks exactly what those prove piece by piece."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from app.server import admin, db
from tests.server.conftest import Office, _start, run_cli
from tests.sync.conftest import stop

TEAMS = (("Advocacy A", "advocacy"), ("Prosecution P", "prosecution"), ("Prosecution Q", "prosecution"))


@pytest.fixture(autouse=True)
def _gc_on_main_thread(qt_main_thread_gc: None) -> None:
    """Cycles are collected on the main thread only, as in the app."""


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text for the screenshots to mean anything."""


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("e2e-office")
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = admin.ServerHome(folder / "server")
    kit = folder / "kit.pdf"
    run_cli("init", "--data-dir", str(home.root), "--office", "Riverside Office", "--host", "localhost,127.0.0.1",
            "--kit", str(kit), env=env)  # fmt: skip
    engine = db.make_engine(db.database_url(home.root))
    the = Office(backend="sqlite", home=home, env=env, engine=engine, ca_pem=home.ca_cert.read_bytes(), kit=kit)
    for name, compartment in TEAMS:
        the.teams[name] = admin.add_team(engine, name, compartment).id
    _start(the)
    try:
        yield the
    finally:
        stop(the)
        engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)
