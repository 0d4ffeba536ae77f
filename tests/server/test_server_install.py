"""The office server as `pip install 'offramp[server]'` leaves it: no Qt. It starts, answers over TLS and stops in a
process that cannot import PySide6 (every server test starts it that way: SERVER_CMD in conftest.py)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import httpx

from app.server import admin
from tests.server.conftest import ROOT, SERVER_CMD, free_port, run_cli


def test_the_server_starts_and_answers_where_qt_cannot_be_imported(tmp_path: Path) -> None:
    assert "PySide6" in SERVER_CMD[3].split(",")
    home = admin.ServerHome(tmp_path / "server")
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    init = run_cli("init", "--data-dir", str(home.root), "--office", "Qt-free Office", "--host", "localhost",
                   "--kit", str(tmp_path / "kit.pdf"), env=env)  # fmt: skip
    assert "refused import" not in init.stderr
    port = free_port()
    process = subprocess.Popen(
        [*SERVER_CMD, "serve", "--data-dir", str(home.root), "--bind", "127.0.0.1", "--port", str(port)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        status = None
        deadline = time.monotonic() + 30
        while status is None and time.monotonic() < deadline and process.poll() is None:
            try:
                with httpx.Client(verify=_context(home), timeout=5) as client:
                    status = client.get(f"https://localhost:{port}/v1/health").status_code
            except httpx.TransportError:
                time.sleep(0.1)
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=15)
    assert status == 200, err
    assert "refused import" not in err


def _context(home: admin.ServerHome):  # type: ignore[no-untyped-def]
    from app.protocol import certs

    return certs.client_context(home.ca_cert.read_bytes())
