"""The person workspace: one person's header, sections, details, justice contacts, notes and history."""

from app.ui.person.workspace import SECTION_KEYS, SECTIONS, PersonWorkspace

__all__ = ["SECTIONS", "SECTION_KEYS", "PersonWorkspace"]
