"""The person workspace: one person's header, sections, details, justice contacts, notes and history.

The workspace is loaded on first use (``from app.ui.person import PersonWorkspace``), not with the package: the
unlock screen uses this package's small field helpers, and importing the whole workspace with them (its sections,
the record-relief PDF, reportlab) cost the first window most of a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.ui.person.workspace import SECTION_KEYS, SECTIONS, PersonWorkspace

__all__ = ["SECTIONS", "SECTION_KEYS", "PersonWorkspace"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from app.ui.person import workspace

        return getattr(workspace, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
