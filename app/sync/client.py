"""The client side of a sync session (DESIGN.md section 3): hello, push until the outbox is empty, then pull.

Sync runs only when a person asks for it. :meth:`SyncSession.preview` says what would be sent, and to which server,
before the first byte leaves. The session can be cancelled between any two requests and resumed later:

- a push batch is stored in the vault (with its outbox entries marked) before it is sent, and resent with the very
  same bytes until the server answers it; the server answers a known ``mutation_id`` with its stored result;
- each pull page and its cursor are committed in one vault transaction; a page lost on the way is served again.

Any refusal (revoked device, wrong certificate, outdated app, malformed request) stops the session with the
server's plain sentence, and the outbox stays exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from pydantic import ValidationError
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from app.core import not_accepted, office_policy
from app.core.i18n import N_, _, ngettext
from app.core.received import mark_withdrawn
from app.core.records import columns_of, jsonable
from app.core.sharing import remember_prosecution_teams
from app.core.vault_access import forget_quick_unlock
from app.core.workspace import Workspace
from app.errors import OfframpError
from app.models import RECORD_TYPES, OutboxEntry, Person, uuid7
from app.models.base import Envelope
from app.protocol import certs, codec, signing
from app.protocol.schemas import MAX_BATCH_BYTES, MAX_MUTATIONS, PROTOCOL, PullOut, PushOut, Stamp
from app.sync import state

TIMEOUT = 60.0
CONFLICTS_PATH = "/v1/sync/conflicts"
#: The office's code for a change whose link (person, plan, case...) it does not have: such a change waits here.
MISSING_LINK = "missing_link"
#: This computer's code for a record whose link the office did not accept either (both go to the author's list).
LINK_NOT_ACCEPTED = "link_not_accepted"
#: The ``batch_id`` of outbox entries that wait for the next sync (set aside for a link still on its way).
WAITING = "waiting"


class SyncError(OfframpError):
    code = "sync"


class SyncRefused(SyncError):
    """The server said no. ``reason`` is its stable code (``device_revoked``, ``client_outdated``...)."""

    code = "sync_refused"

    def __init__(self, message: str, *, reason: str, status: int) -> None:
        super().__init__(message, detail=f"{status} {reason}")
        self.reason = reason
        self.status = status


class SyncInterrupted(SyncError):
    code = "sync_interrupted"


class SyncCancelled(SyncError):
    code = "sync_cancelled"


CERTIFICATE = N_(
    "The office server's certificate is not the one this computer was enrolled with, so sync stopped before "
    "anything was sent. Tell your office admin; your unsent changes are kept."
)
LOST = N_("The connection to the office server was lost. Nothing was lost: run sync again to carry on.")

#: What the office server says when it turns a request away or warns, in its own English words, marked for the
#: catalogue so the person reads them in the app's language (:func:`office_words`). A sentence not listed here (a
#: newer server's) is shown as the server wrote it. Kept word for word with app/server (api, enrolment, sync_api).
OFFICE_SENTENCES = frozenset(
    {
        N_("This device's enrollment was withdrawn by the office. Ask your office admin."),
        N_("This account was switched off by the office."),
        N_("This computer's clock is more than an hour off. Set the clock, then try again."),
        N_("This request needs to come from an enrolled device."),
        N_("This request's signature could not be checked."),
        N_("This request was already received once, so it was not done again."),
        N_("This copy of Offramp is older than the office server. Please update it; your unsent changes are kept."),
        N_(
            "The office server is older than this copy of Offramp. Ask your office admin to update it; your "
            "unsent changes are kept."
        ),
        N_("That batch is larger than the server accepts; send fewer changes at once."),
        N_("That request is larger than the server accepts."),
        N_("The request was not in the form the server expects."),
        N_("The office server ran into a problem. Nothing was changed; try again."),
        N_("Too many tries; wait a few minutes and try again."),
        N_("That enrollment code is not right. Check it against the sheet, or ask for a new one."),
        N_("That enrollment code was already used. Ask your office admin for a new one."),
        N_("That enrollment code has expired (codes last 15 minutes). Ask your office admin for a new one."),
        N_("This device is already enrolled."),
    }
)


def office_words(message: str) -> str:
    """The office server's sentence in the app's language when the catalogue has it, else as the server wrote it."""
    return _(message) if message in OFFICE_SENTENCES else message


def clock_warning(minutes: int) -> str:
    """The hello's clock warning, as the office words it ("about 7 minutes off"), in the app's language."""
    return ngettext(
        "This computer's clock is about {n} minute off the office server's. "
        "Times shown may be off until it is set right.",
        "This computer's clock is about {n} minutes off the office server's. "
        "Times shown may be off until it is set right.",
        minutes,
    ).format(n=minutes)


@dataclass
class Preview:
    server: str
    by_type: dict[str, int]
    consents: list[str]

    @property
    def total(self) -> int:
        return sum(self.by_type.values())


@dataclass
class Report:
    sent: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    received: int = 0
    evicted: int = 0
    unlinked: int = 0
    warnings: list[str] = field(default_factory=list)
    #: Records whose changes the office did not accept (id -> type): kept in "Not accepted by the office".
    not_accepted: dict[str, str] = field(default_factory=dict)
    #: Changes set aside for a missing link that stay here and go again at the next sync.
    waiting: int = 0


def schema_versions() -> dict[str, int]:
    return {name: cls.SCHEMA_VERSION for name, cls in sorted(RECORD_TYPES.items())}


class SyncSession:
    #: Records a pull page may hold at most, asked of the office; ``None`` takes the office's own page size
    #: (what an office of any version accepts). Tests that need several pages of a few hundred records set it.
    page_records: int | None = None

    def __init__(
        self,
        ws: Workspace,
        *,
        progress: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
        timeout: float = TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.ws = ws
        self.progress = progress or (lambda _text: None)
        self.cancel = cancel or threading.Event()
        self.timeout = timeout
        self._transport = transport
        with ws.session() as s:
            self.office = state.office(s)
        self._resent = 0
        #: Records sent whole this session after the office missed their link (each at most once a session).
        self._sent_whole: set[str] = set()
        #: Records that waited since the last sync and go again now; records the office did not accept this session.
        self._released: set[str] = set()
        self._refused: set[str] = set()
        self._order = 0

    # --- what would be sent -----------------------------------------------------------------------------------

    def preview(self) -> Preview:
        with self.ws.session() as s:
            rows = s.execute(
                select(OutboxEntry.record_type, func.count())
                .where(OutboxEntry.sent_at.is_(None))
                .group_by(OutboxEntry.record_type)
            ).all()
            consents: set[str] = set()
            for entry in s.scalars(select(OutboxEntry).where(OutboxEntry.sent_at.is_(None))):
                value = (entry.patch or {}).get("consent_id")
                if isinstance(value, str) and value:
                    consents.add(value)
        return Preview(server=self.office.url, by_type={t: int(n) for t, n in rows}, consents=sorted(consents))

    # --- the session ------------------------------------------------------------------------------------------

    def run(self) -> Report:
        report = Report()
        with self._client() as client:
            self._hello(client, report)
            self._release_waiting()
            self._push_all(client, report)
            self._pull_all(client, report)
            if self._resent:  # what a restored server lacked goes back at once, so others get it on their next sync
                self._resent = 0
                self._push_all(client, report)
                self._pull_all(client, report)
        with self.ws.session() as s, s.begin():
            state.put(s, state.LAST_SYNC, dt.datetime.now(dt.UTC).isoformat())
            self.ws.audit(s, "synced", fields=[])
        return report

    def conflicts(self) -> list[dict[str, Any]]:
        """The conflicts this user may see, as the office holds them (signed, over the pinned certificate)."""
        with self._client() as client:
            reply = self._post(client, CONFLICTS_PATH, b"{}")
        return list(reply.get("conflicts") or [])

    @contextmanager
    def _client(self) -> Iterator[httpx.Client]:
        verify = certs.client_context(self.office.ca_pem)
        kwargs: dict[str, Any] = {"base_url": self.office.url, "verify": verify, "timeout": self.timeout}
        if self._transport is not None:
            kwargs["transport"] = self._transport
        with httpx.Client(**kwargs) as client:
            yield client

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise SyncCancelled(
                _("Sync stopped. What was already sent and received is kept; run sync again to carry on.")
            )

    def _post(self, client: httpx.Client, path: str, body: bytes, *, raw: bool = False) -> Any:
        """The office's answer as JSON (``raw``: its bytes, for a schema to parse at once), or the refusal raised."""
        self._check_cancel()
        headers = signing.sign_headers(self.office.key, self.office.device_id, "POST", path, body)
        headers["Content-Type"] = "application/json"
        try:
            reply = client.post(path, content=body, headers=headers)
        except httpx.ConnectError as exc:
            if "CERTIFICATE" in str(exc).upper():
                raise SyncRefused(_(CERTIFICATE), reason="certificate", status=0) from None
            raise SyncInterrupted(_(LOST)) from None
        except httpx.TransportError:
            raise SyncInterrupted(_(LOST)) from None
        if reply.status_code == 200:
            if raw:
                return reply.content
            try:
                return reply.json()
            except ValueError:
                raise SyncInterrupted(_(LOST)) from None
        try:
            data = reply.json()
        except ValueError:
            data = {}
        if reply.status_code >= 500 and data.get("error") in (None, "server_problem"):
            raise SyncInterrupted(
                _("The office server ran into a problem. Nothing was lost: try again in a moment."),
                detail=str(reply.status_code),
            )
        message = data.get("message") if isinstance(data.get("message"), str) else None
        raise SyncRefused(
            office_words(message)
            if message
            else _("The office server turned this sync away. Your unsent changes are kept."),
            reason=str(data.get("error") or "turned_away"),
            status=reply.status_code,
        )

    @staticmethod
    def _warning_words(warning: Any, hello: dict[str, Any]) -> str:
        """One of the hello's warnings in the app's language: the clock's from the skew the office measured, the rest
        through :func:`office_words`."""
        if not isinstance(warning, dict):
            return ""
        skew = hello.get("clock_skew_seconds")
        if warning.get("code") == "clock_skew" and isinstance(skew, int | float):
            return clock_warning(round(abs(skew) / 60))
        return office_words(str(warning.get("message", "")))

    def _hello(self, client: httpx.Client, report: Report) -> None:
        self.progress(_("Connecting to {server}").format(server=self.office.url))
        body = {
            "protocol": PROTOCOL,
            "schema_versions": schema_versions(),
            "client_time": dt.datetime.now(dt.UTC).isoformat(),
        }
        hello = self._post(client, "/v1/sync/hello", _dumps(body))
        for warning in hello.get("warnings", []):
            said = self._warning_words(warning, hello)
            report.warnings.append(said)
            self.progress(said)
        epoch = str(hello.get("server_epoch") or "")
        with self.ws.session() as s, s.begin():
            known = state.get(s, state.EPOCH)
            if epoch and known and known != epoch:
                # The office server was rebuilt from a backup: take a fresh copy, and send again what this
                # computer holds that the copy lacks or has only in an older revision.
                state.put(s, state.CURSOR, None)
                state.put(s, state.RESTORED, "1")
                self.progress(
                    _("The office server was restored from a backup; checking what it needs from this computer")
                )
            if epoch:
                state.put(s, state.EPOCH, epoch)
            if isinstance(hello.get("prosecution_teams"), list):
                # A release names one of these as its recipient; sharing with the prosecution needs their ids.
                remember_prosecution_teams(s, [t for t in hello["prosecution_teams"] if isinstance(t, dict)])
            policy = None
            if isinstance(hello.get("office_policy"), dict):
                # Kept in the vault, never in the settings file: the office's word (and its day) wins on this laptop.
                policy = office_policy.remember(s, hello["office_policy"])
        if policy is not None and not policy.quick_unlock_allowed:
            forget_quick_unlock(self.ws.vault)  # a PIN set before the office turned quick unlock off stops now

    # --- push -------------------------------------------------------------------------------------------------

    def _push_all(self, client: httpx.Client, report: Report) -> None:
        while True:
            batch = self._stored_batch() or self._new_batch()
            if batch is None:
                return
            batch_id, body, count = batch
            self.progress(ngettext("Sending {n} change", "Sending {n} changes", count).format(n=count))
            reply = PushOut.model_validate(self._post(client, "/v1/sync/push", body))
            self._acknowledge(batch_id, reply, report)

    def _stored_batch(self) -> tuple[str, bytes, int] | None:
        with self.ws.session() as s:
            stored = state.get_json(s, state.BATCH)
        if not stored:
            return None
        return stored["batch_id"], stored["body"].encode("utf-8"), int(stored["count"])

    def _new_batch(self) -> tuple[str, bytes, int] | None:
        with self.ws.session() as s, s.begin():
            entries = s.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.sent_at.is_(None), OutboxEntry.batch_id.is_(None))
                .order_by(OutboxEntry.created_at, OutboxEntry.edited_hlc)
                .limit(MAX_MUTATIONS)
            ).all()
            if not entries:
                return None
            batch_id = uuid7()
            mutations: list[dict[str, Any]] = []
            size = 0
            for entry in entries:
                m = {
                    "mutation_id": entry.mutation_id,
                    "record_id": entry.record_id,
                    "type": entry.record_type,
                    "schema_version": entry.schema_version,
                    "base_rev": entry.base_rev,
                    "person_id": entry.person_id,
                    "patch": entry.patch,
                    "deleted": entry.deleted,
                    "resolves": entry.resolves,
                    "edited_hlc": entry.edited_hlc,
                }
                size += len(_dumps(m))
                if mutations and size > MAX_BATCH_BYTES - 1024:
                    break
                mutations.append(m)
                entry.batch_id = batch_id
            body = _dumps({"batch_id": batch_id, "mutations": mutations})
            state.put_json(
                s, state.BATCH, {"batch_id": batch_id, "body": body.decode("utf-8"), "count": len(mutations)}
            )
        return batch_id, body, len(mutations)

    def _acknowledge(self, batch_id: str, reply: PushOut, report: Report) -> None:
        with self.ws.session() as s, s.begin():
            refresh = set(state.get_json(s, state.REFRESH, []))
            for result in reply.results:
                report.outcomes[result.outcome] += 1
                report.sent += 1
                entry = s.get(OutboxEntry, result.mutation_id)
                if entry is None:
                    continue
                if result.outcome == "applied" and result.rev is not None:
                    cls = RECORD_TYPES.get(entry.record_type)
                    if cls is not None:
                        s.execute(update(cls).where(cls.id == entry.record_id).values(rev=result.rev))
                elif result.outcome == "quarantined":
                    self._set_aside(s, entry, str(result.reason or ""), report, refresh)
                else:
                    refresh.add(entry.record_id)
                s.delete(entry)
            # Anything of the batch the server did not mention goes again, in a new batch.
            s.execute(update(OutboxEntry).where(OutboxEntry.batch_id == batch_id).values(batch_id=None))
            state.put_json(s, state.REFRESH, sorted(refresh) or None)
            state.put(s, state.BATCH, None)

    # --- what the office did not take: never lost here --------------------------------------------------------

    def _set_aside(self, s: Session, entry: OutboxEntry, reason: str, report: Report, refresh: set[str]) -> None:
        """A change the office set aside. A record whose link is missing (or that went without the values a new
        record needs) is sent again whole, with the never-sent records it points at, and waits for them; anything
        else is kept for its author in "Not accepted by the office" before the pull removes or replaces it here."""
        cls = RECORD_TYPES.get(entry.record_type)
        local = s.get(cls, entry.record_id) if cls is not None else None
        never_sent = local is None or local.rev is None
        if reason == MISSING_LINK and local is not None and never_sent and _is_demo(s, local):
            return  # practice data about a demo person: it stays on this computer and never goes to an office
        if reason == MISSING_LINK and local is not None and any(i in self._refused for i, _l in self._links(s, local)):
            reason = LINK_NOT_ACCEPTED  # what it belongs to was not accepted either: it goes with it, to the list
        elif reason == MISSING_LINK and local is not None and not local.deleted and self._links_can_follow(s, local):
            if local.id not in self._sent_whole:
                self._send_with_links(s, local, entry)
                return
            if local.id not in self._released:
                # Sent whole with its links this session and still set aside: it waits here for the next sync.
                self._requeue(s, local, entry, waiting=True)
                report.waiting += 1
                return
            # It waited a sync already and its link still did not come: it goes to its author's list.
        if entry.deleted and never_sent:
            return  # a record the office never had, deleted here: nothing to keep, nothing to tell
        if not entry.patch and not (never_sent and local is not None):
            refresh.add(entry.record_id)  # a deletion or an empty decision: the office's copy comes back
            return
        not_accepted.set_aside(
            s,
            record_type=entry.record_type,
            record_id=entry.record_id,
            person_id=entry.person_id,
            patch=dict(entry.patch or {}),
            reason=reason,
            local=local,
            new_record=never_sent,
        )
        report.not_accepted[entry.record_id] = entry.record_type
        self._refused.add(entry.record_id)
        refresh.add(entry.record_id)

    def _links(self, s: Session, obj: Envelope) -> list[tuple[str, Envelope | None]]:
        """The records ``obj`` points at (its person, the plan or case it belongs to...) with this computer's copy
        of each (``None``: not here)."""
        table = obj.__table__  # type: ignore[attr-defined]
        targets = [(fk.parent.key, fk.column.table.name) for fk in table.foreign_keys]
        targets.append(("person_id", "person"))
        found: dict[str, Envelope | None] = {}
        for key, target_type in targets:
            value = getattr(obj, key, None)
            target = RECORD_TYPES.get(target_type)
            if not value or value == obj.id or target is None or value in found:
                continue
            found[value] = s.get(target, value)
        return list(found.items())

    def _links_can_follow(self, s: Session, obj: Envelope, depth: int = 0) -> bool:
        """Every record ``obj`` points at is at the office already, or is here, alive, and can be sent with it."""
        if depth > 8:
            return False
        for _id, link in self._links(s, obj):
            if link is None:
                return False  # not on this computer either: it cannot come from here
            if link.id in self._refused or (
                link.rev is None
                and (link.deleted or _is_demo(s, link) or not self._links_can_follow(s, link, depth + 1))
            ):
                return False
        return True

    def _send_with_links(self, s: Session, obj: Envelope, entry: OutboxEntry | None) -> None:
        """Queue the never-sent records ``obj`` points at, whole and first, then ``obj`` itself again."""
        for _id, link in self._links(s, obj):
            if link is not None and link.rev is None and link.id not in self._sent_whole:
                self._send_with_links(s, link, None)
        self._requeue(s, obj, entry, waiting=False)

    def _requeue(self, s: Session, obj: Envelope, entry: OutboxEntry | None, *, waiting: bool) -> None:
        """``obj`` in the outbox again under a new mutation id (the office remembers the old one's answer): whole
        if the office never had it, else the change that was set aside. A waiting one goes at the next sync."""
        whole = obj.rev is None
        if whole:
            self._sent_whole.add(obj.id)
            keys = [*columns_of(type(obj)).keys(), "visibility", "privileged", "consent_id"]
            patch = {k: jsonable(getattr(obj, k)) for k in keys}
        else:
            patch = dict(entry.patch or {}) if entry is not None else {}
        self._order += 1
        s.add(
            OutboxEntry(
                record_id=obj.id,
                record_type=obj.RECORD_TYPE,
                person_id=obj.person_id,
                schema_version=obj.schema_version,
                base_rev=obj.rev,
                patch=patch,
                deleted=bool(obj.deleted) and not whole,
                edited_hlc=obj.edited_hlc,
                created_at=dt.datetime.now(dt.UTC) + dt.timedelta(microseconds=self._order),
                batch_id=WAITING if waiting else None,
            )
        )
        s.flush()

    def _release_waiting(self) -> None:
        """Changes that waited for a link since the last sync go again now (once: set aside again, they go to
        their author's "Not accepted by the office" list)."""
        with self.ws.session() as s, s.begin():
            waiting = select(OutboxEntry.record_id).where(OutboxEntry.batch_id == WAITING)
            self._released.update(s.scalars(waiting))
            s.execute(update(OutboxEntry).where(OutboxEntry.batch_id == WAITING).values(batch_id=None))

    # --- pull -------------------------------------------------------------------------------------------------

    def _pull_all(self, client: httpx.Client, report: Report) -> None:
        while True:
            with self.ws.session() as s:
                cursor = state.get(s, state.CURSOR)
                refresh = state.get_json(s, state.REFRESH, [])
            body: dict[str, Any] = {"cursor": cursor, "refresh": refresh[:1000]}
            if self.page_records is not None:
                body["limit"] = self.page_records
            try:
                page = _pull_page(self._post(client, "/v1/sync/pull", _dumps(body), raw=True))
            except SyncRefused as exc:
                if exc.status != 410 or cursor is None:
                    raise
                self.progress(_("Fetching a fresh copy of what this computer may hold"))
                with self.ws.session() as s, s.begin():
                    state.put(s, state.CURSOR, None)
                continue
            self._apply(page, report, cleared_refresh=bool(refresh))
            self.progress(
                ngettext("Received {n} record", "Received {n} records", report.received).format(n=report.received)
            )
            if not page.more:
                self._post(client, "/v1/sync/done", _dumps({"cursor": page.cursor}))
                return

    def _apply(self, page: PullOut, report: Report, *, cleared_refresh: bool) -> None:
        with self.ws.session() as s, s.begin():
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
            incoming = {str(r.values.get("id")): r for r in page.records}
            ordered = sorted(page.records, key=lambda r: (r.type != "person", r.server_seq))
            highest = ""
            rows: dict[str, list[dict[str, Any]]] = {}
            present: dict[str, bool] = {}
            for rec in ordered:
                cls = RECORD_TYPES.get(rec.type)
                if cls is None:
                    continue
                row = self._prepare(s, cls, rec.values, incoming, present)
                if row is None:
                    report.unlinked += 1
                    continue
                rows.setdefault(rec.type, []).append(row)
                report.received += 1
                highest = max(highest, str(rec.values.get("edited_hlc") or ""))
            restoring = state.get(s, state.RESTORED) == "1"
            for type_name, batch in rows.items():
                cls = RECORD_TYPES[type_name]
                ids = [r["id"] for r in batch]
                existing = set(s.scalars(select(cls.id).where(cls.id.in_(ids))))
                fresh = [r for r in batch if r["id"] not in existing]
                known = [r for r in batch if r["id"] in existing]
                if restoring and known:
                    known = self._keep_newer(s, cls, known)
                if fresh:
                    s.execute(insert(cls.__table__), fresh)  # type: ignore[attr-defined]  # rows, not objects
                if known:
                    s.execute(update(cls), known)
            _take_stamps(s, page.stamps)
            if page.evict:
                report.evicted += _evict(s, page.evict)
            if page.manifest is not None:
                allowed = set(page.manifest) | set(incoming)
                if restoring:
                    self._resend_missing(s, allowed)
                    state.put(s, state.RESTORED, None)
                report.evicted += _keep_only(s, allowed)
            if highest:
                self.ws.remember_clock(s, self.ws.clock.observe(highest))
            state.put(s, state.CURSOR, page.cursor)
            if cleared_refresh:
                state.put(s, state.REFRESH, None)

    # --- after the server was restored from a backup ---------------------------------------------------------

    def _keep_newer(self, s: Session, cls: type[Envelope], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Pulled rows to store, leaving out records this computer holds at a later revision than the restored
        server (changed after the backup was taken): those keep their values and are sent again as a change
        against the server's revision."""
        pending = set(s.scalars(select(OutboxEntry.record_id).where(OutboxEntry.sent_at.is_(None))))
        keys = [*columns_of(cls).keys(), "visibility", "privileged", "consent_id"]
        keep: list[dict[str, Any]] = []
        for row in rows:
            local = s.get(cls, row["id"])
            if local is None or local.rev is None or row["rev"] is None or local.rev <= row["rev"]:
                keep.append(row)
                continue
            if row["id"] in pending:
                continue  # its own unsent change goes as it is
            patch = {k: jsonable(getattr(local, k)) for k in keys if jsonable(getattr(local, k)) != jsonable(row[k])}
            local.rev = row["rev"]
            if patch or local.deleted != row["deleted"]:
                self._queue(s, local, patch, base_rev=row["rev"])
        return keep

    def _resend_missing(self, s: Session, allowed: set[str]) -> None:
        """Records this computer made that the restored server does not have: sent again as new records."""
        pending = set(s.scalars(select(OutboxEntry.record_id).where(OutboxEntry.sent_at.is_(None))))
        me = self.ws.identity.user_id
        ordered = sorted(RECORD_TYPES.values(), key=lambda c: c.RECORD_TYPE != "person")
        for cls in ordered:
            keys = [*columns_of(cls).keys(), "visibility", "privileged", "consent_id"]
            for local in s.scalars(select(cls).where(cls.rev.is_not(None), cls.owner_user_id == me)):
                if local.id in allowed or local.id in pending:
                    continue
                local.rev = None
                self._queue(s, local, {k: jsonable(getattr(local, k)) for k in keys}, base_rev=None)

    def _queue(self, s: Session, obj: Envelope, patch: dict[str, Any], *, base_rev: int | None) -> None:
        s.add(
            OutboxEntry(
                record_id=obj.id,
                record_type=obj.RECORD_TYPE,
                person_id=obj.person_id,
                schema_version=obj.schema_version,
                base_rev=base_rev,
                patch=patch,
                deleted=bool(obj.deleted) and base_rev is not None,
                edited_hlc=obj.edited_hlc,
                created_at=dt.datetime.now(dt.UTC),
            )
        )
        self._resent += 1

    def _prepare(
        self,
        s: Session,
        cls: type[Envelope],
        values: dict[str, Any],
        incoming: dict[str, Any],
        present: dict[str, bool],
    ) -> dict[str, Any] | None:
        """One pulled record as column values, as the server has it (``None``: it cannot be stored here). A link to
        a record this device may not hold is kept aside in ``extra`` (a disclosure about a person the prosecution
        cannot see, say)."""
        known, unknown = codec.decode_values(cls, values)
        extra = dict(known.get("extra") or {})
        extra.update(unknown)
        table = cls.__table__  # type: ignore[attr-defined]
        for fk in table.foreign_keys:
            column = fk.parent
            value = known.get(column.key)
            if not value or value in incoming:
                continue
            target = RECORD_TYPES.get(fk.column.table.name)
            if target is None:
                continue
            if value not in present:
                present[value] = s.scalar(select(target.id).where(target.id == value)) is not None
            if present[value]:
                continue
            if not column.nullable:
                return None
            links = dict(extra.get("_unlinked") or {})
            links[column.key] = value
            extra["_unlinked"] = links
            known[column.key] = None
        known["extra"] = extra
        return {key: known.get(key, default) for key, default in _stored_defaults(cls).items()}


def _pull_page(content: bytes) -> PullOut:
    """A pull page parsed and checked in one pass (no Python objects of the JSON first); a reply cut short reads as
    a lost connection, as any unreadable reply does."""
    try:
        return PullOut.model_validate_json(content)
    except ValidationError as exc:
        if any(error["type"] == "json_invalid" for error in exc.errors()):
            raise SyncInterrupted(_(LOST)) from None
        raise


_DEFAULTS: dict[type, dict[str, Any]] = {}


def _stored_defaults(cls: type[Envelope]) -> dict[str, Any]:
    """Every column of a record type with the value a pulled record without it is stored with (its constant
    default, else nothing), worked out once per type."""
    known = _DEFAULTS.get(cls)
    if known is None:
        columns = codec.column_types(cls)
        known = _DEFAULTS[cls] = {
            key: column.default.arg if column.default is not None and not callable(column.default.arg) else None
            for key, column in columns.items()
        }
    return known


def _is_demo(s: Session, obj: Envelope) -> bool:
    """A demo person's record (``offramp demo``: fictional practice data, never sent to an office)."""
    person_id = obj.id if obj.RECORD_TYPE == "person" else obj.person_id
    person = s.get(Person, person_id) if person_id else None
    return bool(person is not None and person.is_demo)


def _take_stamps(s: Session, stamps: list[Stamp]) -> None:
    """Records this computer sent and the office applied unchanged are not sent back; they take on only the times the
    office stamped on them (when made and deleted, by its clock), so every copy agrees. Not counted as received."""
    for stamp in stamps:
        cls = RECORD_TYPES.get(stamp.type)
        if cls is None:
            continue
        columns = codec.column_types(cls)
        values = {
            "created_at": codec.decode_value(columns["created_at"], stamp.created_at),
            "deleted_at": codec.decode_value(columns["deleted_at"], stamp.deleted_at),
        }
        if values["created_at"] is None:
            del values["created_at"]
        s.execute(update(cls).where(cls.id == stamp.id, cls.rev == stamp.rev).values(**values))


def _evict(s: Session, ids: list[str]) -> int:
    """Delete these records here. Records still shared with this device that point at one of them keep their
    place: the link is set aside in ``extra`` (as for a link pulled without its target) instead of cascading.

    A received share a prosecutor linked to one of their people is noted as withdrawn first (the office's day and
    the kinds of information, never the facts). Rows go with SQLite's secure delete on: what an evicted record said
    is overwritten, not left in a free page of the vault file."""
    gone = set(ids)
    mark_withdrawn(s, gone)
    s.execute(text("PRAGMA secure_delete = ON"))
    for cls in RECORD_TYPES.values():
        table = cls.__table__  # type: ignore[attr-defined]
        for fk in table.foreign_keys:
            column = fk.parent
            if not column.nullable or fk.column.table.name not in RECORD_TYPES:
                continue
            attr = getattr(cls, column.key)
            for obj in s.scalars(select(cls).where(attr.in_(ids), cls.id.not_in(ids))):
                if obj.id in gone:
                    continue
                extra = dict(obj.extra or {})
                links = dict(extra.get("_unlinked") or {})
                links[column.key] = getattr(obj, column.key)
                extra["_unlinked"] = links
                obj.extra = extra
                setattr(obj, column.key, None)
    s.flush()
    count = 0
    for cls in RECORD_TYPES.values():
        result = s.execute(delete(cls).where(cls.id.in_(ids)))
        count += int(getattr(result, "rowcount", 0) or 0)
    return count


def _keep_only(s: Session, allowed: set[str]) -> int:
    """After a fresh copy: synced records the office no longer sends go, unless a change to them is unsent."""
    pending = set(s.scalars(select(OutboxEntry.record_id).where(OutboxEntry.sent_at.is_(None))))
    gone: list[str] = []
    for cls in RECORD_TYPES.values():
        for record_id in s.scalars(select(cls.id).where(cls.rev.is_not(None))):
            if record_id not in allowed and record_id not in pending:
                gone.append(record_id)
    return _evict(s, gone) if gone else 0


def _dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
