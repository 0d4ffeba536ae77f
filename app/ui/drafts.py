"""Drafts: unsaved typing survives a lock. Widgets that hold typing implement :class:`DraftAware`.

On lock, the main window asks every widget in the window that is :class:`DraftAware` for its unsaved state, saves
them all into the vault (encrypted, via ``Workspace.drafts``) before the vault closes, and after the next unlock
reopens the same place (person and section) and hands each state back to the widget whose slot matches. Nothing is
ever written outside the vault.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from app.ui.qt import QWidget


@runtime_checkable
class DraftAware(Protocol):
    def draft_slot(self) -> str | None:
        """This form's stable key in its current place (e.g. ``note:<person id>``); None when it shows nothing."""

    def has_draft(self) -> bool:
        """True when the form holds typing that has not been saved."""

    def draft_state(self) -> dict[str, Any]:
        """The unsaved content as JSON-able values, enough to put it back exactly (text, cursor, choices)."""

    def restore_draft(self, state: dict[str, Any]) -> None:
        """Put back what ``draft_state`` returned."""


def _draft_widgets(root: QWidget) -> list[Any]:
    return [w for w in [root, *root.findChildren(QWidget)] if isinstance(w, DraftAware)]


def collect_drafts(root: QWidget) -> dict[str, dict[str, Any]]:
    """Every unsaved form under ``root``, keyed by its slot."""
    drafts: dict[str, dict[str, Any]] = {}
    for widget in _draft_widgets(root):
        slot = widget.draft_slot()
        if slot and widget.has_draft():
            drafts[slot] = widget.draft_state()
    return drafts


def restore_drafts(root: QWidget, drafts: dict[str, dict[str, Any]]) -> set[str]:
    """Hand drafts back to the widgets whose slot matches; returns the slots that found their widget."""
    placed: set[str] = set()
    for widget in _draft_widgets(root):
        slot = widget.draft_slot()
        if slot and slot in drafts:
            widget.restore_draft(drafts[slot])
            placed.add(slot)
    return placed
