"""The office server's defences against a flood: a body limit counted as the bytes arrive, and counted refusals.

:class:`BodyLimit` is an ASGI middleware around the whole app. It counts a request's body bytes as they arrive,
whatever ``Content-Length`` says or when there is none (a chunked body), and answers 413 in the API's JSON shape
as soon as the limit is passed, so a 150 MB body is never read whole. It reads on a little past the limit to see
whether the body ends there; if it does, the connection stays usable and the client reads the refusal; if not, the
server hangs up rather than read the rest. A body the app never reads (a ``GET`` with a body, a 405) is counted the
same way before the answer goes out.

:func:`count_refusal` counts a refusal per action, reason, source and five-minute window in the database
(``refusal_count``), so several server processes on one PostgreSQL share the counts, and writes an audit row only
for the first refusal of a window and at each tenfold count (1, 10, 100...): a burst of bad signatures grows the
audit log by its order of magnitude, not by its length. :func:`enrolment_wait` reads the same counts to limit
enrolment tries per source address and per code.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.server import admin
from app.server.models import RefusalCount

#: The largest request body the server takes (a push batch is smaller still).
MAX_BODY = 2 * 1024 * 1024
#: How far past the limit the server reads to see whether a body ends, so a client a little over gets its answer.
DRAIN = 1024 * 1024
#: Refusals are counted in windows of this many seconds (aligned on the clock); the rate limit resets with them.
WINDOW_SECONDS = 300
#: Failed enrolment tries one address may make in a window before it must wait.
ENROL_TRIES_PER_SOURCE = 10
#: Failed tries of one issued code (used, expired...) from anywhere in a window before it must wait.
ENROL_TRIES_PER_CODE = 10
#: Counts older than this are dropped when a new window starts; the audit rows written for them stay.
KEEP_COUNTS = dt.timedelta(days=90)

TOO_LARGE = {"error": "too_large", "message": "That request is larger than the server accepts."}


# --- the body limit -----------------------------------------------------------------------------------------------


class BodyTooLarge(Exception):
    """Raised to whoever is reading a body once it passed the limit; the 413 has already been answered."""


class BodyLimit:
    """ASGI middleware: every request body is limited to ``max_body`` bytes as it arrives (see the module)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, drain: int = DRAIN) -> None:
        self.app = app
        self.max_body = max_body
        self.drain = drain

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body + self.drain):
            # Declared far too large: answered before a byte of it is read, and the connection closed.
            await _answer_too_large(send, close=True)
            return
        has_body = b"transfer-encoding" in headers or (declared is not None and int(declared) > 0)
        guard = _Guard(receive, send, self.max_body, self.max_body + self.drain, ended=not has_body)
        try:
            await self.app(scope, guard.receive, guard.send)
        except Exception:
            if not guard.refused:
                raise
            # The client has its 413; whatever the reader made of the cut-off body is dropped.


class _Guard:
    """One request's body count: wraps its ``receive`` and ``send``."""

    def __init__(self, receive: Receive, send: Send, limit: int, read_at_most: int, *, ended: bool) -> None:
        self._receive = receive
        self._send = send
        self.limit = limit
        self.read_at_most = read_at_most
        self.seen = 0
        self.ended = ended
        self.started = False
        self.refused = False

    async def _next(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self.seen += len(message.get("body", b""))
            if not message.get("more_body", False):
                self.ended = True
        elif message["type"] == "http.disconnect":
            self.ended = True
        return message

    async def receive(self) -> Message:
        if self.refused:
            return {"type": "http.disconnect"}
        message = await self._next()
        if self.seen > self.limit:
            await self._refuse()
            raise BodyTooLarge
        return message

    async def send(self, message: Message) -> None:
        if self.refused:
            return
        if message["type"] == "http.response.start":
            # An answer given before the whole body was read: count the rest first (the server reads it anyway).
            while not self.ended and self.seen <= self.limit:
                await self._next()
            if self.seen > self.limit:
                await self._refuse()
                return
            self.started = True
        await self._send(message)

    async def _refuse(self) -> None:
        while not self.ended and self.seen <= self.read_at_most:
            await self._next()
        self.refused = True
        if not self.started:
            self.started = True
            await _answer_too_large(self._send, close=not self.ended)


async def _answer_too_large(send: Send, *, close: bool) -> None:
    body = json.dumps(TOO_LARGE).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode("ascii"))]
    if close:
        headers.append((b"connection", b"close"))  # the server then hangs up instead of reading the rest
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


