"""`make run` (app/demo/run.py) where Qt cannot open a window says so in one sentence and leaves no demo office
server behind; a demo server never outlives the run that started it, however that run ends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.server.conftest import ROOT


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OFFRAMP_", "QT_"))}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def _processes_in(folder: Path) -> list[int]:
    """Processes whose command line names this folder (the demo office server is started with its path)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if str(folder) in cmdline and _alive(int(entry.name)):
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_qt_that_cannot_open_a_window_gets_one_sentence_and_no_server_is_left(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.demo.run"], cwd=tmp_path, env=_env(QT_QPA_PLATFORM="nonexistent"),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    said = result.stderr.strip()
    assert len(said.splitlines()) == 1 and said.endswith("."), said
    assert "qt.qpa" not in said and "Traceback" not in said and "plugin" not in said
    assert "install-system-deps.sh" in said
    assert _processes_in(tmp_path) == []


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; the server's parent-death signal")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_the_demo_server_stops_when_the_run_that_started_it_ends(tmp_path: Path, how: signal.Signals) -> None:
    run = subprocess.Popen(
        [sys.executable, "-m", "app.demo.run"], cwd=tmp_path, env=_env(QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    state = tmp_path / "demo-office" / "demo-server.json"
    try:
        deadline = time.monotonic() + 120
        while not state.exists() and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
        assert state.exists(), "the demo office did not start"
        server_pid = int(json.loads(state.read_text(encoding="utf-8"))["pid"])
        assert _alive(server_pid)
        run.send_signal(how)
        run.wait(timeout=30)
        deadline = time.monotonic() + 20
        while _alive(server_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(server_pid)
        assert _processes_in(tmp_path) == []
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(timeout=10)
        for pid in _processes_in(tmp_path):
            os.kill(pid, signal.SIGKILL)
