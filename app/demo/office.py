"""A demo office beside the demo vault, so ``make run`` can show sync working: fictional people only.

``ensure`` makes, once, an office server in ``./demo-office`` (SQLite, its own CA and TLS, "Riverside Demo Office"
with an advocacy and a prosecution team, and two fictional advocates in the same team), and a second demo vault in
``./demo-data-second`` for the second advocate. ``start`` runs the server on loopback on a free port (a port in use
is never a problem: the address each demo vault holds is updated) and enrols each demo vault that is not enrolled
yet. A server left behind by an earlier run that still answers with this office's certificate is used as it is.
The server stops when the app closes (``DemoServer.stop``), and on Linux when the run that started it dies.

``make run-prosecutor`` also has the demo advocate share a few fictional people's facts with the prosecution team,
once (``share_with_prosecution``), so the prosecutor's first Sync now brings "Shared by advocates".

Never point any of this at real data: the demo passphrase is published.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.workspace import Workspace
    from app.storage.vault import UnlockedVault

OFFICE_DIR_NAME = "demo-office"
SECOND_DIR_NAME = "demo-data-second"
PROSECUTOR_DIR_NAME = "demo-data-prosecutor"
#: The demo prosecutor's vault: fictional defendants, witnesses and complainants, with the prosecutor's desk.
PROSECUTOR_PEOPLE, PROSECUTOR_SEED = 300, 2
OFFICE_NAME = "Riverside Demo Office"
ADVOCACY, PROSECUTION = "Advocacy team", "Prosecution team"
FIRST_USER, SECOND_USER, PROSECUTOR = "demo-advocate", "demo-colleague", "demo-prosecutor"
STATE_FILE = "demo-server.json"
#: The generated demo people are bulk rows with no outbox entries; this many go to the office at the first sync
#: (all of them would make a newcomer's first sync slow).
SHARED_PEOPLE = 12
#: ``make run-prosecutor``: this many of the demo advocate's people gave a written release naming the prosecution team
#: and had facts shared under it, so the prosecutor's first Sync now brings "Shared by advocates".
PROSECUTION_SHARES = 3
#: What each of those releases covers, what it was for, and how many of its facts were shared (None: all on offer).
SHARE_PLAN: tuple[tuple[tuple[str, ...], str, str | None], ...] = (
    (("Name", "Court dates"), "Preparing for trial", None),
    (("Name", "Court dates", "Case status"), "Victim-witness coordination", None),
    (("Name", "Court dates"), "Notice of court dates", "Name"),
)


@dataclass
class DemoServer:
    url: str
    pid: int
    process: subprocess.Popen[bytes] | None

    def stop(self) -> None:
        """Stop the server if this run started it (a server another demo window started is left to it)."""
        proc = self.process
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        self.process = None


def office_dir(cwd: Path | None = None) -> Path:
    return (cwd or Path.cwd()) / OFFICE_DIR_NAME


def second_dir(cwd: Path | None = None) -> Path:
    return (cwd or Path.cwd()) / SECOND_DIR_NAME


def prosecutor_dir(cwd: Path | None = None) -> Path:
    return (cwd or Path.cwd()) / PROSECUTOR_DIR_NAME


def ensure(root: Path) -> None:
    """Create the demo office once (about a second); later runs find it made."""
    from app.server import admin

    home = admin.ServerHome(root / "server")
    if home.config_path.exists():
        # A demo office made before the server encrypted its database: encrypted now, as `upgrade` would.
        from app.server import db

        database = home.root / db.DB_FILE
        db.encrypt_plaintext(database, db.key_path(home.root))
        return
    root.mkdir(parents=True, exist_ok=True)
    kit = root / "demo-office-recovery-kit.pdf"
    admin.init_office(home, office_name=OFFICE_NAME, hosts=["localhost", "127.0.0.1"], kit_path=kit, port=8443)
    engine = home.engine()
    try:
        admin.add_team(engine, ADVOCACY, "advocacy")
        admin.add_team(engine, PROSECUTION, "prosecution")
        admin.add_user(engine, FIRST_USER, team=ADVOCACY, role="advocate", display_name="Demo Advocate")
        admin.add_user(engine, SECOND_USER, team=ADVOCACY, role="advocate", display_name="Demo Colleague")
        admin.add_user(engine, PROSECUTOR, team=PROSECUTION, role="prosecutor", display_name="Demo Prosecutor")
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(url: str, ca_pem: bytes) -> bool:
    import httpx

    from app.protocol import certs

    try:
        with httpx.Client(base_url=url, verify=certs.client_context(ca_pem), timeout=2) as client:
            return client.get("/v1/health").status_code == 200
    except httpx.HTTPError:
        return False


def start(root: Path) -> DemoServer:
    """The demo office's server, answering on loopback: one left running that still answers, else a new one."""
    from app.errors import OfframpError
    from app.server import admin

    home = admin.ServerHome(root / "server")
    ca_pem = home.ca_cert.read_bytes()
    state_path = root / STATE_FILE
    try:
        known = json.loads(state_path.read_text(encoding="utf-8"))
        if _answers(str(known["url"]), ca_pem):
            return DemoServer(url=str(known["url"]), pid=int(known["pid"]), process=None)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    port = _free_port()
    url = f"https://localhost:{port}"
    log = open(root / "server.log", "ab")  # noqa: SIM115 - handed to the child process for its life
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL"}}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.server.cli", "serve", "--data-dir", str(home.root), "--bind", "127.0.0.1",
         "--port", str(port)],
        stdout=log,
        stderr=log,
        env=env,
        preexec_fn=_stop_with_parent(os.getpid()) if sys.platform.startswith("linux") else None,
    )  # fmt: skip
    log.close()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise OfframpError("The demo office server stopped as it started; see demo-office/server.log.")
        if _answers(url, ca_pem):
            state_path.write_text(json.dumps({"url": url, "pid": proc.pid}), encoding="utf-8")
            return DemoServer(url=url, pid=proc.pid, process=proc)
        time.sleep(0.2)
    proc.terminate()
    raise OfframpError("The demo office server did not answer within 30 seconds.")


