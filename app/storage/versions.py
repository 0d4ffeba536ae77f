"""Versions of the storage libraries, for the About dialog and support requests."""

from __future__ import annotations

import sqlcipher3.dbapi2 as sqlcipher


def sqlcipher_version() -> str:
    """The SQLCipher library this build uses (``PRAGMA cipher_version`` on a throwaway in-memory database)."""
    conn = sqlcipher.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else "unknown"


def sqlite_version() -> str:
    """The SQLite version SQLCipher is built on."""
    return str(sqlcipher.sqlite_version)
