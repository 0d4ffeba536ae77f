"""``python -m app --self-test`` as a packaged build runs it: a real process, offscreen, exit 0 and one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_passes_here_and_leaves_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "self-test passed: SQLCipher 4." in result.stdout
    assert "Qt 6." in result.stdout
    assert list(tmp_path.iterdir()) == [], "the temporary folder is removed"


def test_self_test_fails_with_one_line_when_encryption_is_missing(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sqlcipher3.dbapi2

    from app import self_test

    class NoCipher:
        def __init__(self, *a: object) -> None:
            pass

        def execute(self, sql: str) -> object:
            class Cursor:
                def fetchone(self) -> tuple[str]:
                    return ("",)

            return Cursor()

        def close(self) -> None:
            pass

    monkeypatch.setattr(sqlcipher3.dbapi2, "connect", NoCipher)
    assert self_test.run() == 1


def _modules_in_the_tree() -> set[str]:
    """Every module under app/ as the source tree has it (the vault's migrations are files Alembic reads, not
    modules the app imports)."""
    root = Path(__file__).resolve().parents[2] / "app"
    found: set[str] = set()
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if "migrations" in parts or "__pycache__" in parts:
            continue
        found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_the_self_test_list_names_every_client_module_and_no_server_one() -> None:
    from app.self_test import CLIENT_MODULES, is_client_module

    tree = _modules_in_the_tree()
    assert "app.ui.main_window" in tree and "app.server.app" in tree  # the walk sees both sides
    forgotten = sorted(name for name in tree if is_client_module(name) and name not in CLIENT_MODULES)
    assert not forgotten, f"add these to app.self_test.CLIENT_MODULES (or to NOT_IN_THE_APP): {forgotten}"
    server = sorted(name for name in CLIENT_MODULES if not is_client_module(name))
    assert not server, f"the desktop app must not load these: {server}"
    gone = sorted(name for name in CLIENT_MODULES if name not in tree)
    assert not gone, f"CLIENT_MODULES names modules that no longer exist: {gone}"
    assert len(set(CLIENT_MODULES)) == len(CLIENT_MODULES)


def test_every_client_module_imports_without_the_server_code() -> None:
    """As in the bundle, where app.server is left out: a client module that reached for it would fail here."""
    script = (
        "import sys\n"
        "for name in ('app.server', 'fastapi', 'uvicorn', 'psycopg'):\n"
        "    sys.modules[name] = None  # importing any of them now raises ImportError\n"
        "from app.self_test import _check_modules\n"
        "print(_check_modules())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    from app.self_test import CLIENT_MODULES

    assert result.stdout.strip() == str(len(CLIENT_MODULES))
