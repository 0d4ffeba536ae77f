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
