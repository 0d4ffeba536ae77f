"""Unsaved form contents kept in the vault while it is locked, and handed back after the next unlock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from app.models import Draft
from app.models.base import utcnow

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: Where the person was (open person, section): saved with the drafts so unlocking returns to the same place.
PLACE_SLOT = "place"


class DraftService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def save_all(self, drafts: dict[str, dict[str, Any]]) -> None:
        """Store ``drafts`` (replacing any older draft in the same slot), in one transaction."""
        with self.ws.session() as s, s.begin():
            now = utcnow()
            for slot, state in drafts.items():
                s.merge(Draft(slot=slot, state=state, saved_at=now))

    def load_all(self) -> dict[str, dict[str, Any]]:
        with self.ws.session() as s:
            return {d.slot: dict(d.state) for d in s.scalars(select(Draft))}

    def forget(self, slots: set[str]) -> None:
        """Drop drafts that are back in their forms; any that found no form stay stored, never silently lost."""
        if not slots:
            return
        with self.ws.session() as s, s.begin():
            s.execute(delete(Draft).where(Draft.slot.in_(sorted(slots))))
