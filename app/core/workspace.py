"""A person's open workspace: the unlocked vault, who is working, the clock, and the audit trail.

The UI, the CLI and the tests all work through a :class:`Workspace`; it is the only thing in ``app.core`` that knows
about the vault, and it hands out services (records, people) that speak in the field's terms.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.hlc import HybridClock
from app.models import AuditEvent, VaultMeta
from app.models.base import utcnow
from app.storage.vault import Identity, UnlockedVault

if TYPE_CHECKING:
    from app.core.drafts import DraftService
    from app.core.people import PeopleService
    from app.core.records import RecordService
    from app.core.sessions import SessionService
    from app.core.templates import TemplateLibrary

CLOCK_KEY = "hlc_last"


class Workspace:
    def __init__(self, vault: UnlockedVault) -> None:
        self.vault = vault
        self.identity: Identity = vault.identity
        with self.session() as s:
            last = s.scalar(select(VaultMeta.value).where(VaultMeta.key == CLOCK_KEY))
        self.clock = HybridClock(self.identity.device_id, last=last)

    def session(self) -> Session:
        return self.vault.session()

    @cached_property
    def records(self) -> RecordService:
        from app.core.records import RecordService

        return RecordService(self)

    @cached_property
    def people(self) -> PeopleService:
        from app.core.people import PeopleService

        return PeopleService(self)

    @cached_property
    def templates(self) -> TemplateLibrary:
        from app.core.templates import TemplateLibrary

        return TemplateLibrary(self)

    @cached_property
    def sessions(self) -> SessionService:
        from app.core.sessions import SessionService

        return SessionService(self)

    @cached_property
    def drafts(self) -> DraftService:
        from app.core.drafts import DraftService

        return DraftService(self)

    def remember_clock(self, s: Session, hlc: str) -> None:
        """Persist the clock's high-water mark in the same transaction as the change it stamped."""
        s.merge(VaultMeta(key=CLOCK_KEY, value=hlc))

    def audit(
        self,
        s: Session,
        action: str,
        *,
        record_type: str | None = None,
        record_id: str | None = None,
        person_id: str | None = None,
        fields: list[str] | None = None,
        hlc: str | None = None,
    ) -> None:
        """Who did what to which record, and when. Field *names* only: never a value, a name or a note."""
        hlc = hlc or self.clock.tick()
        self.remember_clock(s, hlc)
        s.add(
            AuditEvent(
                occurred_at=utcnow(),
                hlc=hlc,
                user_id=self.identity.user_id,
                device_id=self.identity.device_id,
                action=action,
                record_type=record_type,
                record_id=record_id,
                person_id=person_id,
                fields=fields or [],
            )
        )

    def log_event(self, action: str, **kwargs: object) -> None:
        """An audit event on its own (unlock, backup, export...)."""
        with self.session() as s, s.begin():
            self.audit(s, action, **kwargs)  # type: ignore[arg-type]

    def history(self, record_id: str | None = None, person_id: str | None = None, limit: int = 500) -> list[AuditEvent]:
        with self.session() as s:
            q = select(AuditEvent).order_by(AuditEvent.hlc.desc()).limit(limit)
            if record_id:
                q = q.where(AuditEvent.record_id == record_id)
            if person_id:
                q = q.where(AuditEvent.person_id == person_id)
            rows = list(s.scalars(q))
            s.expunge_all()
            return rows

    def lock(self) -> None:
        self.vault.lock()