def _stop_with_parent(parent: int) -> Callable[[], None]:
    """Linux: the server gets SIGTERM when the run that started it dies, however it dies (a crash in Qt aborts the
    interpreter, so no ``finally`` or ``atexit`` of that run would ever stop it)."""

    def arrange() -> None:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before the signal was arranged
            os.kill(os.getpid(), signal.SIGTERM)

    return arrange


def ensure_second_vault(folder: Path, passphrase: str) -> None:
    """The second demo advocate's vault: empty; the first sync brings the team's records."""
    from app.core.workspace import Workspace
    from app.storage.kdf import KdfParams
    from app.storage.vault import Vault

    vault = Vault(folder)
    if vault.exists():
        return
    unlocked, _code = vault.create(passphrase, kdf_params=KdfParams.floor())
    try:
        Workspace(unlocked).log_event("vault_created")
    finally:
        unlocked.lock()


def ensure_prosecutor_vault(folder: Path, passphrase: str) -> bool:
    """The demo prosecutor's vault (a prosecution vault), filled once with fictional people. True when made now."""
    from app.core.workspace import Workspace
    from app.demo.people import generate
    from app.storage.kdf import KdfParams
    from app.storage.vault import Vault

    vault = Vault(folder)
    if vault.exists():
        return False
    unlocked, _code = vault.create(passphrase, kdf_params=KdfParams.floor(), regime="prosecution")
    try:
        ws = Workspace(unlocked)
        ws.log_event("vault_created")
        generate(ws, persons=PROSECUTOR_PEOPLE, seed=PROSECUTOR_SEED)
    finally:
        unlocked.lock()
    return True


def connect(vault_dir: Path, passphrase: str, root: Path, url: str, username: str) -> str:
    """Point a demo vault at the running demo office, enrolling it first if needed. Returns what happened."""
    from app.protocol import certs
    from app.server import admin
    from app.storage.vault import Vault
    from app.sync import state
    from app.sync.enrol import enrol

    home = admin.ServerHome(root / "server")
    unlocked = Vault(vault_dir).unlock(passphrase)
    try:
        if unlocked.identity.kind == "enrolled":
            with unlocked.session() as s, s.begin():
                state.put(s, state.SERVER_URL, url)
            return "enrolled already"
        engine = home.engine()
        try:
            code = admin.issue_code(home, engine, username).code
        finally:
            engine.dispose()
        done = enrol(
            unlocked, passphrase, server=url, code=code, fingerprint=certs.fingerprint(home.ca_cert.read_bytes())
        )
        queued = queue_people(unlocked, SHARED_PEOPLE) if username == FIRST_USER else 0
        extra = f"; {queued} records wait for its first sync" if queued else ""
        return f"enrolled as {done.username} ({done.team_name}){extra}"
    finally:
        unlocked.lock()


