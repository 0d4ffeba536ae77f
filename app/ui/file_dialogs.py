"""Choosing a file to save or open without leaving a trail of the folders a person used.

Qt's file dialog remembers: when it closes it writes the folders visited (``history``, ``lastVisited``) and the
side bar into ``QtProject.conf`` in the user's settings folder, a plain file every Qt program shares. A folder named
after a person stayed there after both the folder and the vault were gone (issue 16, item 4). And a platform's own
dialog keeps its own list (GTK adds every saved file to ``recently-used.xbel``), which we cannot clean.

So every file choice in the app goes through here: Qt's own dialog (never the platform's), and as soon as it has
closed the dialog's part of ``QtProject.conf`` is put back exactly as it was before it opened (another program's
entries included), and the file is removed again when it did not exist before. Only the folders of this session
stay in memory, where the next dialog starts; nothing of them reaches the disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.ui.qt import QFileDialog, QSettings, QWidget

#: Where Qt keeps its dialogs' memory: the "QtProject" organisation, user scope, group "FileDialog".
QT_ORGANISATION = "QtProject"
GROUP = "FileDialog"


def _qt_settings() -> QSettings:
    return QSettings(QSettings.Scope.UserScope, QT_ORGANISATION)


class _NoTrail:
    """Remembers the dialog's settings before it opens and restores them after it has closed."""

    def __init__(self) -> None:
        settings = _qt_settings()
        self.file = Path(settings.fileName())
        self.existed = self.file.exists()
        settings.beginGroup(GROUP)
        self.before: dict[str, Any] = {key: settings.value(key) for key in settings.allKeys()}
        settings.endGroup()

    def restore(self) -> None:
        settings = _qt_settings()
        settings.beginGroup(GROUP)
        settings.remove("")  # the whole group, as the dialog left it
        for key, value in self.before.items():
            settings.setValue(key, value)
        settings.endGroup()
        empty = not settings.allKeys()
        settings.sync()
        del settings
        if empty and not self.existed:
            self.file.unlink(missing_ok=True)


def _options() -> QFileDialog.Option:
    # Never the platform's dialog: its own "recent files" list is out of our reach.
    return QFileDialog.Option.DontUseNativeDialog


def save_file_name(parent: QWidget | None, caption: str, suggested: str | Path, filters: str) -> tuple[str, str]:
    """Like ``QFileDialog.getSaveFileName``: (the chosen path or "", the chosen filter), leaving no history."""
    trail = _NoTrail()
    try:
        return QFileDialog.getSaveFileName(parent, caption, str(suggested), filters, "", _options())
    finally:
        trail.restore()


def open_file_name(parent: QWidget | None, caption: str, directory: str | Path, filters: str) -> tuple[str, str]:
    """Like ``QFileDialog.getOpenFileName``: (the chosen path or "", the chosen filter), leaving no history."""
    trail = _NoTrail()
    try:
        return QFileDialog.getOpenFileName(parent, caption, str(directory), filters, "", _options())
    finally:
        trail.restore()


__all__ = ["open_file_name", "save_file_name"]
