"""Issue 19, item 4: what a screen reader really gets. The real app (``python -m app``) runs in a real X server
(Xvfb) on a private D-Bus session with the AT-SPI bus (at-spi2-core) and Qt's AT-SPI bridge on; a separate process,
the system's python3 with ``gi.repository.Atspi`` (tests/ui/atspi_walker.py), walks the app's accessible tree as
Orca would: on the unlock screen, then, after typing the passphrase through AT-SPI's editable-text interface and
pressing Unlock through its action interface, on the caseload. Every button, check box, radio button, text field,
choice, list and table shown must have a name, a role that says what it is, and sensible states (enabled and
sensitive agree; enabled means focusable, except a toolbar button whose command is also in a menu).

tests/ui/test_accessibility_walk.py walks every screen in-process through Qt's accessibility interface; this one
proves that what it checks reaches the bus. It needs the Debian packages scripts/install-system-deps.sh installs
for the tests (TEST_PACKAGES there); without them it skips and says which are missing, except under CI=true
(.ci/run), where it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.demo.people import generate
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from tests.ui.helpers import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walker.py")
#: Debian's own python3, where python3-gi and gir1.2-atspi-2.0 put ``gi`` (the project's virtualenv has no gi).
SYSTEM_PYTHON = "/usr/bin/python3"
#: D-Bus starts the AT-SPI bus launcher from this file when asked for the org.a11y.Bus name.
A11Y_BUS_SERVICE = Path("/usr/share/dbus-1/services/org.a11y.Bus.service")
WALK_SECONDS = 90
PEOPLE = 8

pytestmark = pytest.mark.slow


def _missing() -> list[str]:
    """What this machine lacks for a walk over a real accessibility bus, by Debian package."""
    missing = []
    if shutil.which("Xvfb") is None:
        missing.append("xvfb (Xvfb)")
    if shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None:
        missing.append("dbus (dbus-daemon, dbus-send)")
    if not A11Y_BUS_SERVICE.is_file():
        missing.append("at-spi2-core (the AT-SPI bus launcher and registry)")
    probe = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        missing.append(f"python3 ({SYSTEM_PYTHON})")
    elif subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True, timeout=30, env=_bare()).returncode != 0:
        missing.append("python3-gi and gir1.2-atspi-2.0 (Atspi for the system's python3)")
    return missing


def _bare(**extra: str) -> dict[str, str]:
    """A clean environment: nothing of the virtualenv, the test run's display or session bus."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def needs_a_bus() -> None:
    missing = _missing()
    if not missing:
        return
    reason = (
        "the walk over a real AT-SPI bus needs: " + "; ".join(missing) + ". `make setup` installs them as root "
        "(scripts/install-system-deps.sh, TEST_PACKAGES; run it on its own when the virtualenv is already set up)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run this test, so it fails instead of skipping.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory, needs_a_bus: None) -> Path:
    folder = tmp_path_factory.mktemp("atspi") / "vault"
    unlocked, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor(), regime="advocacy")
    try:
        generate(Workspace(unlocked), persons=PEOPLE, seed=19)  # fictional people
    finally:
        unlocked.lock()
    return folder


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End ``proc``, then what it started (its own process group: D-Bus's activated services, the app's helpers).

    The process alone first, so what it started sees it go and ends by itself, ending its own children with it
    (the AT-SPI bus launcher and its bus): a child orphaned by a signal to the whole group may never be reaped.
    """
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)  # what did not end by itself


def _start(stack: ExitStack, argv: list[str], env: dict[str, str], **kw: object) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(argv, env=env, start_new_session=True, **kw)  # type: ignore[call-overload]
    stack.callback(_stop, proc)
    return proc


def _first_line(proc: subprocess.Popen[bytes], what: str, seconds: float = 20) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + seconds
    os.set_blocking(proc.stdout.fileno(), False)
    got = b""
    while b"\n" not in got:
        if time.monotonic() > deadline or proc.poll() is not None:
            pytest.fail(f"{what} did not start (exit status {proc.poll()})", pytrace=False)
        chunk = proc.stdout.read()
        if chunk:
            got += chunk
        else:
            time.sleep(0.05)
    return got.split(b"\n", 1)[0].decode().strip()


@pytest.fixture
def accessibility_bus(tmp_path: Path, needs_a_bus: None) -> Iterator[dict[str, str]]:
    """An X server and a private session bus with the AT-SPI bus running: the environment to join them."""
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    with ExitStack() as stack:
        xvfb = _start(
            stack,
            ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            _bare(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        display = f":{_first_line(xvfb, 'Xvfb')}"
        env = _bare(DISPLAY=display, HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
        bus = _start(
            stack,
            ["dbus-daemon", "--session", "--nofork", "--print-address=1", f"--address=unix:dir={runtime}"],
            env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        env["DBUS_SESSION_BUS_ADDRESS"] = _first_line(bus, "The session bus")
        # Start the AT-SPI bus first: Qt's bridge joins it when it is there (it does not start it itself).
        get_address = ["--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress"]
        asked = subprocess.run(
            ["dbus-send", "--session", "--print-reply", *get_address],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert asked.returncode == 0 and "unix:" in asked.stdout, f"the AT-SPI bus did not start: {asked.stderr}"
        yield env


def _listing(screens: list[dict]) -> str:
    """Per screen, what the walk found shown on screen and what is wrong with it."""
    lines = []
    for s in screens:
        lines.append(f"--- {s['screen']} ({len(s['problems'])} problems):")
        lines += [f"  PROBLEM {p}" for p in s["problems"]]
        for n in s["nodes"]:
            if n["shown"] and not n["inside_items"]:
                depth = "  " * n["path"].count("/")
                states = ",".join(x for x in n["states"] if x not in {"showing", "visible"})
                lines.append(f"  {depth}{n['role']} {n['name']!r} [{states}]")
    return "\n".join(lines)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_on_the_unlock_screen_and_the_caseload_reaches_at_spi(
    accessibility_bus: dict[str, str], demo_vault: Path, tmp_path: Path, language: str
) -> None:
    started = time.monotonic()
    vault = tmp_path / "vault"
    shutil.copytree(demo_vault, vault)
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    home = tmp_path / "app-home"
    app_env = {
        **{k: v for k, v in os.environ.items() if k != "AT_SPI_BUS_ADDRESS"},  # never a desktop's own bus
        **accessibility_bus,
        "QT_QPA_PLATFORM": "xcb",  # Qt's AT-SPI bridge runs with a real window system, not offscreen
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",  # as when a screen reader runs
        "OFFRAMP_LANGUAGE": language,
        **{var: str(home / var.lower()) for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")},
    }
    app_log = tmp_path / "app.log"
    with ExitStack() as stack, app_log.open("wb") as log:
        app = [sys.executable, "-m", "app", "--data-dir", str(vault)]
        _start(stack, app, app_env, cwd=ROOT, stdout=log, stderr=log)
        walked = subprocess.run(
            [SYSTEM_PYTHON, str(WALKER), str(secret)],
            env=accessibility_bus,
            capture_output=True,
            text=True,
            timeout=WALK_SECONDS,
        )
    took = time.monotonic() - started
    app_says = app_log.read_text(encoding="utf-8", errors="replace")[-3000:]
    assert walked.returncode == 0, f"the walk failed: {walked.stdout}{walked.stderr}\nthe app said:\n{app_says}"
    screens = json.loads(walked.stdout)["screens"]
    assert [s["screen"] for s in screens] == ["unlock", "caseload"]
    unlock, caseload = screens
    shown = [n for n in unlock["nodes"] if n["shown"]]
    assert [n for n in shown if n["role"] == "password text" and n["name"]], _listing(screens)
    assert [n for n in shown if n["role"] == "push button" and "is-default" in n["states"]], _listing(screens)
    tables = [n for n in caseload["nodes"] if n["shown"] and n["role"] == "table"]
    assert len(tables) == 1 and tables[0]["name"] and tables[0]["rows"] == PEOPLE, _listing(screens)
    assert "focusable" in tables[0]["states"], _listing(screens)
    if unlock["problems"] or caseload["problems"]:
        pytest.fail(f"what a screen reader or the keyboard would miss:\n{_listing(screens)}", pytrace=False)
    controls = sum(1 for s in screens for n in s["nodes"] if n["shown"] and n["control"] and not n["inside_items"])
    print(
        f"\n[atspi {language}] {controls} controls walked on 2 screens in {took:.1f} s",
        file=sys.__stdout__,
        flush=True,
    )
