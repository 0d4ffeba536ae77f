"""``python -m app --self-test``: a packaged build proves it works on this machine without touching any vault.

Opens an encrypted in-memory database with a random key (write, read, full-text search), prints the SQLCipher and
Qt versions, renders the main window offscreen on a temporary empty folder, and exits 0; any failure prints one
line and exits 1. No file outside a temporary folder is written, and that folder is removed.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        sqlcipher = _check_database()
        qt = _check_window()
    except Exception as exc:  # one plain line; the type only, never data
        print(f"Offramp self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    from app import __version__

    print(f"Offramp {__version__} self-test passed: SQLCipher {sqlcipher}, {qt}")
    return 0


def _check_database() -> str:
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
        version = conn.execute("PRAGMA cipher_version").fetchone()[0]
        if not version:
            raise RuntimeError("this SQLite has no encryption")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(name, tokenize = 'unicode61 remove_diacritics 2')")
        conn.execute("INSERT INTO t(name) VALUES ('Self Test Person')")
        hits = conn.execute("SELECT count(*) FROM t WHERE t MATCH '\"self\"*'").fetchone()[0]
        if hits != 1:
            raise RuntimeError("full-text search does not work")
    finally:
        conn.close()
    return str(version)


def _check_window() -> str:
    from app.storage.vault import Vault
    from app.ui.main_window import MainWindow
    from app.ui.qt import PYSIDE6_VERSION, QApplication, qVersion

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["offramp-self-test"])
    with tempfile.TemporaryDirectory(prefix="offramp-self-test-") as folder:
        window = MainWindow(Vault(Path(folder) / "no-vault-here"))
        window.resize(800, 600)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        app.processEvents()
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the window did not render")
    return f"Qt {qVersion()}, PySide6 {PYSIDE6_VERSION}"


if __name__ == "__main__":
    sys.exit(run())
