"""Sync as the app runs it: one sync a person asked for, what it would send, and the conflicts brought down.

:func:`run_sync` is the session (:class:`app.sync.client.SyncSession`), then the conflicts this user may see brought
down from the office (``POST /v1/sync/conflicts``, signed and over the pinned certificate like every other call) and
kept inside the vault by :func:`app.core.conflicts.keep`, then a :class:`Summary` in plain counts: sent, received,
merged, needs a decision, removed from this computer and why.

The core never imports this module (nor the rest of the sync client); the UI and the command line call it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.core import conflicts
from app.core.conflicts import REASON_ACCESS, REASON_CONSENT, kind_words
from app.core.i18n import _
from app.core.not_accepted import REASON_NOT_ACCEPTED
from app.core.workspace import Workspace
from app.models import RECORD_TYPES
from app.models.base import utcnow
from app.reports.dates import short_date
from app.sync import state
from app.sync.client import Report, SyncInterrupted, SyncRefused, SyncSession

#: Why a sync removed records (app/core/conflicts.py's words, marked for the catalogue there).
REASON_WORDS = frozenset({REASON_CONSENT, REASON_ACCESS})


def count_words(record_type: str, count: int) -> str:
    """ "3 referrals" ("3 derivaciones" in Spanish): app/core/records.py's :func:`~app.core.records.kind_words`."""
    return kind_words(record_type, count)


@dataclass
class Removed:
    record_type: str
    count: int
    reason: str

    @property
    def sentence(self) -> str:
        return _("{what}: {why}.").format(what=count_words(self.record_type, self.count), why=_(self.reason))


@dataclass
class Summary:
    report: Report
    removed: list[Removed] = field(default_factory=list)
    needs_decision: int = 0
    #: Why the conflicts could not be brought down this time (the sync itself went through).
    conflicts_problem: str | None = None

    @property
    def sent(self) -> int:
        return self.report.sent

    @property
    def received(self) -> int:
        return self.report.received

    @property
    def merged(self) -> int:
        return self.report.outcomes.get("merged", 0)

    @property
    def kept_aside(self) -> int:
        """Records whose changes the office did not take; their author's copy is in "Not accepted by the office"."""
        return len(self.report.not_accepted)

    @property
    def waiting(self) -> int:
        """Changes kept here that go again at the next sync, once what they belong to is at the office."""
        return self.report.waiting


def run_sync(
    ws: Workspace,
    *,
    progress: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 60.0,
) -> Summary:
    """One sync a person asked for: send, receive, bring the conflicts down; what left this computer and why."""
    say = progress or (lambda _text: None)
    before = _held_ids(ws)
    session = SyncSession(ws, progress=say, cancel=cancel, timeout=timeout)
    report = session.run()
    after = _held_ids(ws)
    gone = Counter((before[rid], _why_removed(rid, before[rid], report)) for rid in before.keys() - after.keys())
    removed = [Removed(t, n, why) for (t, why), n in sorted(gone.items())]
    summary = Summary(report=report, removed=removed)
    say(_("Looking for changes that need your decision"))
    try:
        conflicts.keep(ws, session.conflicts())
    except (SyncInterrupted, SyncRefused) as exc:
        summary.conflicts_problem = exc.message
    summary.needs_decision = len(conflicts.pending(ws))
    return summary


def fetch_conflicts(ws: Workspace, *, timeout: float = 60.0) -> list[dict[str, Any]]:
    """Bring down the conflicts this user may see and keep them in the vault (replacing the last copy)."""
    items = SyncSession(ws, timeout=timeout).conflicts()
    conflicts.keep(ws, items)
    return items


def _held_ids(ws: Workspace) -> dict[str, str]:
    """Every record on this computer, sent or not: the summary counts every one a sync removes."""
    out: dict[str, str] = {}
    with ws.session() as s:
        for name, cls in RECORD_TYPES.items():
            for rid in s.scalars(select(cls.id)):
                out[rid] = name
    return out


def _why_removed(record_id: str, record_type: str, report: Report) -> str:
    if record_id in report.not_accepted:
        return REASON_NOT_ACCEPTED
    return REASON_CONSENT if record_type == "disclosure" else REASON_ACCESS


def is_enrolled(ws: Workspace) -> bool:
    with ws.session() as s:
        try:
            state.office(s)
        except state.NotEnrolled:
            return False
    return True


def unsynced_days(ws: Workspace, *, now: dt.datetime | None = None) -> int | None:
    """Whole days the oldest unsent change has waited, or None when nothing waits or this vault is not enrolled."""
    if not is_enrolled(ws):
        return None
    oldest = conflicts.unsynced_since(ws)
    if oldest is None:
        return None
    return max(0, ((now or utcnow()) - oldest).days)


@dataclass
class Outlook:
    """What a sync would do, before anything leaves: where to, what (in plain words), under which consents."""

    server: str
    kinds: list[str]
    total: int
    consents: list[str]


def outlook(ws: Workspace) -> Outlook:
    from app.models import Consent

    preview = SyncSession(ws).preview()
    kinds = [count_words(t, n) for t, n in sorted(preview.by_type.items(), key=lambda item: (-item[1], item[0]))]
    sentences: list[str] = []
    with ws.session() as s:
        for consent_id in preview.consents:
            consent = s.get(Consent, consent_id)
            if consent is None:
                sentences.append(_("a consent recorded on another computer"))
                continue
            if consent.expires_on:
                sentence = _("shared with {recipient} for {purpose}, until {day}").format(
                    recipient=consent.recipient, purpose=consent.purpose, day=short_date(consent.expires_on)
                )
            else:
                sentence = _("shared with {recipient} for {purpose}").format(
                    recipient=consent.recipient, purpose=consent.purpose
                )
            sentences.append(sentence)
    return Outlook(server=preview.server, kinds=kinds, total=preview.total, consents=sentences)
