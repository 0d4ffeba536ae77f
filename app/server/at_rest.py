"""``offramp-server check``: how the office's data is protected at rest and on its way to the database.

What can be seen from the server is checked; what cannot is asked. Checked: the data folder is the server account's
alone (0700, every file in it 0600); on SQLite, the database is SQLCipher-encrypted, its key is found outside the
data folder and readable by the server's account only, and it opens the database; on PostgreSQL, whether this
server's own connection to the database uses TLS (``pg_stat_ssl`` for this session) and whether the address asks
libpq to check the database server's certificate and name (``sslmode=verify-full``), or goes over a Unix socket on
this machine, where nothing crosses the network. Asked: whether the database's storage is encrypted. No query tells
that: disk or volume encryption sits below PostgreSQL, and PostgreSQL itself has no encryption at rest.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.errors import OfframpError
from app.server import db
from app.server.admin import ServerHome

OK, PROBLEM, ASK = "ok", "problem", "ask"


@dataclass(frozen=True)
class Finding:
    status: str
    text: str

    @property
    def ok(self) -> bool:
        return self.status != PROBLEM


def check_server(home: ServerHome) -> list[Finding]:
    findings = [*_folder(home.root)]
    url = home.database_url()
    path = db.sqlite_file(url)
    if path is not None:
        findings += _sqlite(path)
    else:
        findings += _postgresql(url)
    return findings


def _folder(root: Path) -> list[Finding]:
    out = []
    mode = stat.S_IMODE(root.stat().st_mode)
    if mode & 0o077:
        out.append(
            Finding(PROBLEM, f"The data folder can be opened by other accounts (mode {mode:04o}); make it 0700.")
        )
    else:
        out.append(Finding(OK, "The data folder is for the server's account only (0700)."))
    loose = []
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            if stat.S_IMODE(os.lstat(os.path.join(folder, name)).st_mode) & 0o077:
                loose.append(os.path.relpath(os.path.join(folder, name), root))
        for name in files:
            if stat.S_IMODE(os.lstat(os.path.join(folder, name)).st_mode) & 0o077:
                loose.append(os.path.relpath(os.path.join(folder, name), root))
    if loose:
        shown = ", ".join(sorted(loose)[:5]) + (" and more" if len(loose) > 5 else "")
        what = "file or folder" if len(loose) == 1 else "files or folders"
        out.append(Finding(PROBLEM, f"Other accounts can read {len(loose)} {what} in it: {shown}."))
    else:
        out.append(Finding(OK, "Every file in it is readable by the server's account only."))
    return out


def _sqlite(path: Path) -> list[Finding]:
    out = []
    if db.is_plaintext(path):
        return [Finding(PROBLEM, db.NOT_ENCRYPTED)]
    key_file = db.key_path(path.parent)
    where = (
        f"named by {db.KEY_ENV}"
        if os.environ.get(db.KEY_ENV, "").strip()
        else "a systemd credential"
        if os.environ.get("CREDENTIALS_DIRECTORY") and key_file.parent == Path(os.environ["CREDENTIALS_DIRECTORY"])
        else "beside the data folder"
    )
    if Path(os.path.abspath(key_file)).is_relative_to(Path(os.path.abspath(path.parent))):
        out.append(Finding(PROBLEM, "The database key is inside the data folder; keep it apart, as deploy/ shows."))
    try:
        key = db.read_key(key_file)
    except OfframpError as exc:
        return [*out, Finding(PROBLEM, exc.message)]
    out.append(Finding(OK, f"The database key is at {key_file} ({where}), outside the data folder."))
    if stat.S_IMODE(key_file.stat().st_mode) & 0o077:
        out.append(Finding(PROBLEM, "Other accounts can read the database key; make it 0600 (or 0400)."))
    try:
        engine = db.make_engine(f"sqlite:///{path}", key=key)
        try:
            db.require_current(engine)
        finally:
            engine.dispose()
    except OfframpError as exc:
        return [*out, Finding(PROBLEM, exc.message)]
    finally:
        for i in range(len(key)):
            key[i] = 0
    out.append(Finding(OK, "The SQLite database is encrypted (SQLCipher) and its key opens it."))
    return out


def _postgresql(url: str) -> list[Finding]:
    out = []
    parsed = make_url(url)
    host = str(parsed.query.get("host") or parsed.host or "")
    sslmode = str(parsed.query.get("sslmode") or "")
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).first()
    except Exception as exc:
        return (
            [
                Finding(
                    PROBLEM,
                    "The database could not be reached, so nothing about it was checked. Check OFFRAMP_DATABASE_URL.",
                )
            ]
            if not isinstance(exc, OfframpError)
            else [Finding(PROBLEM, exc.message)]
        )
    finally:
        engine.dispose()
    tls = bool(row and row.ssl)
    version = str(row.version) if row is not None else ""
    local = not host or host.startswith("/")
    if tls and sslmode == "verify-full":
        out.append(Finding(OK, f"The connection to the database uses TLS ({version}) and checks its certificate."))
    elif tls:
        out.append(
            Finding(
                PROBLEM,
                f"The connection to the database uses TLS ({version}) but does not check the database server's "
                f"certificate and name (sslmode={sslmode or 'prefer'}); use sslmode=verify-full with sslrootcert.",
            )
        )
    elif local:
        out.append(
            Finding(OK, "The database is reached over a Unix socket on this machine: nothing crosses a network.")
        )
    else:
        out.append(
            Finding(
                PROBLEM,
                f"The connection to the database does not use TLS (sslmode={sslmode or 'prefer'}); records cross the "
                "network in the clear. Use sslmode=verify-full, as deploy/POSTGRESQL.md shows.",
            )
        )
    out.append(
        Finding(
            ASK,
            "Whether the database's storage is encrypted cannot be seen from here: confirm that its disk or volume "
            "is encrypted (LUKS or your host's equivalent), and its backups too.",
        )
    )
    return out