def share_with_prosecution(folder: Path, passphrase: str, url: str) -> str | None:
    """``make run-prosecutor``, once: the demo advocate's vault shares a few of its people's facts with the demo
    prosecution team, the way the "Share with the prosecution…" dialog does (a written release first, then exactly
    the facts picked, with its audit event and disclosure record), and syncs with the demo office so the shares are
    there when the prosecutor presses Sync now. The harness syncs here, never the app.

    A first sync teaches the vault the office's prosecution teams (sharing names one of them), then the releases and
    shares are made and a second sync sends them. Nothing is made when the vault shared with the prosecution before;
    a share made but not sent yet (an earlier run stopped in between) is sent. Returns what happened, or None when
    there was nothing to do."""
    from sqlalchemy import select

    from app.core.sharing import prosecution_teams
    from app.core.workspace import Workspace
    from app.models import Disclosure
    from app.models.base import Visibility
    from app.storage.vault import Vault
    from app.sync import state

    unlocked = Vault(folder).unlock(passphrase)
    try:
        if unlocked.identity.kind != "enrolled":
            return None
        ws = Workspace(unlocked)
        with ws.session() as s, s.begin():
            state.put(s, state.SERVER_URL, url)
        shared = select(Disclosure).where(Disclosure.visibility == Visibility.SHARED_WITH_PROSECUTION.value)
        with ws.session() as s:
            made_before = s.scalar(shared.limit(1)) is not None
            teams = prosecution_teams(s)
        made = 0
        if not made_before:
            if not teams:
                _sync(ws)
                with ws.session() as s:
                    teams = prosecution_teams(s)
            team = next((t for t in teams if t.name == PROSECUTION), None)
            if team is None:
                return None
            made = make_shares(ws, team.name, PROSECUTION_SHARES)
        with ws.session() as s:
            unsent = s.scalar(shared.where(Disclosure.rev.is_(None)).limit(1)) is not None
        if not unsent:
            return f"{made} shares with the prosecution made" if made else None
        _sync(ws)
        return f"{made} shares with the prosecution made and sent" if made else "its shares with the prosecution sent"
    finally:
        unlocked.lock()


def _sync(ws: Workspace) -> None:
    from app.sync.client import SyncSession

    SyncSession(ws, timeout=60).run()


def make_shares(ws: Workspace, team_name: str, people: int) -> int:
    """``people`` of the demo people this vault sends to the office (synced, or waiting for the first sync) who have a
    court date: each gives a written release naming ``team_name`` (:data:`SHARE_PLAN`), and facts are shared under
    it through the core's sharing service. Returns how many shares were made."""
    import datetime as dt

    from sqlalchemy import or_, select

    from app.core.consent import ConsentService
    from app.core.office_policy import office_today
    from app.core.sharing import SharingService
    from app.models import Encounter, EncounterKind, OutboxEntry, Person

    today = office_today(ws)
    with ws.session() as s:
        queued = select(OutboxEntry.record_id).where(OutboxEntry.record_type == "person")
        with_court = select(Encounter.person_id).where(
            Encounter.kind == EncounterKind.COURT.value,
            Encounter.occurred_at.is_not(None),
            Encounter.deleted.is_(False),
        )
        ids = list(
            s.scalars(
                select(Person.id)
                .where(
                    Person.deleted.is_(False),
                    or_(Person.rev.is_not(None), Person.id.in_(queued)),
                    Person.id.in_(with_court),
                )
                .order_by(Person.id)
                .limit(people)
            )
        )
    consents, sharing = ConsentService(ws), SharingService(ws)
    made = 0
    for index, person_id in enumerate(ids):
        covered, purpose, only = SHARE_PLAN[index % len(SHARE_PLAN)]
        release = consents.record(
            person_id,
            {
                "recipient": team_name,
                "purpose": purpose,
                "data_covered": list(covered),
                "starts_on": today - dt.timedelta(days=7 + 5 * index),
                "expires_on": today + dt.timedelta(days=120 + 30 * index),
                "method": "written",
            },
        )
        offered = next(r for r in sharing.releases(person_id, today) if r.id == release).facts
        picked = [f.line for f in offered if only is None or f.kind == only]
        if picked:
            sharing.share(person_id, release, picked, today)
            made += 1
    return made


def queue_people(unlocked: UnlockedVault, people: int) -> int:
    """Queue the first ``people`` demo people, with everything of theirs, for the first sync (as if just made)."""
    import datetime as dt

    from sqlalchemy import select

    from app.core.records import columns_of, jsonable
    from app.core.workspace import Workspace
    from app.models import RECORD_TYPES, OutboxEntry, Person
    from app.models.base import Base, utcnow

    ws = Workspace(unlocked)
    order = [t.name for t in Base.metadata.sorted_tables]
    types = sorted(RECORD_TYPES.items(), key=lambda item: order.index(item[1].__table__.name))  # type: ignore[attr-defined]
    count = 0
    start = utcnow()
    with ws.session() as s, s.begin():
        if s.scalar(select(OutboxEntry.mutation_id).limit(1)) is not None:
            return 0
        ids = list(s.scalars(select(Person.id).where(Person.rev.is_(None)).order_by(Person.id).limit(people)))
        for name, cls in types:
            if cls.PERSONAL:
                rows = s.scalars(select(cls).where(cls.person_id.in_(ids), cls.rev.is_(None))).all()
            else:
                rows = s.scalars(select(cls).where(cls.rev.is_(None))).all()
            keys = [*columns_of(cls).keys(), "visibility", "privileged", "consent_id"]
            for obj in rows:
                s.add(
                    OutboxEntry(
                        record_id=obj.id,
                        record_type=name,
                        person_id=obj.person_id,
                        base_rev=None,
                        patch={k: jsonable(getattr(obj, k)) for k in keys},
                        deleted=bool(obj.deleted),
                        edited_hlc=obj.edited_hlc or ws.clock.tick(),
                        created_at=start + dt.timedelta(microseconds=count),
                    )
                )
                count += 1
    return count