# --- counted refusals ---------------------------------------------------------------------------------------------


def window_start(now: dt.datetime) -> dt.datetime:
    """The start of the counting window ``now`` falls in."""
    seconds = math.floor(now.timestamp() / WINDOW_SECONDS) * WINDOW_SECONDS
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def seconds_left(now: dt.datetime) -> int:
    """Whole seconds until the window ``now`` falls in ends (at least 1): a refused client's Retry-After."""
    end = window_start(now) + dt.timedelta(seconds=WINDOW_SECONDS)
    return max(1, math.ceil((end - now).total_seconds()))


def count_refusal(
    s: Session,
    action: str,
    reason: str,
    source: str,
    *,
    now: dt.datetime,
    audited: bool = True,
    **audit_fields: Any,
) -> int:
    """Count one refusal of ``action`` for ``reason`` from ``source`` in the current window; return the count.

    The count is one statement (insert, or add one on conflict), so concurrent requests and several server processes
    never lose one. With ``audited``, the first refusal of the window and each tenfold count write one audit row,
    ``detail = {"reason", "count", "window_start"}``; the rest are only counted.
    """
    start = window_start(now)
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    values = insert(RefusalCount).values(
        action=action, reason=reason, source=source[:80], window_start=start, count=1, last_at=now
    )
    statement = values.on_conflict_do_update(
        index_elements=["action", "reason", "source", "window_start"],
        set_={"count": RefusalCount.count + 1, "last_at": now},
    ).returning(RefusalCount.count)
    count = int(s.execute(statement).scalar_one())
    if count == 1:
        s.execute(delete(RefusalCount).where(RefusalCount.window_start < start - KEEP_COUNTS))
    if audited and _tenfold(count):
        admin.audit(
            s,
            action,
            "blocked",
            **audit_fields,
            detail={"reason": reason, "count": count, "window_start": start.isoformat()},
        )
    return count


def _tenfold(count: int) -> bool:
    while count % 10 == 0 and count >= 10:
        count //= 10
    return count == 1


def counted(s: Session, action: str, source: str, *, now: dt.datetime) -> int:
    """Refusals of ``action`` from ``source`` in the current window, whatever their reason."""
    total = s.scalar(
        select(func.coalesce(func.sum(RefusalCount.count), 0)).where(
            RefusalCount.action == action,
            RefusalCount.source == source[:80],
            RefusalCount.window_start == window_start(now),
        )
    )
    return int(total or 0)


def enrolment_wait(s: Session, remote: str | None, code_id: str | None, *, now: dt.datetime) -> int | None:
    """Seconds an enrolment try must wait (its Retry-After), or None when it may go ahead.

    A source address gets :data:`ENROL_TRIES_PER_SOURCE` failed tries a window, an issued code
    :data:`ENROL_TRIES_PER_CODE` failed tries a window from anywhere.
    """
    if remote is not None and counted(s, ENROL_ACTION, remote, now=now) >= ENROL_TRIES_PER_SOURCE:
        return seconds_left(now)
    if code_id is not None and counted(s, ENROL_CODE_ACTION, code_id, now=now) >= ENROL_TRIES_PER_CODE:
        return seconds_left(now)
    return None


#: Enrolment refusals counted per source address (audited) and per issued code (counted only).
ENROL_ACTION = "enrol"
ENROL_CODE_ACTION = "enrol_code"
