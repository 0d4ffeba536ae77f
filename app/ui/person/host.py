"""What a section of the person workspace may ask of the workspace that holds it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from app.core.workspace import Workspace


class PersonHost(Protocol):
    @property
    def person_id(self) -> str | None:
        """The person on screen; None when nothing is open (locked, or back at the caseload)."""

    def run(
        self,
        work: Callable[[Workspace], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> bool:
        """Run ``work(ws)`` on the vault worker. The callbacks are dropped if the person changes or the vault locks
        before the result arrives. False (and nothing runs) when no person is open."""

    def record_changed(self, section: str) -> None:
        """A record was saved: read the person again (header, timeline, history and ``section``'s own list)."""
