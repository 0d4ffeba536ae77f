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


class SelfLoadingSection(Protocol):
    """A section that reads its own records (on the worker, through ``host.run``) when the person arrives.

    The workspace calls :meth:`load` each time the person is read (first open and after every save anywhere), and
    :meth:`clear` when the vault locks or another person opens: clear must drop every piece of person data at once.
    """

    def load(self, person_id: str) -> None: ...

    def clear(self) -> None: ...

    def has_draft(self) -> bool:
        """True while the section holds typing that is not saved yet (leaving asks first)."""
        ...
