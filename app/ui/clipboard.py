"""Copying with care: what Offramp puts on the clipboard is cleared after a while, and at once on quick exit.

Only text this module put there is cleared, and only if it is still there: a person who copied something else
since keeps it (after KeePassXC's clipboard handling).
"""

from __future__ import annotations

from app.ui.qt import QApplication, QClipboard, QObject, QTimer

DEFAULT_CLEAR_SECONDS = 20


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None, *, clear_after_seconds: int = DEFAULT_CLEAR_SECONDS) -> None:
        super().__init__(parent)
        self.clear_after_seconds = clear_after_seconds
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_ours)

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard (and the X11 selection), to be cleared after ``clear_after_seconds``."""
        clipboard = QApplication.clipboard()
        clipboard.setText(text, QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.setText(text, QClipboard.Mode.Selection)
        self._ours = text
        self._timer.start(max(1, self.clear_after_seconds) * 1000)

    def clear_ours(self) -> None:
        """Clear the clipboard if it still holds what we put there."""
        self._timer.stop()
        if self._ours is None:
            return
        clipboard = QApplication.clipboard()
        modes = [QClipboard.Mode.Clipboard]
        if clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        for mode in modes:
            if clipboard.text(mode) == self._ours:
                clipboard.clear(mode)
        self._ours = None


_guard: ClipboardGuard | None = None


def guard() -> ClipboardGuard:
    """The app's one clipboard guard (made on first use, owned by the QApplication)."""
    global _guard
    if _guard is None:
        _guard = ClipboardGuard(QApplication.instance())
    return _guard


def copy_sensitive(text: str) -> None:
    guard().copy(text)
